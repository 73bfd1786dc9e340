package io.openpmo.gate;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.project.Project;
import io.openpmo.support.WebSliceTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Gates and their conditions: MET by the project manager or the PMO, WAIVED by the PMO (the service's rule). */
class GateControllerSliceTest extends WebSliceTest {

  static final String CODE = "PRJ-2026-0011";

  private Project projectWithCondition() {
    Project project = givenProject(CODE, "paula");
    when(gates.conditions(project.id())).thenReturn(List.of(new GateCondition(8L, 2L, project.id(),
        "Sign the vendor contract", "stella", "paula", LocalDate.of(2027, 3, 1), GateCondition.OPEN, null, null,
        null)));
    return project;
  }

  private static MockHttpServletRequestBuilder close(long id, String body) {
    return post("/api/v1/projects/{code}/gate-conditions/{id}/closure", CODE, id)
        .contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void theProjectManagerClosesAConditionAsMet() throws Exception {
    projectWithCondition();
    mvc.perform(close(8, "{\"status\": \"MET\", \"note\": \"signed\"}").with(as("paula"))).andExpect(status().isOk());
    verify(gates).closeCondition(8L, "MET", "paula", false, "signed");
  }

  @Test
  void thePmoClosesAsThePmo() throws Exception {
    projectWithCondition();
    mvc.perform(close(8, "{\"status\": \"WAIVED\", \"note\": \"not needed\"}").with(as("olga")))
        .andExpect(status().isOk());
    verify(gates).closeCondition(8L, "WAIVED", "olga", true, "not needed");
  }

  @Test
  void aWaiverByAnotherThanThePmoIsRefusedByTheService() throws Exception {
    projectWithCondition();
    when(gates.closeCondition(8L, "WAIVED", "paula", false, null))
        .thenThrow(BusinessRuleException.forbidden("Only the PMO waives a condition"));
    mvc.perform(close(8, "{\"status\": \"WAIVED\"}").with(as("paula")))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.detail").value("Only the PMO waives a condition"));
  }

  @Test
  void aConditionOfAnotherProjectIsNotFound() throws Exception {
    projectWithCondition();
    mvc.perform(close(9, "{\"status\": \"MET\"}").with(as("paula")))
        .andExpect(problem(404))
        .andExpect(jsonPath("$.detail").value("No condition 9 in " + CODE));
    verify(gates, never()).closeCondition(anyLong(), anyString(), anyString(), anyBoolean(), isNull());
  }

  @Test
  void aMissingStatusAndAnOversizeNoteAreNamed() throws Exception {
    projectWithCondition();
    mvc.perform(close(8, "{\"note\": \"done\"}").with(as("paula"))).andExpect(invalidField("status"));
    mvc.perform(close(8, "{\"status\": \"MET\", \"note\": \"" + "n".repeat(1001) + "\"}").with(as("paula")))
        .andExpect(invalidField("note"));
    mvc.perform(close(8, "{\"status\": [\"MET\"]}").with(as("paula"))).andExpect(invalidField("status"));
    verify(gates, never()).closeCondition(anyLong(), anyString(), anyString(), anyBoolean(), anyString());
  }

  @Test
  void auditorsReadGatesButCloseNothing() throws Exception {
    Project project = projectWithCondition();
    when(gates.reviews(project.id())).thenReturn(List.of());
    mvc.perform(get("/api/v1/projects/{code}/gates", CODE).with(as("audrey"))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/projects/{code}/gate-conditions", CODE).with(as("audrey")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].description").value("Sign the vendor contract"));
    mvc.perform(close(8, "{\"status\": \"MET\"}").with(as("audrey")))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.detail").value(containsString("auditors")));
  }

  @Test
  void strangersAndAnonymousSeeNoGates() throws Exception {
    projectWithCondition();
    mvc.perform(get("/api/v1/projects/{code}/gates", CODE).with(as("peter"))).andExpect(problem(404));
    mvc.perform(get("/api/v1/projects/{code}/gates", CODE)).andExpect(problem(401));
    mvc.perform(close(8, "{\"status\": \"MET\"}").with(as("rosa"))).andExpect(problem(404));
  }
}
