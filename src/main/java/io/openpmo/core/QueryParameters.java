package io.openpmo.core;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters of a request, parsed one by one while every bad one is remembered; {@link #validate()}
 * then answers all of them at once (400 problem details naming each parameter). A bad parameter parses as
 * null, so the caller simply validates before using the values.
 */
public final class QueryParameters {

  private final List<FieldProblem> problems = new ArrayList<>();

  /** A required month, YYYY-MM. */
  public YearMonth month(String name, String value) {
    if (value == null || value.isBlank()) {
      return invalid(name, "is required as YYYY-MM");
    }
    return parse(name, value, YearMonth::parse, "a month as YYYY-MM");
  }

  /** An optional date, YYYY-MM-DD; the fallback when absent. */
  public LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return parse(name, value, LocalDate::parse, "a date as YYYY-MM-DD");
  }

  /** An optional true or false; the fallback when absent. */
  public boolean flag(String name, String value, boolean fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    if ("true".equalsIgnoreCase(value.strip()) || "false".equalsIgnoreCase(value.strip())) {
      return Boolean.parseBoolean(value.strip());
    }
    invalid(name, "must be true or false (was " + value + ")");
    return fallback;
  }

  /** An optional choice among the constants of an enum, in any case; the fallback when absent. */
  public <E extends Enum<E>> E oneOf(String name, String value, Class<E> choices, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    for (E choice : choices.getEnumConstants()) {
      if (choice.name().equalsIgnoreCase(value.strip())) {
        return choice;
      }
    }
    String allowed = Arrays.stream(choices.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    return invalid(name, "must be one of " + allowed + " (was " + value + ")");
  }

  /** The end of a range must not lie before its start (checked only when both parsed). */
  public <T extends Comparable<? super T>> void notBefore(String startName, T start, String endName, T end) {
    if (start != null && end != null && end.compareTo(start) < 0) {
      problems.add(new FieldProblem(endName, "must not be before " + startName));
    }
  }

  /** Throws the problems found so far, every parameter named; does nothing when all were fine. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private <T> T parse(String name, String value, Function<String, T> parser, String expected) {
    try {
      return parser.apply(value.strip());
    } catch (DateTimeParseException e) {
      return invalid(name, "must be " + expected + " (was " + value + ")");
    }
  }

  private <T> T invalid(String name, String message) {
    problems.add(new FieldProblem(name, message));
    return null;
  }
}
