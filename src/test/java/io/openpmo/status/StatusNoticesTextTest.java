package io.openpmo.status;

import static io.openpmo.notify.MailTemplate.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.notify.Notifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RED intervention's mail, now a template, reads word for word as it did when the delegate built it. */
class StatusNoticesTextTest {

  @Test
  void theRequestToAssessTheChangeReadsAsBefore() {
    Object change = "CR-2026-0009";
    Notifier.Message mail = StatusNotices.CHANGE_REQUEST_RAISED.toUsers(List.of("pat"), values("code",
        "PRJ-2026-0003", "title", "Core banking", "change", change, "comment", "-"));

    assertThat(mail.subject()).isEqualTo("PRJ-2026-0003" + " is RED: change request " + change + " raised");
    assertThat(mail.body()).isEqualTo("The PMO reviewed " + "PRJ-2026-0003" + " \"" + "Core banking"
        + "\" after a RED status report and raised" + " the change request " + change
        + ". Please assess its impact in" + " Tasklist.\n\nPMO comment: " + "-");
  }
}
