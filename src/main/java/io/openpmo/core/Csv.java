package io.openpmo.core;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV for reports: a header, then one line per row, fields quoted where needed. */
public final class Csv {

  public static String of(List<String> header, List<List<?>> rows) {
    StringBuilder csv = new StringBuilder(line(header));
    for (List<?> row : rows) {
      csv.append(line(row));
    }
    return csv.toString();
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
