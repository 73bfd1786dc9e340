package io.openpmo.intake;

import static io.openpmo.notify.MailTemplate.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.notify.Notifier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The initiation's mails, now templates, read word for word as they did when the delegates built them. */
class InitiationNoticesTextTest {

  private static final String CODE = "PRJ-2026-0042";
  private static final String TITLE = "Reconciliation robot";

  @Test
  void theConfirmationReadsAsBefore() {
    String functional = "Finance, Risk";
    String committees = "";
    String publicUrl = "https://pmo.example";
    Notifier.Message mail = InitiationNotices.RECEIVED.toUsers(List.of("anna"), values("code", CODE, "title", TITLE,
        "riskScore", 35, "riskTier", "medium", "priorityScore", 61, "priorityClass", "B",
        "reviewedBy", "Reviewed by: " + functional + " (in parallel, within 5 days)\n", "decidedBy", "",
        "publicUrl", publicUrl));

    assertThat(mail.subject()).isEqualTo(CODE + " received: " + TITLE);
    assertThat(mail.body()).isEqualTo("Your project request " + CODE + " \"" + TITLE + "\" is registered.\n\n"
        + "Project code: " + CODE + "\n"
        + "Risk: " + 35 + " points (" + "medium" + ")\n"
        + "Priority: " + 61 + " points (" + "B" + ")\n"
        + (functional.isEmpty() ? "" : "Reviewed by: " + functional + " (in parallel, within 5 days)\n")
        + (committees.isEmpty() ? "" : "Then decided by: " + committees + "\n")
        + "\nFollow it, with every vote and the open tasks: " + publicUrl + "/dashboard/request.html?code="
        + CODE + "\n"
        + "You get a mail when it is decided. If reviewers ask for rework, the request comes back to you in"
        + " Tasklist.");
  }

  @Test
  void theDecisionsReadAsBefore() {
    Notifier.Message rejected = InitiationNotices.REJECTED.toUsers(List.of("anna", "sam"), values("code", CODE,
        "title", TITLE, "reasons", "- no benefit case\n- too risky"));
    Notifier.Message approved = InitiationNotices.APPROVED.toUsers(List.of("anna", "sam"), values("code", CODE,
        "title", TITLE, "riskScore", 35, "riskTier", "MEDIUM", "priorityScore", 61, "priorityClass", "B",
        "currency", "EUR", "budget", new BigDecimal("250000.00").toPlainString()));

    assertThat(rejected.subject()).isEqualTo(CODE + " rejected: " + TITLE);
    assertThat(rejected.body()).isEqualTo("The project request " + CODE + " \"" + TITLE + "\" was rejected.\n\n"
        + "Reasons:\n" + "- no benefit case\n- too risky");
    assertThat(approved.subject()).isEqualTo(CODE + " approved: " + TITLE);
    assertThat(approved.body()).isEqualTo("The project request " + CODE + " \"" + TITLE + "\" was approved at G0 and is"
        + " registered.\n\nRisk: " + 35 + " (" + "MEDIUM" + ")\nPriority: "
        + 61 + " (" + "B" + ")\nBudget: " + "EUR" + " "
        + "250000.00" + "\n\nNext: planning and the G1 plan approval.");
  }
}
