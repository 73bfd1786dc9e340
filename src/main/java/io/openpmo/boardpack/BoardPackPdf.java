package io.openpmo.boardpack;

import static io.openpmo.report.PdfLayout.BODY;
import static io.openpmo.report.PdfLayout.TITLE;
import static io.openpmo.report.PdfLayout.fact;
import static io.openpmo.report.PdfLayout.heading;
import static io.openpmo.report.PdfLayout.index;
import static io.openpmo.report.PdfLayout.money;
import static io.openpmo.report.PdfLayout.tableSection;
import static io.openpmo.report.PdfLayout.text;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.openpmo.report.PdfLayout;
import io.openpmo.report.PortfolioReport;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Prints the management body's pack as a PDF (A4 landscape, the layout of the project report): portfolio health and
 * trend, budget against plan, top risks and open critical issues, the DORA view, decisions and changes of the period,
 * overdue decisions, benefits realised against expected.
 */
@Component
public class BoardPackPdf {

  public byte[] render(String code, BoardPackContent pack) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 60, 50);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PdfLayout.PageDecoration("Management body pack " + code + ", " + pack.periodFrom()
          + " to " + pack.periodTo() + ", generated " + text(pack.generatedAt())));
      document.addTitle("Management body pack " + code);
      document.addCreator(PdfLayout.PRODUCT);
      document.open();
      Paragraph title = new Paragraph("Portfolio report to the management body: " + pack.periodFrom() + " to "
          + pack.periodTo(), TITLE);
      title.setSpacingAfter(8);
      document.add(title);
      health(document, pack);
      budget(document, pack);
      risks(document, pack);
      dora(document, pack);
      decisions(document, pack);
      overdue(document, pack);
      benefits(document, pack);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("Cannot print the pack " + code, e);
    }
    return out.toByteArray();
  }

  void health(Document document, BoardPackContent pack) throws DocumentException {
    heading(document, "Portfolio health");
    PdfPTable now = new PdfPTable(new float[] {2, 1, 2, 1, 2, 1, 2, 1});
    now.setWidthPercentage(100);
    pack.health().now().forEach((health, count) -> fact(now, health.equals("NONE") ? "Not rated" : health, count));
    document.add(now);
    tableSection(document, "Health trend (latest rating at each month's end)", pack.health().trend(),
        new float[] {2, 1, 1, 1, 1}, new String[] {"Month", "Green", "Amber", "Red", "Not rated"},
        m -> new Object[] {m.month(), m.green(), m.amber(), m.red(), m.notRated()});
  }

  void budget(Document document, BoardPackContent pack) throws DocumentException {
    heading(document, "Budget against plan");
    PortfolioReport.Totals t = pack.budget().totals();
    PdfPTable facts = new PdfPTable(new float[] {2, 2, 2, 2, 2, 2});
    facts.setWidthPercentage(100);
    fact(facts, "Requested budget", money(t.budget()));
    fact(facts, "Budget at completion", money(t.budgetAtCompletion()));
    fact(facts, "Actual cost", money(t.actualCost()));
    fact(facts, "CPI / SPI", index(t.cpi()) + " / " + index(t.spi()));
    fact(facts, "Plan in force", pack.budget().plan() == null ? "none approved" : pack.budget().plan());
    fact(facts, "Planned spend of the plan", money(pack.budget().plannedSpendInPeriod()));
    document.add(facts);
    tableSection(document, "Projects", pack.budget().projects(), new float[] {1.6f, 4, 1, 1.6f, 1.6f, 1.6f, 1, 2.2f,
        1.6f}, new String[] {"Code", "Title", "Health", "Budget", "BAC", "Actual cost", "CPI", "In the plan",
            "Planned cost"},
        p -> new Object[] {p.code(), p.title(), p.health(), money(p.budget()), money(p.budgetAtCompletion()),
            money(p.actualCost()), index(p.cpi()), p.inPlan(), money(p.plannedCost())});
  }

  void risks(Document document, BoardPackContent pack) throws DocumentException {
    String[] headers = {"Project", "Title", "Severity", "P x I", "Owner", "Status", "Due"};
    float[] widths = {1.6f, 5, 1.4f, 1, 1.4f, 1.6f, 1.6f};
    tableSection(document, "Top risks", pack.topRisks(), widths, headers,
        r -> new Object[] {r.code(), r.title(), r.severity(), r.score(), r.owner(), r.status(), r.dueDate()});
    tableSection(document, "Open critical issues", pack.criticalIssues(), widths, headers,
        r -> new Object[] {r.code(), r.title(), r.severity(), r.score(), r.owner(), r.status(), r.dueDate()});
  }

  void dora(Document document, BoardPackContent pack) throws DocumentException {
    tableSection(document, "ICT change affecting critical or important functions (DORA)", pack.dora(),
        new float[] {1.6f, 5, 2.4f, 1.6f, 1.6f, 1.6f, 1.2f, 1.4f},
        new String[] {"Code", "Title", "ICT third party", "Critical function", "Status", "Phase", "Health", "Risk"},
        d -> new Object[] {d.code(), d.title(), d.thirdParty(), d.criticalFunction() ? "yes" : "no", d.status(),
            d.phase(), d.health(), d.riskTier()});
  }

  void decisions(Document document, BoardPackContent pack) throws DocumentException {
    tableSection(document, "Decisions and changes of the period", pack.decisions(), new float[] {2.2f, 1.6f, 2.6f,
        1.2f, 6}, new String[] {"When", "Project", "What", "Who", "Details"},
        d -> new Object[] {d.at(), d.code(), d.action(), d.actor(), d.details()});
  }

  void overdue(Document document, BoardPackContent pack) throws DocumentException {
    tableSection(document, "Overdue decisions", pack.overdue(), new float[] {1.6f, 5, 2.4f, 1.4f, 2.2f, 1.2f},
        new String[] {"Project", "Task", "Group", "Held by", "Due", "Days late"},
        o -> new Object[] {o.code(), o.task(), o.groups(), o.assignee(), o.due(), o.daysOverdue()});
  }

  void benefits(Document document, BoardPackContent pack) throws DocumentException {
    heading(document, "Benefits realised against expected");
    document.add(new Paragraph("Reviewed projects: expected " + money(pack.benefits().expected()) + " a year, realised "
        + money(pack.benefits().realised()) + " (ratio " + index(pack.benefits().ratio()) + ").", BODY));
    List<BoardPackContent.BenefitLine> lines = pack.benefits().reviews();
    tableSection(document, "Benefits reviews", lines, new float[] {1.6f, 4, 1.8f, 1.8f, 1, 2, 2},
        new String[] {"Code", "Title", "Expected / year", "Realised / year", "Ratio", "Verdict", "Due"},
        b -> new Object[] {b.code(), b.title(), money(b.expected()), money(b.realised()), index(b.ratio()),
            b.outcome() == null ? "due" : b.outcome(), b.dueAt() == null ? null : b.dueAt().toLocalDate()});
  }
}
