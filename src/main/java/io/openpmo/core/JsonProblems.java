package io.openpmo.core;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * What is wrong with a request body that could not be read, as one {@link FieldProblem} naming the field
 * ({@code milestones[2].dueDate}) and what it must be, in words; {@code body} when the JSON itself is broken.
 */
public final class JsonProblems {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
  private static final int ECHO = 60;

  public static FieldProblem of(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause == null) {
      return new FieldProblem("body", "is required (a JSON object)");
    }
    if (cause instanceof JsonMappingException mapping) {
      return of(mapping);
    }
    if (cause instanceof JsonParseException parse) {
      Matcher duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
      if (duplicate.find()) {
        return new FieldProblem(duplicate.group(1), "is given twice");
      }
    }
    if (cause instanceof StreamConstraintsException limits) {
      return new FieldProblem("body", "is too large or too deeply nested: " + limits.getOriginalMessage());
    }
    if (cause instanceof JsonProcessingException json) {
      return new FieldProblem("body", "is not valid JSON: " + firstLine(json.getOriginalMessage())
          + (json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr() + ", column "
          + json.getLocation().getColumnNr() + ")"));
    }
    return new FieldProblem("body", "is not valid JSON");
  }

  static FieldProblem of(JsonMappingException e) {
    String field = path(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new FieldProblem(field.endsWith(unknown.getPropertyName()) ? field
          : join(field, unknown.getPropertyName()), "is not a known field");
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InputCoercionException coercion) {
        return new FieldProblem(field, "is out of range: " + firstLine(coercion.getOriginalMessage()));
      }
      if (cause instanceof StreamConstraintsException limits) {
        return new FieldProblem(field, "is too large: " + firstLine(limits.getOriginalMessage()));
      }
    }
    Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (e instanceof InvalidFormatException format && format.getOriginalMessage() != null
        && format.getOriginalMessage().contains("NUL character")) {
      return new FieldProblem(field, "must not contain the NUL character (\\u0000)");
    }
    if (target != null && target.isEnum()) {
      String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
      return new FieldProblem(field, "must be one of " + allowed + was(e));
    }
    if (target != null) {
      return new FieldProblem(field, "must be " + expected(target) + was(e));
    }
    return new FieldProblem(field, "has the wrong type");
  }

  /** The JSON path of the field: {@code plan.milestones[0].name}; {@code body} for the whole document. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String join(String parent, String child) {
    return "body".equals(parent) ? child : parent + "." + child;
  }

  private static String expected(Class<?> type) {
    if (type == String.class || type == Character.class) {
      return "text";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == BigInteger.class) {
      return "a whole number";
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class) {
      return "a number";
    }
    if (type == LocalDate.class) {
      return "a date as text YYYY-MM-DD";
    }
    if (type == YearMonth.class) {
      return "a month as text YYYY-MM";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO 8601 date-time as text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list [...]";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object {...}";
    }
    return "an object {...}";
  }

  private static String was(JsonMappingException e) {
    if (e instanceof InvalidFormatException format && format.getValue() != null) {
      String value = String.valueOf(format.getValue());
      return " (was " + (value.length() > ECHO ? value.substring(0, ECHO) + "..." : value) + ")";
    }
    return "";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private JsonProblems() {
  }
}
