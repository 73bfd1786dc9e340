package io.openpmo.report;

import com.lowagie.text.Document;
import io.openpmo.closure.BenefitsReview;
import io.openpmo.core.Labels;
import io.openpmo.closure.Closure;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import io.openpmo.portfolio.ProjectView;
import io.openpmo.project.Project;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Prints a {@link ProjectReport} as a PDF: A4, a header line with the product name on every page, "Page n" in
 * the footer, one titled section per part of the report, tables with a header row that repeats on every page.
 * Plain Java (OpenPDF), no Spring needed: {@code new ProjectReportPdf().render(report)}.
 *
 * <p>One method per section; a section whose part of the report is null is left out. Adding a section is
 * adding a method and calling it from {@link #render(ProjectReport)}; {@link #tableSection} prints a section
 * that is one table, {@link #section}, {@link #table} and {@link #row} the parts of other layouts.
 */
@Component
public class ProjectReportPdf {

  public static final String PRODUCT = "OpenPMO";

  static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
  static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, new Color(0x1F, 0x3A, 0x5F));
  static final Font SUBHEADING = new Font(Font.HELVETICA, 10, Font.BOLD);
  static final Font BODY = new Font(Font.HELVETICA, 9);
  static final Font LABEL = new Font(Font.HELVETICA, 9, Font.BOLD);
  static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
  static final Font TABLE_HEADER = new Font(Font.HELVETICA, 8, Font.BOLD, Color.WHITE);
  static final Font TABLE_BODY = new Font(Font.HELVETICA, 8);
  static final Color HEADER_BACKGROUND = new Color(0x1F, 0x3A, 0x5F);
  static final Color RULE = new Color(0xC8, 0xCE, 0xD6);

  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
  private static final String NONE = "None recorded.";

  /** The report as a PDF document. */
  public byte[] render(ProjectReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 60, 50);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PageDecoration(report));
      document.addTitle("Project report " + report.project().code());
      document.addCreator(PRODUCT);
      document.open();
      titleBlock(document, report);
      scores(document, report);
      decisionRules(document, report);
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
    fact(facts, "Health", p.health() == null ? "not rated yet" : p.health());
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
          + text(evaluation.evaluatedAt()), SUBHEADING);
      name.setSpacingBefore(6);
      document.add(name);
      PdfPTable table = table(new float[] {2, 5, 3}, "Rule", "Why", "Outputs");
      for (ProjectView.FiredRule rule : evaluation.rules()) {
        row(table, rule.ruleId(), rule.description(), outputs(rule.outputs()));
      }
      document.add(table);
    }
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

  /** An enum-like code as words: ACCEPTED_WITH_RESERVATIONS is "Accepted with reservations". */
  static String words(String code) {
    String lower = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** A section that is one table: the heading, then one row per item of the part (left out when null). */
  static <T> void tableSection(Document document, String heading, List<T> part, float[] widths, String[] headers,
      Function<T, Object[]> columns) throws DocumentException {
    if (!section(document, heading, part)) {
      return;
    }
    PdfPTable table = table(widths, headers);
    part.forEach(item -> row(table, columns.apply(item)));
    document.add(table);
  }

  /**
   * Starts a section: its heading, and "None recorded." for an empty part. Answers whether there is content
   * to print; a null part prints nothing at all.
   */
  static boolean section(Document document, String heading, List<?> part) throws DocumentException {
    if (part == null) {
      return false;
    }
    heading(document, heading);
    if (part.isEmpty()) {
      document.add(new Paragraph(NONE, BODY));
      return false;
    }
    return true;
  }

  static void heading(Document document, String heading) throws DocumentException {
    Paragraph title = new Paragraph(heading, HEADING);
    title.setSpacingBefore(14);
    title.setSpacingAfter(2);
    document.add(title);
  }

  /** A full-width table with a shaded header row that repeats on every page. */
  static PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setHeaderRows(1);
    for (String header : headers) {
      PdfPCell cell = new PdfPCell(new Phrase(header, TABLE_HEADER));
      cell.setBackgroundColor(HEADER_BACKGROUND);
      cell.setBorderColor(HEADER_BACKGROUND);
      cell.setPadding(4);
      table.addCell(cell);
    }
    return table;
  }

  /** One row of a table: values printed as text, "-" for null. */
  static void row(PdfPTable table, Object... values) {
    for (Object value : values) {
      PdfPCell cell = new PdfPCell(new Phrase(text(value), TABLE_BODY));
      cell.setBorderColor(RULE);
      cell.setPadding(3);
      table.addCell(cell);
    }
  }

  private static void fact(PdfPTable table, String label, Object value) {
    PdfPCell name = new PdfPCell(new Phrase(label, LABEL));
    PdfPCell content = new PdfPCell(new Phrase(text(value), BODY));
    for (PdfPCell cell : List.of(name, content)) {
      cell.setBorderColor(RULE);
      cell.setPadding(4);
      table.addCell(cell);
    }
  }

  static String text(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof OffsetDateTime moment) {
      return MOMENT.format(moment.withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (value instanceof Instant moment) {
      return MOMENT.format(moment.atOffset(ZoneOffset.UTC));
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    return value.toString();
  }

  static String money(BigDecimal amount) {
    return amount == null ? "-" : String.format(Locale.ENGLISH, "%,.2f", amount);
  }

  static String index(BigDecimal value) {
    return value == null ? "n/a" : value.toPlainString();
  }

  static String percent(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString() + "%";
  }

  private static String outputs(Map<String, Object> outputs) {
    return outputs == null ? "-" : outputs.entrySet().stream().map(e -> e.getKey() + " = " + text(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** The header line with the product name and the footer with the page number, on every page. */
  private static final class PageDecoration extends PdfPageEventHelper {

    private final String caption;

    PageDecoration(ProjectReport report) {
      this.caption = "Project report " + report.project().code() + ", generated " + text(report.generatedAt());
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      float top = document.top() + 22;
      ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(PRODUCT, LABEL), document.left(), top, 0);
      ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(caption, SMALL), document.right(), top, 0);
      canvas.saveState();
      canvas.setColorStroke(RULE);
      canvas.setLineWidth(0.5f);
      canvas.moveTo(document.left(), top - 5);
      canvas.lineTo(document.right(), top - 5);
      canvas.stroke();
      canvas.restoreState();
      ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase("Page " + writer.getPageNumber(), SMALL),
          (document.left() + document.right()) / 2, document.bottom() - 24, 0);
    }
  }
}
