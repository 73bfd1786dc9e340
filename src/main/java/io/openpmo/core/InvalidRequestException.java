package io.openpmo.core;

import java.util.List;

/** A request that breaks field rules: answered as 400 problem details naming every bad field. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  private static String summary(List<FieldProblem> problems) {
    StringBuilder text = new StringBuilder("Invalid request: ");
    for (int i = 0; i < problems.size(); i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(problems.get(i).field()).append(' ').append(problems.get(i).message());
    }
    return text.toString();
  }
}
