package io.openpmo.core;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;

/**
 * The field rules declared on request records (Bean Validation: sizes that fit the columns, amounts that fit
 * NUMERIC(19,2), ranges, no null inside lists), checked the same way whichever channel the input came from:
 * our API (every request body, before the controller runs) and the Tasklist forms (the services call
 * {@link #check}). Each broken rule is a {@link FieldProblem} with the path of the field, e.g.
 * {@code milestones[2].name}.
 */
public final class Constraints {

  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  /** Every broken rule of the input, sorted by field; empty when none (or when the input is null). */
  public static List<FieldProblem> problems(Object input) {
    if (input == null) {
      return List.of();
    }
    return VALIDATOR.validate(input).stream()
        .map(violation -> new FieldProblem(path(violation), violation.getMessage()))
        .distinct()
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
        .toList();
  }

  /**
   * Adds the broken rules of the input for the fields that the service's own checks did not name yet (their
   * words come first), so that one answer names every bad field once.
   */
  public static void addMissing(List<FieldProblem> problems, Object input) {
    java.util.Set<String> named = new java.util.HashSet<>();
    problems.forEach(problem -> named.add(problem.field()));
    for (FieldProblem problem : problems(input)) {
      if (named.add(problem.field())) {
        problems.add(problem);
      }
    }
  }

  /** Throws a 400 naming every broken rule; does nothing for valid input. */
  public static void check(Object input) {
    List<FieldProblem> problems = problems(input);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  static String path(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.isInIterable()) {
        path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        path.append(path.isEmpty() ? "" : ".").append(name);
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private Constraints() {
  }
}
