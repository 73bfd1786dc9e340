package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database going away under a request (fail-over, restart, terminated connection) is a 503 the client retries
 * with its Idempotency-Key, not a 500. The reliability suite (ClusterReliabilityIT) terminates the connections of
 * running nodes; this checks the answer itself.
 */
class DatabaseUnavailableTest {

  static Stream<RuntimeException> databaseWentAway() {
    return Stream.of(new TransactionSystemException("JDBC rollback failed"),
        new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
        new DataAccessResourceFailureException("terminating connection due to administrator command"));
  }

  @ParameterizedTest
  @MethodSource("databaseWentAway")
  void isA503WithRetryAfterThatSaysToRetryWithTheSameKey(RuntimeException failure) {
    ResponseEntity<ProblemDetail> answer = new ApiProblemHandler().databaseUnavailable(failure);

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(ApiProblemHandler.RETRY_AFTER_SECONDS);
    assertThat(answer.getBody().getDetail()).contains("Retry it (with the same Idempotency-Key)");
    assertThat(answer.getBody().getType().toString()).isEqualTo("urn:openpmo:problem:database-unavailable");
  }

  /** What no handler took ends in the error controller: a lost connection inside an engine call of ours. */
  @org.junit.jupiter.api.Test
  void anEngineCallThatLostItsConnectionIsA503WithRetryAfterAndOtherFailuresStay500s() throws Exception {
    var terminated = new org.camunda.bpm.engine.ProcessEngineException("persistence", new java.sql.SQLException(
        "FATAL: terminating connection due to administrator command", "57P01"));
    var outage = errorPage(terminated);
    assertThat(outage.getStatus()).isEqualTo(503);
    assertThat(outage.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo(ApiProblemHandler.RETRY_AFTER_SECONDS);
    assertThat(outage.getContentAsString()).contains("\"status\":503");

    var bug = errorPage(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 listener failed"));
    assertThat(bug.getStatus()).isEqualTo(500);
    assertThat(bug.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
    assertThat(bug.getContentAsString()).doesNotContain("ENGINE-03051");
  }

  static org.springframework.mock.web.MockHttpServletResponse errorPage(Throwable failure) throws Exception {
    var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/error");
    request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500);
    request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION, failure);
    request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/projects");
    var response = new org.springframework.mock.web.MockHttpServletResponse();
    new ErrorProblems.ProblemErrorController().error(request, response);
    return response;
  }
}
