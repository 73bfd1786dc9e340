package io.openpmo.intake;

import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.openpmo.core.Directory;
import io.openpmo.strategy.ObjectiveCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One validation for every way a request arrives (our API, the Tasklist start form, the engine REST
 * API): the field rules of {@link ProjectRequest} and the business rules that need context.
 */
@Component
public class ProjectRequestValidator {

  private final Validator validator;
  private final Directory directory;
  private final ObjectiveCatalogue objectives;
  private final Clock clock;
  private final String baseCurrency;

  public ProjectRequestValidator(Validator validator, Directory directory, ObjectiveCatalogue objectives, Clock clock,
      @Value("${openpmo.currency}") String baseCurrency) {
    this.validator = validator;
    this.directory = directory;
    this.objectives = objectives;
    this.clock = clock;
    this.baseCurrency = baseCurrency;
  }

  public String baseCurrency() {
    return baseCurrency;
  }

  /** Every problem of the request, field by field; empty when it is valid. */
  public List<FieldProblem> problems(ProjectRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<ProjectRequest> violation : validator.validate(request)) {
      problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (request.currency() != null && !request.currency().equals(baseCurrency)) {
      problems.add(new FieldProblem("currency", "must be " + baseCurrency + ", the base currency"));
    }
    if (request.sponsor() != null && request.sponsor().matches("[a-zA-Z0-9]+")
        && !directory.userExists(request.sponsor())) {
      problems.add(new FieldProblem("sponsor", "is not a known user: " + request.sponsor()));
    }
    LocalDate today = LocalDate.now(clock);
    if (request.startDate() != null && request.startDate().isBefore(today)) {
      problems.add(new FieldProblem("startDate", "must be today or later"));
    }
    if (request.regulatoryDeadline() != null && request.regulatoryDeadline().isBefore(today)) {
      problems.add(new FieldProblem("regulatoryDeadline", "must not be in the past"));
    }
    problems.addAll(objectives.problems(request.objectives()));
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
  }

  public void validate(ProjectRequest request) {
    List<FieldProblem> problems = problems(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }
}
