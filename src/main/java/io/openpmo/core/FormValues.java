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

  /** Text as a text field sends it; an object, a list, a number or a flag is refused, naming the field. */
  public static String text(Object value, String field) {
    if (value != null && !(value instanceof CharSequence)) {
      throw new InvalidRequestException(field, "must be text (was " + kind(value) + ")");
    }
    if (value != null && value.toString().indexOf('\u0000') >= 0) {
      throw new InvalidRequestException(field, "must not contain the NUL character");
    }
    return text(value);
  }

  public static Boolean flag(Object value) {
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  /** A checkbox: true or false (nothing when unchecked); text such as "yes" is refused, naming the field. */
  public static Boolean flag(Object value, String field) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw new InvalidRequestException(field, "must be true or false (was " + kind(value) + ")");
  }

  static String kind(Object value) {
    return value instanceof CharSequence ? "text" : value instanceof Boolean ? "a flag"
        : value instanceof Number ? "a number" : value instanceof java.util.Map<?, ?> ? "an object"
        : value instanceof java.util.Collection<?> ? "a list"
        // a JSON variable (Camunda Spin's JSON node) or any other type: said in words, never a Java class name
        : value.getClass().getSimpleName().contains("Json") ? "JSON data" : "a value of another kind";
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
