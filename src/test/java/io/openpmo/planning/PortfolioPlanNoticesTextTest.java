package io.openpmo.planning;

import static io.openpmo.notify.MailTemplate.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.notify.Notifier;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adopted plan's mail, now a template, reads word for word as it did when the delegate built it. */
class PortfolioPlanNoticesTextTest {

  @Test
  void thePlanApprovedMailReadsAsBefore() {
    YearMonth period = YearMonth.of(2027, 1);
    String spend = ReviewMarkdown.money(new BigDecimal("1200000"));
    String budget = ReviewMarkdown.money(new BigDecimal("1500000"));
    Notifier.Message mail = PortfolioPlanNotices.PLAN_APPROVED.toGroups(List.of("pmo"), values("period", period,
        "plan", "SCN-2027-0002", "decidedBy", "erik", "name", "Generous", "months", 12, "valueFunded", 340,
        "greedyValue", 300, "spend", spend, "budget", budget));

    assertThat(mail.subject()).isEqualTo("Portfolio plan " + period + " approved: " + "SCN-2027-0002");
    assertThat(mail.body()).isEqualTo("The executive committee (" + "erik" + ") approved " + "SCN-2027-0002" + " \""
        + "Generous" + "\" as the portfolio plan of " + period + " ("
        + 12 + " months).\n\nValue points funded: " + 340 + " (greedy by priority: "
        + 300 + ")\nSpend in the period: " + spend + " of "
        + budget + "\n\nDetails: /api/v1/scenarios/" + "SCN-2027-0002"
        + "\nDeviations: /api/v1/portfolio-plans/deviations");
  }
}
