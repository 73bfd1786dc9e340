package io.openpmo.change;

import static io.openpmo.notify.MailTemplate.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.notify.Notifier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emergency change's mail, now a template, reads word for word as it did when the delegate built it. */
class ChangeNoticesTextTest {

  @Test
  void theEmergencyMailReadsAsBefore() {
    BigDecimal costDelta = new BigDecimal("15000.00");
    Integer delayDays = 10;
    Notifier.Message mail = ChangeNotices.EMERGENCY_APPLIED.toGroups(List.of("pmo"), values("change", "CR-2026-0007",
        "title", "Patch the gateway", "project", "PRJ-2026-0003", "requestedBy", "pat", "costDelta", costDelta,
        "delayDays", delayDays));

    assertThat(mail.subject()).isEqualTo("Emergency change " + "CR-2026-0007" + " applied");
    assertThat(mail.body()).isEqualTo("The emergency change " + "CR-2026-0007" + " \"" + "Patch the gateway" + "\" on "
        + "PRJ-2026-0003" + " was applied at once by " + "pat" + ".\nCost change: " + costDelta
        + ", delay: " + delayDays + " days.\n\nThe PMO approves or rejects it within 2 days; a"
        + " rejection rolls it back.");
  }
}
