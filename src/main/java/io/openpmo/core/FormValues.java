package io.openpmo.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads single form values as they arrive from Tasklist (Camunda Forms send numbers as doubles, dates as
 * ISO text, unchecked checkboxes as nothing) or from REST clients (text). A blank value is no value; a value
 * that cannot be read is a 400 naming the field.
 */
public final class FormValues {

  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  public static Boolean flag(Object value) {
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  public static BigDecimal amount(Object value, String field) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field, "must be a number (was " + value + ")");
    }
  }

  public static Integer whole(Object value, String field) {
    BigDecimal number = amount(value, field);
    if (number == null) {
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(field, "must be a whole number (was " + value + ")");
    }
  }

  public static LocalDate date(Object value, String field) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "must be a date YYYY-MM-DD (was " + value + ")");
    }
  }

  private FormValues() {
  }
}
