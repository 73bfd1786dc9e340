package io.openpmo.report;

import io.openpmo.status.RegisterStatus;
import io.openpmo.project.GateOutcome;
import io.openpmo.project.Health;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.openpmo.closure.BenefitsReview;
import io.openpmo.closure.Closure;
import io.openpmo.closure.ClosureSummary;
import io.openpmo.closure.Lesson;
import io.openpmo.gate.GateCondition;
import io.openpmo.baseline.Baseline;
import io.openpmo.portfolio.ProjectView;
import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.ProjectType;
import io.openpmo.project.RiskTier;
import io.openpmo.project.ThirdParty;
import io.openpmo.status.RiskIssue;
import io.openpmo.status.StatusReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PDF renderer on its own: no Spring, no database; the text is read back from the PDF. */
class ProjectReportPdfTest {

  static final OffsetDateTime DECIDED = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.UTC);

  static Project project() {
    return new Project(7L, "PRJ-2026-0042", "Replace the payments hub", "Move card payments to the new hub",
        "Payments", "sam", "rita", ProjectType.STRATEGIC, 4, new BigDecimal("300000"), new BigDecimal("150000.00"),
        "EUR", LocalDate.of(2026, 2, 1), 6, Complexity.MEDIUM, false, DataClassification.INTERNAL, ThirdParty.NONE,
        false, false, null, null, null, null, ProjectStatus.ACTIVE, ProjectPhase.DELIVERY, 35, RiskTier.MEDIUM, 72,
        PriorityClass.P2, 0, "pi-1", "paul", DECIDED, DECIDED, DECIDED, 11L, Health.AMBER, 0, null);
  }

  static ProjectReport report(List<StatusReport> statusReports, List<RiskIssue> register) {
    return report(statusReports, register, null);
  }

  static ProjectReport report(List<StatusReport> statusReports, List<RiskIssue> register, ClosureSummary closure) {
    return new ProjectReport(Instant.parse("2026-06-30T08:00:00Z"), project(),
        List.of(new ProjectView.DecisionEvaluation("projectRisk", "Project risk", DECIDED,
            List.of(new ProjectView.FiredRule("Rule_RiskMedium", "Risk points between 25 and 49",
                Map.of("riskTier", "MEDIUM"))))),
        List.of(new ProjectView.Approval("pmo", "FUNCTIONAL"), new ProjectView.Approval("finance", "FUNCTIONAL")),
        List.of(new ProjectReport.Review("Request (G0)", 1, "FUNCTIONAL", "finance", "fiona", "APPROVE",
            "Sound business case", DECIDED)),
        List.of(new ProjectReport.Gate("G1", 1, "DECIDED", GateOutcome.GO_WITH_CONDITIONS, "pmo", DECIDED, DECIDED,
            List.of(new ProjectReport.ChecklistItem("Milestones dated and owned", true)), "All agreed")),
        List.of(new GateCondition(1L, 1L, 7L, "Name a deputy project manager", "petra", "paul", null, "OPEN", null,
            null, null)),
        List.of(new Baseline(11L, 7L, 1, Baseline.IN_FORCE, new BigDecimal("120000.00"), LocalDate.of(2026, 2, 1),
            LocalDate.of(2026, 8, 1), "Plan approved at G1", "paul", DECIDED, DECIDED, null)),
        statusReports, register, closure);
  }

  static StatusReport statusReport(LocalDate date, String cpi) {
    return new StatusReport(1L, 7L, 11L, date, new BigDecimal("20.00"), new BigDecimal("28500.00"),
        new BigDecimal("30000.00"), new BigDecimal("24000.00"), new BigDecimal(cpi), new BigDecimal("0.8000"),
        Health.AMBER, null, "API", "paul", DECIDED);
  }

  static String text(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    StringBuilder text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    reader.close();
    return text.toString();
  }

  @Test
  void theReportShowsTheProjectItsDecisionsBaselinesAndStatus() throws IOException {
    RiskIssue risk = new RiskIssue(1L, 7L, "RISK", "Vendor may be late", null, "HIGH", 3, 4, "paul", RegisterStatus.OPEN, null,
        "paul", DECIDED, DECIDED);
    byte[] pdf = new ProjectReportPdf().render(report(List.of(statusReport(LocalDate.of(2026, 5, 31), "0.8421")),
        List.of(risk)));

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(text).contains("PRJ-2026-0042", "Replace the payments hub", "OpenPMO", "Page 1")
        .contains("Sound business case", "fiona")
        .contains("Risk points between 25 and 49")
        .contains("120,000.00", "Plan approved at G1")
        .contains("0.8421", "28,500.00")
        .contains("Name a deputy project manager", "Milestones dated and owned")
        .contains("Vendor may be late");
  }

  @Test
  void theReportSaysWhichDecisionVersionDecidedEachOutcome() throws IOException {
    ProjectView.DecisionVersion approved = new ProjectView.DecisionVersion(3, "2026.2", "approvalRouting:3:x", "d-3",
        "APPROVED", "MC-7");
    ProjectReport base = report(List.of(), List.of());
    ProjectReport report = new ProjectReport(base.generatedAt(), base.project(),
        List.of(new ProjectView.DecisionEvaluation("approvalRouting", "Approval routing", DECIDED, List.of(), approved)),
        base.requiredApprovals(), base.reviews(), base.gates(), base.gateConditions(), base.baselines(),
        base.statusReports(), base.register(), base.closure(),
        List.of(new ProjectView.DecisionUse(DECIDED, "approvalRouting", "projectInitiation", "Task_RouteApprovals",
            "approverGroup finance, pmo", approved)));

    String text = text(new ProjectReportPdf().render(report));

    assertThat(text).contains("by version v3 (tag 2026.2) MC-7").contains("Decision versions")
        .contains("Task_RouteApprovals").contains("approverGroup finance, pmo");
  }

  @Test
  void aLongHistoryRunsOverPagesWithHeaderAndPageNumberOnEach() throws IOException {
    List<StatusReport> history = new ArrayList<>();
    for (int month = 0; month < 60; month++) {
      history.add(statusReport(LocalDate.of(2021, 1, 31).plusMonths(month), "0.9" + (100 + month)));
    }
    byte[] pdf = new ProjectReportPdf().render(report(history, List.of()));

    PdfReader reader = new PdfReader(pdf);
    int pages = reader.getNumberOfPages();
    assertThat(pages).isGreaterThan(1);
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    String last = extractor.getTextFromPage(pages);
    assertThat(last).contains("OpenPMO", "Page " + pages);
    assertThat(text(pdf)).contains("0.9159");
  }

  @Test
  void anEmptyPartSaysSoAndAMissingPartIsLeftOut() throws IOException {
    String text = text(new ProjectReportPdf().render(report(List.of(), null)));
    assertThat(text).contains("Status history", "None recorded.").doesNotContain("Risks and issues")
        .doesNotContain("Closure").doesNotContain("Lessons learned");
  }

  @Test
  void aClosedProjectShowsItsFinalFiguresLessonsAndBenefitsReview() throws IOException {
    Closure closure = new Closure(1L, 7L, Closure.DELIVERED, null, Closure.CLOSED, "pi-9", DECIDED, DECIDED,
        new BigDecimal("0.50"), Closure.ACCEPTED_WITH_RESERVATIONS, "Training to follow", "sam", DECIDED, 1,
        new BigDecimal("126000.00"), new BigDecimal("100.00"), LocalDate.of(2026, 8, 20), new BigDecimal("120000.00"),
        LocalDate.of(2026, 8, 1), new BigDecimal("-6000.00"), 19, new BigDecimal("0.9524"), new BigDecimal("1.0000"),
        "HANDED_OVER", "sam", "Closed with the sponsor", "paul");
    Lesson lesson = new Lesson(3L, 7L, "PRJ-2026-0042", "Replace the payments hub", "Stable team",
        "Late test data", "Book the test environment at G1", List.of("testing", "environments"), "paul", DECIDED);
    BenefitsReview review = new BenefitsReview(1L, 7L, DECIDED.plusMonths(6), new BigDecimal("90000.00"),
        new BigDecimal("67500.00"), new BigDecimal("0.7500"), "PARTIALLY_ACHIEVED", "Measured on the ledger", "sam",
        DECIDED.plusMonths(6));
    String text = text(new ProjectReportPdf().render(report(List.of(), List.of(),
        new ClosureSummary(closure, List.of(), List.of(lesson), review))));
    String flat = text.replaceAll("\\s+", " ");
    assertThat(flat).contains("Closure", "Accepted with reservations: Training to follow", "126,000.00", "-6,000.00",
        "19 days", "0.9524", "Handed over to sam")
        .contains("Lessons learned", "Book the test environment at G1", "testing, environments")
        .contains("Benefits review", "67,500.00", "0.7500", "Partially achieved");
  }
}
