package io.openpmo.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The look of OpenPMO's printed reports (OpenPDF), shared by the project report and the management body's pack:
 * fonts, titled sections, tables with a header row that repeats on every page, facts in label/value cells, values as
 * text, and the header and footer of every page.
 */
public final class PdfLayout {

  public static final String PRODUCT = "OpenPMO";

  public static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
  public static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, new Color(0x1F, 0x3A, 0x5F));
  public static final Font SUBHEADING = new Font(Font.HELVETICA, 10, Font.BOLD);
  public static final Font BODY = new Font(Font.HELVETICA, 9);
  public static final Font LABEL = new Font(Font.HELVETICA, 9, Font.BOLD);
  public static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);
  public static final Font TABLE_HEADER = new Font(Font.HELVETICA, 8, Font.BOLD, Color.WHITE);
  public static final Font TABLE_BODY = new Font(Font.HELVETICA, 8);
  public static final Color HEADER_BACKGROUND = new Color(0x1F, 0x3A, 0x5F);
  public static final Color RULE = new Color(0xC8, 0xCE, 0xD6);

  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
  private static final String NONE = "None recorded.";

  /** An enum-like code as words: ACCEPTED_WITH_RESERVATIONS is "Accepted with reservations". */
  public static String words(String code) {
    String lower = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** A section that is one table: the heading, then one row per item of the part (left out when null). */
  public static <T> void tableSection(Document document, String heading, List<T> part, float[] widths, String[] headers,
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
  public static boolean section(Document document, String heading, List<?> part) throws DocumentException {
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

  public static void heading(Document document, String heading) throws DocumentException {
    Paragraph title = new Paragraph(heading, HEADING);
    title.setSpacingBefore(14);
    title.setSpacingAfter(2);
    document.add(title);
  }

  /** A full-width table with a shaded header row that repeats on every page. */
  public static PdfPTable table(float[] widths, String... headers) {
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
  public static void row(PdfPTable table, Object... values) {
    for (Object value : values) {
      PdfPCell cell = new PdfPCell(new Phrase(text(value), TABLE_BODY));
      cell.setBorderColor(RULE);
      cell.setPadding(3);
      table.addCell(cell);
    }
  }

  public static void fact(PdfPTable table, String label, Object value) {
    PdfPCell name = new PdfPCell(new Phrase(label, LABEL));
    PdfPCell content = new PdfPCell(new Phrase(text(value), BODY));
    for (PdfPCell cell : List.of(name, content)) {
      cell.setBorderColor(RULE);
      cell.setPadding(4);
      table.addCell(cell);
    }
  }

  public static String text(Object value) {
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

  public static String money(BigDecimal amount) {
    return amount == null ? "-" : String.format(Locale.ENGLISH, "%,.2f", amount);
  }

  public static String index(BigDecimal value) {
    return value == null ? "n/a" : value.toPlainString();
  }

  public static String percent(BigDecimal value) {
    return value == null ? "-" : value.stripTrailingZeros().toPlainString() + "%";
  }

  /** The header line with the product name and the footer with the page number, on every page. */
  public static final class PageDecoration extends PdfPageEventHelper {

    private final String caption;

    /** With the caption on the right of the header line, e.g. "Project report PRJ-2027-0003, generated ...". */
    public PageDecoration(String caption) {
      this.caption = caption;
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

  private PdfLayout() {
  }
}
