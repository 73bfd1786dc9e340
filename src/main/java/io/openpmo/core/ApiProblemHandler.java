package io.openpmo.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as RFC 7807 problem details. Invalid input names each bad field in
 * {@code errors}; business rule violations carry a sentence a person understands.
 */
@RestControllerAdvice(basePackages = "io.openpmo")
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final URI INVALID_REQUEST = URI.create("urn:openpmo:problem:invalid-request");
  private static final URI BUSINESS_RULE = URI.create("urn:openpmo:problem:business-rule");
  private static final URI CONFLICT = URI.create("urn:openpmo:problem:conflict");
  private static final URI UNAVAILABLE = URI.create("urn:openpmo:problem:database-unavailable");
  /** Seconds a client should wait before retrying a request the database could not take. */
  static final String RETRY_AFTER_SECONDS = "2";

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return invalidRequest(e.problems());
  }

  @ExceptionHandler(BusinessRuleException.class)
  ProblemDetail businessRule(BusinessRuleException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setType(BUSINESS_RULE);
    problem.setTitle("Business rule violated");
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
  ProblemDetail forbidden(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  /** Two requests changed the same thing at once and this one lost: nothing of it was written. */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail concurrentChange(OptimisticLockingException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Someone else changed the same"
        + " project at the same moment and was first; nothing of this request was saved. Reload and try again.");
    problem.setType(CONFLICT);
    problem.setTitle("Conflict");
    return problem;
  }

  @ExceptionHandler(TaskAlreadyClaimedException.class)
  ProblemDetail alreadyClaimed(TaskAlreadyClaimedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The task is already claimed by " + e.getTaskAssignee());
    problem.setType(CONFLICT);
    problem.setTitle("Conflict");
    return problem;
  }

  /**
   * A unique constraint refused a write (also when wrapped, e.g. by the engine): two requests raced for the same
   * thing, or it exists already. The transaction rolled back, so nothing was half-written.
   */
  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This conflicts with a record that"
        + " already exists or that another request wrote at the same moment. Nothing was changed; reload and try"
        + " again.");
    problem.setType(CONFLICT);
    problem.setTitle("Conflict");
    return problem;
  }

  /**
   * The database went away under the request (a fail-over, a restart, a terminated connection): no transaction could
   * begin, or it could not be completed. A 503 the client may retry, not a 500: a retry with the same
   * Idempotency-Key (or external reference) is answered with the first result if this one did go through.
   */
  @ExceptionHandler({TransactionException.class, DataAccessResourceFailureException.class,
      TransientDataAccessResourceException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The database could"
        + " not be reached while this request ran. Retry it (with the same Idempotency-Key): a request that did go"
        + " through is answered with its result, never done twice.");
    problem.setType(UNAVAILABLE);
    problem.setTitle("Database unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  @ExceptionHandler(BadUserRequestException.class)
  ProblemDetail badEngineRequest(BadUserRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(INVALID_REQUEST);
    problem.setTitle("Invalid request");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    e.getBindingResult().getFieldErrors()
        .forEach(error -> problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
    e.getBindingResult().getGlobalErrors()
        .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
    return ResponseEntity.badRequest().body(invalidRequest(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(invalidRequest(List.of(JsonProblems.of(e))));
  }

  /** A query or path parameter of the wrong type ({@code page=ten}, {@code status=DREAMING}): named like a field. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
    Class<?> type = e.getRequiredType();
    String expected = type == null ? "a valid value"
        : type.isEnum() ? "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
            .collect(Collectors.joining(", "))
        : Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class) ? "a number"
        : type == Boolean.class || type == boolean.class ? "true or false"
        : "a valid " + type.getSimpleName();
    String given = String.valueOf(e.getValue());
    given = given.length() > 60 ? given.substring(0, 60) + "..." : given;
    return ResponseEntity.badRequest().body(invalidRequest(List.of(
        new FieldProblem(name, "must be " + expected + " (was " + given + ")"))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(invalidRequest(List.of(
        new FieldProblem(e.getParameterName(), "is required"))));
  }

  static ProblemDetail invalidRequest(List<FieldProblem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
    problem.setType(INVALID_REQUEST);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", problems);
    return problem;
  }
}
