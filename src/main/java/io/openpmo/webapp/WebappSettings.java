package io.openpmo.webapp;

import io.openpmo.core.Labels;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.WeekFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The configured locale ({@code openpmo.locale}) as the Camunda webapps need it: moment.js date formats for
 * Tasklist's and Cockpit's {@code dateFormat} setting (4 May 2026, 10:15 for en-GB, where Camunda's default is the
 * US "May 4, 2026 10:15 AM"), the BCP 47 tag for the dates inside Camunda Forms, and the first day of the week for
 * their date pickers (Monday for en-GB).
 */
final class WebappSettings {

  private WebappSettings() {
  }

  static String languageTag() {
    return Labels.locale().toLanguageTag();
  }

  /** 1 = Monday ... 7 = Sunday as 1..6, 0 for Sunday: what flatpickr counts. */
  static int firstDayOfWeek() {
    return WeekFields.of(Labels.locale()).getFirstDayOfWeek().getValue() % 7;
  }

  /** Tasklist's and Cockpit's date formats (moment.js tokens), from the locale's own patterns. */
  static Map<String, String> dateFormats() {
    Locale locale = Labels.locale();
    Map<String, String> formats = new LinkedHashMap<>();
    formats.put("monthName", "MMMM");
    formats.put("day", "DD");
    formats.put("abbr", moment(pattern(FormatStyle.MEDIUM, FormatStyle.SHORT, locale)));
    formats.put("normal", moment(pattern(FormatStyle.MEDIUM, FormatStyle.SHORT, locale)));
    formats.put("long", moment(pattern(FormatStyle.FULL, FormatStyle.SHORT, locale)));
    formats.put("short", moment(pattern(FormatStyle.MEDIUM, null, locale)));
    return formats;
  }

  private static String pattern(FormatStyle date, FormatStyle time, Locale locale) {
    return DateTimeFormatterBuilder.getLocalizedDateTimePattern(date, time, IsoChronology.INSTANCE, locale);
  }

  /** A java.time pattern as moment.js tokens: d MMM y, HH:mm becomes D MMM YYYY, HH:mm. */
  static String moment(String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int end = pattern.indexOf('\'', i + 1);
        String literal = end < 0 ? pattern.substring(i + 1) : pattern.substring(i + 1, end);
        out.append(literal.isEmpty() ? "'" : "[" + literal + "]");
        i = end < 0 ? pattern.length() : end + 1;
        continue;
      }
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      out.append(token(c, run));
      i += run;
    }
    return out.toString();
  }

  private static String token(char letter, int count) {
    return switch (letter) {
      case 'y', 'u' -> count == 2 ? "YY" : "YYYY";
      case 'd' -> count == 1 ? "D" : "DD";
      case 'E' -> count >= 4 ? "dddd" : "ddd";
      case 'a' -> "A";
      case 'M', 'L' -> "M".repeat(count);
      case 'H', 'h', 'm', 's', 'k', 'K' -> String.valueOf(letter).repeat(count);
      case 'B' -> "A";
      default -> Character.isLetter(letter) ? "" : String.valueOf(letter).repeat(count);
    };
  }
}
