package io.openpmo.report;

import static io.openpmo.report.PdfLayout.BODY;
import static io.openpmo.report.PdfLayout.SUBHEADING;
import static io.openpmo.report.PdfLayout.TITLE;
import static io.openpmo.report.PdfLayout.fact;
import static io.openpmo.report.PdfLayout.heading;
import static io.openpmo.report.PdfLayout.index;
import static io.openpmo.report.PdfLayout.money;
import static io.openpmo.report.PdfLayout.percent;
import static io.openpmo.report.PdfLayout.row;
import static io.openpmo.report.PdfLayout.section;
import static io.openpmo.report.PdfLayout.table;
import static io.openpmo.report.PdfLayout.tableSection;
import static io.openpmo.report.PdfLayout.text;
import static io.openpmo.report.PdfLayout.words;

import com.lowagie.text.Document;
import io.openpmo.closure.BenefitsReview;
import io.openpmo.core.Labels;
import io.openpmo.closure.Closure;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.openpmo.portfolio.ProjectView;
import io.openpmo.project.Project;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Prints a {@link ProjectReport} as a PDF: A4, a header line with the product name on every page, "Page n" in
 * the footer, one titled section per part of the report, tables with a header row that repeats on every page.
 * Plain Java (OpenPDF), no Spring needed: {@code new ProjectReportPdf().render(report)}.
 *
 * <p>One method per section; a section whose part of the report is null is left out. Adding a section is
 * adding a method and calling it from {@link #render(ProjectReport)}; {@link PdfLayout#tableSection} prints a
 * section that is one table, {@link PdfLayout#section}, {@link PdfLayout#table} and {@link PdfLayout#row} the parts of
 * other layouts (shared with the management body's pack).
 */
@Component
public class ProjectReportPdf {

  public static final String PRODUCT = PdfLayout.PRODUCT;

  /** The report as a PDF document. */
  public byte[] render(ProjectReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 60, 50);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PdfLayout.PageDecoration("Project report " + report.project().code() + ", generated "
          + text(report.generatedAt())));
      document.addTitle("Project report " + report.project().code());
      document.addCreator(PRODUCT);
      document.open();
      titleBlock(document, report);
      scores(document, report);
      decisionRules(document, report);
      decisionVersions(document, report);
      approvals(document, report);
      reviews(document, report);
      gates(document, report);
      gateConditions(document, report);
      baselines(document, report);
      statusHistory(document, report);
      register(document, report);
      closure(document, report);
      lessons(document, report);
      benefits(document, report);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot print the report of " + report.project().code(), e);
    }
    return out.toByteArray();
  }

  void titleBlock(Document document, ProjectReport report) throws DocumentException {
    Project p = report.project();
    Paragraph title = new Paragraph(p.code() + ": " + p.title(), TITLE);
    title.setSpacingAfter(8);
    document.add(title);
    PdfPTable facts = new PdfPTable(new float[] {2, 3, 2, 3});
    facts.setWidthPercentage(100);
    fact(facts, "Code", p.code());
    fact(facts, "Status", p.status());
    fact(facts, "Phase", p.phase());
    fact(facts, "Health", p.health() == null ? "not rated yet" : p.health().name());
    fact(facts, "Sponsor", p.sponsor());
    fact(facts, "Project manager", p.projectManager() == null ? "not assigned" : p.projectManager());
    fact(facts, "Business unit", p.businessUnit());
    fact(facts, "Requester", p.requester());
    fact(facts, "Type", p.projectType());
    fact(facts, "Requested budget", money(p.budget()) + " " + text(p.currency()));
    fact(facts, "Start", p.startDate());
    fact(facts, "Duration", p.durationMonths() == null ? "-" : p.durationMonths() + " months");
    document.add(facts);
    if (p.description() != null && !p.description().isBlank()) {
      Paragraph description = new Paragraph(p.description(), BODY);
      description.setSpacingBefore(6);
      document.add(description);
    }
  }

  void scores(Document document, ProjectReport report) throws DocumentException {
    Project p = report.project();
    heading(document, "Scores");
    PdfPTable table = table(new float[] {3, 2, 2}, "Score", "Points", "Result");
    row(table, "Risk", p.riskScore(), p.riskTier());
    row(table, "Priority", p.priorityScore(), p.priorityClass());
    document.add(table);
  }

  void decisionRules(Document document, ProjectReport report) throws DocumentException {
    if (!section(document, "Why: the decision rules that fired", report.decisionRules())) {
      return;
    }
    for (ProjectView.DecisionEvaluation evaluation : report.decisionRules()) {
      Paragraph name = new Paragraph(text(evaluation.decisionName()) + " (" + evaluation.decision() + "), evaluated "
          + text(evaluation.evaluatedAt()) + (evaluation.decidedBy() == null ? ""
          : " by version " + evaluation.decidedBy().label()), SUBHEADING);
      name.setSpacingBefore(6);
      document.add(name);
      PdfPTable table = table(new float[] {2, 5, 3}, "Rule", "Why", "Outputs");
      for (ProjectView.FiredRule rule : evaluation.rules()) {
        row(table, rule.ruleId(), rule.description(), outputs(rule.outputs()));
      }
      document.add(table);
    }
  }

  void decisionVersions(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Decision versions: which version decided each outcome", report.decisionVersions(),
        new float[] {2.4f, 2.2f, 2.6f, 3.2f, 3}, new String[] {"When", "Decision", "Step", "Outcome", "Version"},
        d -> new Object[] {d.evaluatedAt(), d.decision(), d.step(), d.outcome(),
            d.decidedBy() == null ? null : d.decidedBy().label()});
  }

  void approvals(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Required approvals", report.requiredApprovals(), new float[] {1, 1},
        new String[] {"Group", "Stage"}, a -> new Object[] {Labels.group(a.group()), Labels.value(a.stage())});
  }

  void reviews(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Review decisions", report.reviews(), new float[] {2.2f, 1.3f, 2.4f, 2, 1.6f, 2.3f, 2.2f,
        4.5f}, new String[] {"Subject", "Round", "Stage", "Group", "Reviewer", "Decision", "When", "Comment"},
        r -> new Object[] {r.subject(), r.round(), Labels.value(r.stage()), Labels.group(r.group()),
            r.actingFor() == null ? r.reviewer() : r.reviewer() + " for " + r.actingFor(), Labels.value(r.decision()),
            r.decidedAt(), r.comment()});
  }

  void gates(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Gates", report.gates(), new float[] {1, 1.3f, 1.6f, 3.4f, 2.6f, 2.2f, 2.2f},
        new String[] {"Gate", "Attempt", "Status", "Outcome", "Reviewers", "Opened", "Decided"},
        g -> new Object[] {g.gate(), g.attempt(), g.status(), g.outcome(), g.reviewerGroups(), g.openedAt(),
            g.decidedAt()});
    for (ProjectReport.Gate g : report.gates() == null ? List.<ProjectReport.Gate>of() : report.gates()) {
      if (g.checklist() == null || g.checklist().isEmpty()) {
        continue;
      }
      Paragraph name = new Paragraph("Checklist " + g.gate() + ", attempt " + g.attempt(), SUBHEADING);
      name.setSpacingBefore(6);
      document.add(name);
      PdfPTable checklist = table(new float[] {8, 1}, "Item", "Done");
      g.checklist().forEach(item -> row(checklist, item.item(), item.done() ? "yes" : "no"));
      document.add(checklist);
      if (g.checklistNotes() != null) {
        document.add(new Paragraph("Notes: " + g.checklistNotes(), BODY));
      }
    }
  }

  void gateConditions(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Gate conditions", report.gateConditions(), new float[] {5, 1.5f, 1.5f, 1.3f, 1.5f, 3},
        new String[] {"Condition", "Owner", "Due", "Status", "Closed by", "Note"},
        c -> new Object[] {c.description(), c.owner(), c.dueDate(), c.status(), c.closedBy(), c.note()});
  }

  void baselines(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Baselines", report.baselines(), new float[] {1.4f, 2, 1.6f, 1.6f, 2, 2.2f, 4},
        new String[] {"Version", "BAC (" + text(report.project().currency()) + ")", "Start", "End", "Status",
            "In force from", "Reason"},
        b -> new Object[] {b.version(), money(b.budgetAtCompletion()), b.startDate(), b.endDate(), b.status(),
            b.effectiveFrom(), b.reason()});
  }

  void statusHistory(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Status history", report.statusReports(), new float[] {1.6f, 1.2f, 1.8f, 1.8f, 1.8f,
        1.1f, 1.1f, 1.2f}, new String[] {"Date", "% complete", "PV", "EV", "AC", "CPI", "SPI", "Health"},
        s -> new Object[] {s.reportDate(), percent(s.percentComplete()), money(s.plannedValue()),
            money(s.earnedValue()), money(s.actualCost()), index(s.cpi()), index(s.spi()), s.health()});
  }

  void register(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Risks and issues", report.register(), new float[] {1.1f, 5, 1.4f, 1, 1, 1.4f, 1.6f,
        1.6f}, new String[] {"Kind", "Title", "Severity", "Prob.", "Impact", "Owner", "Status", "Due"},
        r -> new Object[] {r.kind(), r.title(), r.severity(), r.probability(), r.impact(), r.owner(), r.status(),
            r.dueDate()});
  }

  void closure(Document document, ProjectReport report) throws DocumentException {
    Closure c = report.closure() == null ? null : report.closure().closure();
    if (c == null) {
      return;
    }
    heading(document, "Closure");
    PdfPTable facts = new PdfPTable(new float[] {2, 3, 2, 3});
    facts.setWidthPercentage(100);
    fact(facts, "Reason", c.reason());
    fact(facts, "Closure", c.status() + (c.closedAt() == null ? "" : ", " + text(c.closedAt())));
    fact(facts, "Sponsor acceptance", c.acceptance() == null ? "not asked" : words(c.acceptance())
        + (c.acceptanceComment() == null ? "" : ": " + c.acceptanceComment()));
    fact(facts, "Refusals", c.acceptanceRefusals());
    fact(facts, "Final cost", money(c.finalCost()));
    fact(facts, "Budget at completion", money(c.budgetAtCompletion()));
    fact(facts, "Cost variance", money(c.costVariance()));
    fact(facts, "Schedule variance", c.scheduleVarianceDays() == null ? "-" : c.scheduleVarianceDays() + " days");
    fact(facts, "Final CPI", index(c.finalCpi()));
    fact(facts, "Final SPI", index(c.finalSpi()));
    fact(facts, "Open risks and issues", c.openItems() == null ? "-" : words(c.openItems())
        + (c.handedOverTo() == null ? "" : " to " + c.handedOverTo()));
    fact(facts, "Released (FTE months)", c.releasedFte());
    document.add(facts);
    if (c.closureNotes() != null) {
      document.add(new Paragraph("Notes: " + c.closureNotes(), BODY));
    }
  }

  void lessons(Document document, ProjectReport report) throws DocumentException {
    tableSection(document, "Lessons learned", report.closure() == null ? null : report.closure().lessons(),
        new float[] {1.6f, 3, 3, 3, 1.8f}, new String[] {"By", "What went well", "What to improve",
            "Recommendations", "Tags"},
        l -> new Object[] {l.author() + ", " + text(l.createdAt() == null ? null : l.createdAt().toLocalDate()),
            l.wentWell(), l.toImprove(), l.recommendations(), String.join(", ", l.tags())});
  }

  void benefits(Document document, ProjectReport report) throws DocumentException {
    BenefitsReview b = report.closure() == null ? null : report.closure().benefitsReview();
    if (b == null) {
      return;
    }
    tableSection(document, "Benefits review", List.of(b), new float[] {2, 2.2f, 2.2f, 1.4f, 2.2f, 4},
        new String[] {"Due", "Expected / year", "Realised / year", "Ratio", "Verdict", "How measured"},
        r -> new Object[] {r.dueAt() == null ? null : r.dueAt().toLocalDate(), money(r.expectedAnnualBenefit()),
            money(r.realisedAnnualBenefit()), index(r.realisationRatio()), r.outcome() == null ? "due" : words(r.outcome()),
            r.comment()});
  }

  private static String outputs(Map<String, Object> outputs) {
    return outputs == null ? "-" : outputs.entrySet().stream().map(e -> e.getKey() + " = " + text(e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
