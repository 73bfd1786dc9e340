package io.openpmo.review;

import static io.openpmo.notify.MailTemplate.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.notify.Notifier;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overdue mail, now a template, reads word for word as it did when the delegate built it. */
class OverdueReviewsTextTest {

  @Test
  void theOverdueMailReadsAsBefore() {
    Date due = new Date(1_790_000_000_000L);
    for (String assignee : new String[] {null, "fiona"}) {
      Notifier.Message mail = OverdueReviews.OVERDUE.to(List.of(), List.of("finance", "pmo"), values("task",
          "Review (Finance)", "due", due, "holder", assignee == null ? " and unclaimed" : " with " + assignee));

      assertThat(mail.subject()).isEqualTo("Overdue: " + "Review (Finance)");
      assertThat(mail.body()).isEqualTo("The task \"" + "Review (Finance)" + "\" was due on " + due
          + " and is still open" + (assignee == null ? " and unclaimed" : " with " + assignee)
          + ".\nThe PMO has been informed.");
    }
  }
}
