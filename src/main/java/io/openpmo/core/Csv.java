package io.openpmo.core;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** RFC 4180 CSV for reports: a header, then one line per row, fields quoted where needed. */
public final class Csv {

  private static final MediaType TEXT_CSV = new MediaType("text", "csv");

  public static String of(List<String> header, List<List<?>> rows) {
    StringBuilder csv = new StringBuilder(line(header));
    for (List<?> row : rows) {
      csv.append(line(row));
    }
    return csv.toString();
  }

  /** CSV as a download: {@code text/csv}, saved under the given file name. */
  public static ResponseEntity<String> download(String filename, String csv) {
    return ResponseEntity.ok().contentType(TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv);
  }

  private static String line(List<?> fields) {
    return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof java.math.BigDecimal number ? number.stripTrailingZeros().toPlainString()
        : value.toString();
    // a leading =, +, - or @ would be run as a formula by spreadsheet programs
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private Csv() {
  }
}
