package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database going away under an engine REST call (terminated connection, restart, pool exhausted) is a 503 the
 * caller may retry, as on /api/v1, not a 500; the reliability suite terminates the connections of running nodes.
 * The answer is decided before the race check, which would itself need the database.
 */
class EngineRestDatabaseUnavailableTest {

  static Stream<Throwable> databaseWentAway() {
    return Stream.of(
        new ProcessEngineException("Process engine persistence exception", new PersistenceException(
            new SQLException("FATAL: terminating connection due to administrator command", "57P01"))),
        new ProcessEngineException("cannot open", new SQLException("An I/O error occurred while sending", "08006")),
        new ProcessEngineException("pool", new SQLTransientConnectionException("Connection is not available")),
        new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection"));
  }

  @ParameterizedTest
  @MethodSource("databaseWentAway")
  void isA503ThatSaysToRetry(Throwable failure) {
    Response answer = EngineRestErrors.translate(failure, null);

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(((Map<?, ?>) answer.getEntity()).get("message").toString()).contains("Retry it shortly");
  }

  @Test
  void aBadValueIsStillTheCallersMistake() {
    Throwable tooLong = new ProcessEngineException("insert", new PersistenceException(
        new SQLException("value too long for type character varying(4000)", "22001")));

    assertThat(io.openpmo.core.DatabaseOutage.in(tooLong)).isFalse();
    assertThat(EngineRestErrors.translate(tooLong, null).getStatus()).isEqualTo(400);
  }
}
