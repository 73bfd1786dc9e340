package io.openpmo.intake;

import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Complexity;
import io.openpmo.project.DataClassification;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectType;
import io.openpmo.project.ThirdParty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a {@link ProjectRequest} from form variables (Tasklist start form, revision form, engine REST
 * start), whose types depend on the form widget: numbers may come as Long, Double or text, dates as
 * ISO text. Every unreadable field is named.
 */
final class RequestVariables {

  static ProjectRequest read(Map<String, Object> variables) {
    List<FieldProblem> problems = new ArrayList<>();
    Reader reader = new Reader(variables, problems);
    ProjectRequest request = new ProjectRequest(
        reader.text("title"), reader.text("description"), reader.text("businessUnit"), reader.text("sponsor"),
        reader.choice("projectType", ProjectType.class), reader.integer("strategicAlignment"),
        reader.amount("expectedAnnualBenefit"), reader.amount("budget"), reader.text("currency"),
        reader.date("startDate"), reader.integer("durationMonths"), reader.choice("complexity", Complexity.class),
        reader.flag("personalData"), reader.choice("dataClassification", DataClassification.class),
        reader.choice("thirdParty", ThirdParty.class), reader.flag("criticalFunction"),
        reader.flag("newTechnology"), reader.date("regulatoryDeadline"), reader.text("externalReference"),
        reader.codes("objectives"));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return request;
  }

  /** The project's request fields as form variables (to prefill the revision form). */
  static Map<String, Object> of(Project project) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", project.title());
    values.put("description", project.description());
    values.put("businessUnit", project.businessUnit());
    values.put("sponsor", project.sponsor());
    values.put("projectType", project.projectType().name());
    values.put("strategicAlignment", project.strategicAlignment());
    values.put("expectedAnnualBenefit", project.expectedAnnualBenefit().doubleValue());
    values.put("budget", project.budget().doubleValue());
    values.put("currency", project.currency());
    values.put("startDate", project.startDate().toString());
    values.put("durationMonths", project.durationMonths());
    values.put("complexity", project.complexity().name());
    values.put("personalData", project.personalData());
    values.put("dataClassification", project.dataClassification().name());
    values.put("thirdParty", project.thirdParty().name());
    values.put("criticalFunction", project.criticalFunction());
    values.put("newTechnology", project.newTechnology());
    values.put("regulatoryDeadline", project.regulatoryDeadline() == null ? null : project.regulatoryDeadline().toString());
    values.put("externalReference", project.externalReference());
    return values;
  }

  private record Reader(Map<String, Object> variables, List<FieldProblem> problems) {

    /** Codes as a JSON list (REST) or as text separated by commas or spaces (the form's text field). */
    List<String> codes(String name) {
      Object value = variables.get(name);
      if (value == null) {
        return null;
      }
      if (value instanceof java.util.Collection<?> list) {
        return list.stream().map(item -> item == null ? null : item.toString().strip()).toList();
      }
      String text = value.toString().strip();
      if (text.startsWith("[")) {
        List<String> parsed = io.openpmo.core.FormJson.read(value,
            new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { }, name);
        return parsed == null ? null : parsed.stream().map(item -> item == null ? null : item.strip()).toList();
      }
      List<String> codes = Arrays.stream(text.split("[,;\\s]+")).filter(code -> !code.isBlank()).toList();
      return codes.isEmpty() ? null : codes;
    }

    String text(String name) {
      Object value = variables.get(name);
      if (value == null) {
        return null;
      }
      if (!(value instanceof String string)) {
        // an object, a list, a number or a flag is not read as text
        problems.add(new FieldProblem(name, "must be text (was " + kind(value) + ")"));
        return null;
      }
      if (string.indexOf('\u0000') >= 0) {
        problems.add(new FieldProblem(name, "must not contain the NUL character"));
        return null;
      }
      String text = string.strip();
      return text.isEmpty() ? null : text;
    }

    Integer integer(String name) {
      return convert(name, "a whole number", value -> Integer.valueOf(Math.toIntExact(wholeNumber(number(value)))));
    }

    BigDecimal amount(String name) {
      return convert(name, "an amount", value -> new BigDecimal(number(value).toString()));
    }

    Boolean flag(String name) {
      return convert(name, "true or false", value -> {
        if (value instanceof Boolean bool) {
          return bool;
        }
        // a checkbox answers true or false: no text read as a flag
        throw new IllegalArgumentException(kind(value));
      });
    }

    LocalDate date(String name) {
      return convert(name, "a date (YYYY-MM-DD)", value -> {
        if (value instanceof java.util.Date date) {
          return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        }
        if (!(value instanceof String)) {
          throw new IllegalArgumentException(kind(value));
        }
        String text = value.toString().strip();
        try {
          return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
          return OffsetDateTime.parse(text).toLocalDate();
        }
      });
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
      return convert(name, "one of " + Arrays.toString(type.getEnumConstants()),
          value -> {
            if (!(value instanceof String text)) {
              throw new IllegalArgumentException(kind(value));
            }
            return Enum.valueOf(type, text.strip());
          });
    }

    /** A number as the form sends it; text is not a number (Camunda Forms send numbers as numbers). */
    private static Number number(Object value) {
      if (value instanceof Number number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
        return number;
      }
      throw new IllegalArgumentException(kind(value));
    }

    private static String kind(Object value) {
      return value instanceof String ? "text" : value instanceof Boolean ? "a flag" : value instanceof Number ? "a number"
          : value instanceof java.util.Map<?, ?> ? "an object" : value instanceof java.util.Collection<?> ? "a list"
          : value.getClass().getSimpleName();
    }

    private <T> T convert(String name, String expected, Function<Object, T> conversion) {
      Object value = variables.get(name);
      if (value == null || value.toString().isBlank()) {
        return null;
      }
      try {
        return conversion.apply(value);
      } catch (RuntimeException e) {
        String shown = value.toString();
        problems.add(new FieldProblem(name, "must be " + expected + " (was "
            + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown) + ")"));
        return null;
      }
    }

    private static long wholeNumber(Number number) {
      double value = number.doubleValue();
      if (value != Math.rint(value)) {
        throw new IllegalArgumentException("not whole");
      }
      return number.longValue();
    }
  }

  private RequestVariables() {
  }
}
