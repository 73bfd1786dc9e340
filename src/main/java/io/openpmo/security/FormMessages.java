package io.openpmo.security;

import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.Labels;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * What is wrong with a form, said to the person who filled it in: every problem at once, each field named by the
 * label they read on the form (or the field name in words), no technical prefix:
 * "Please correct 2 fields: Start date must not be in the past. Why? is required: say why you chose “Return for
 * rework”."
 */
final class FormMessages {

  static String forPeople(List<FieldProblem> problems, Map<String, String> labels) {
    if (problems.isEmpty()) {
      return "Please check the form.";
    }
    StringBuilder text = new StringBuilder(problems.size() == 1 ? "Please correct the form: "
        : "Please correct " + problems.size() + " fields: ");
    for (int i = 0; i < problems.size(); i++) {
      FieldProblem problem = problems.get(i);
      if (i > 0) {
        text.append(' ');
      }
      String sentence = label(problem.field(), labels) + " " + problem.message();
      text.append(sentence);
      if (!sentence.endsWith(".")) {
        text.append('.');
      }
    }
    return text.toString();
  }

  /** The field's label on the form, without a trailing colon or required marker; else the field name in words. */
  static String label(String field, Map<String, String> labels) {
    String label = labels.get(field);
    if (label == null) {
      return Labels.field(field);
    }
    String plain = label.replaceAll("\\s*\\([^)]*\\)\\s*$", "").replaceAll("[\\s*:]+$", "");
    return plain.isBlank() ? Labels.field(field) : plain;
  }

  /**
   * The invalid form as a bad request for the engine's REST APIs, in words for people; {@code null} when the error
   * is not an invalid form.
   */
  static BadUserRequestException translate(Throwable error, Map<String, String> labels) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequestException invalid) {
        return new BadUserRequestException(forPeople(invalid.problems(), labels), invalid);
      }
    }
    return null;
  }

  private FormMessages() {
  }
}
