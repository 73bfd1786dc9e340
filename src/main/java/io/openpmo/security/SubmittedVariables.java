package io.openpmo.security;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * What a caller may send as variables: only the fields the form declares, only plain values (text,
 * numbers, yes/no, dates, and JSON for multi-value fields), and nothing oversized. Object variables of a
 * Java type, files and byte arrays are refused: nothing a caller sends is turned into a Java object.
 */
final class SubmittedVariables {

  /** The longest text any field of ours stores is 4,000 characters; a form may carry a few lines more. */
  static final int MAX_TEXT = 10_000;
  static final int MAX_JSON = 20_000;
  static final int MAX_FIELDS = 100;

  static void check(Map<String, ?> variables, Set<String> declared, String what) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    if (variables.size() > MAX_FIELDS) {
      throw new BadUserRequestException("Invalid request: " + what + " takes at most " + MAX_FIELDS + " fields");
    }
    Set<String> undeclared = new TreeSet<>(variables.keySet());
    undeclared.removeAll(declared);
    if (!undeclared.isEmpty()) {
      throw new BadUserRequestException("Invalid request: " + what + " does not ask for " + String.join(", ", undeclared)
          + (declared.isEmpty() ? "; it takes no fields" : "; its form declares " + String.join(", ", new TreeSet<>(declared))));
    }
    checkValues(variables);
  }

  /** Every value plain and of a bounded size (read typed, so that nothing serialized is turned into an object). */
  static void checkValues(Map<String, ?> variables) {
    if (variables == null) {
      return;
    }
    for (String name : variables.keySet()) {
      checkValue(name, variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name));
    }
  }

  static void checkValue(String name, Object value) {
    Object plain = value;
    if (value instanceof JsonValue json) {
      String text = json.getValueSerialized();
      if (text != null && text.length() > MAX_JSON) {
        throw tooLong(name, MAX_JSON);
      }
      return;
    }
    if (value instanceof TypedValue typed && typed.getType() == null) {
      // untyped (a REST client sent a plain JSON value): judged by what it holds
      plain = typed.getValue();
    } else if (value instanceof TypedValue typed) {
      if (!(typed.getType() instanceof PrimitiveValueType) || "bytes".equals(typed.getType().getName())) {
        throw new BadUserRequestException("Invalid request: " + name + " must be a plain value (text, number, yes/no"
            + " or date), not " + (typed.getType() == null ? "an untyped object" : typed.getType().getName()));
      }
      plain = typed.getValue();
    }
    if (plain == null || plain instanceof Boolean || plain instanceof Number || plain instanceof Date) {
      return;
    }
    if (plain instanceof String text) {
      if (text.length() > MAX_TEXT) {
        throw tooLong(name, MAX_TEXT);
      }
      return;
    }
    if (plain instanceof List<?> || plain instanceof Map<?, ?>) {
      if (plain.toString().length() > MAX_JSON) {
        throw tooLong(name, MAX_JSON);
      }
      return;
    }
    throw new BadUserRequestException("Invalid request: " + name + " must be a plain value (text, number, yes/no or"
        + " date), not " + plain.getClass().getSimpleName());
  }

  private static BadUserRequestException tooLong(String name, int limit) {
    return new BadUserRequestException("Invalid request: " + name + " must be at most " + limit + " characters");
  }

  private SubmittedVariables() {
  }
}
