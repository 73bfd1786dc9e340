package io.openpmo.core;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.openpmo.support.WebSliceTest;
import jakarta.servlet.RequestDispatcher;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Refusals that no controller of a feature answers: an unknown path, a method or a media type the path does not
 * take, a header that cannot be read, a parameter with a control character, and an error that reaches
 * {@code /error} (where the servlet container sends what escaped the controllers, e.g. an engine exception
 * wrapping a lost connection).
 */
class ApiErrorsSliceTest extends WebSliceTest {

  @Test
  void anUnknownPathIs404ProblemDetails() throws Exception {
    performWithErrorPage(get("/api/v1/nothing-here").with(as("olga")))
        .andExpect(problem(404))
        .andExpect(jsonPath("$.detail").value("Nothing is found at /api/v1/nothing-here"));
  }

  @Test
  void aMethodThePathDoesNotTakeIs405() throws Exception {
    performWithErrorPage(post("/api/v1/lessons").with(as("olga"))).andExpect(problem(405));
  }

  @Test
  void aBodyThatIsNotJsonIs415() throws Exception {
    mvc.perform(post("/api/v1/projects").with(as("rita")).contentType(MediaType.TEXT_PLAIN).content("title=x"))
        .andExpect(problem(415));
  }

  @Test
  void anUnreadableAcceptHeaderIsNamed() throws Exception {
    mvc.perform(get("/api/v1/objectives").with(as("rita")).header("Accept", "application/json;q=x;;/"))
        .andExpect(problem(400))
        .andExpect(jsonPath("$.detail").value(containsString("Accept")));
  }

  @Test
  void aNulInAQueryParameterIsRefusedByTheFirewall() throws Exception {
    mvc.perform(get("/api/v1/projects").param("status", "ACTIVE\u0000").with(as("olga")))
        .andExpect(problem(400))
        .andExpect(jsonPath("$.detail").value(containsString("not allowed")));
  }

  @Test
  void anEngineErrorWrappingALostConnectionIsA503WithRetryAfter() throws Exception {
    ProcessEngineException error = new ProcessEngineException("could not execute",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
    mvc.perform(get("/error")
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/projects")
            .requestAttr(RequestDispatcher.ERROR_EXCEPTION, error))
        .andExpect(problem(503))
        .andExpect(header().string("Retry-After", ApiProblemHandler.RETRY_AFTER_SECONDS));
  }

  @Test
  void anyOtherServerErrorHidesItsMessage() throws Exception {
    mvc.perform(get("/error")
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/projects")
            .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret table name")))
        .andExpect(problem(500))
        .andExpect(jsonPath("$.detail").value(not(containsString("secret"))))
        .andExpect(jsonPath("$.instance").value("/api/v1/projects"));
  }
}
