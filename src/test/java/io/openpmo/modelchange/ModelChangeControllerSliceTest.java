package io.openpmo.modelchange;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.support.WebSliceTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Model changes: who may propose is the service's rule (process owners); the web layer reads the multipart
 * upload, names bad parameters, and answers a change refused by its checks as a 422 problem with every problem.
 */
class ModelChangeControllerSliceTest extends WebSliceTest {

  static final MockMultipartFile MODEL = new MockMultipartFile("file", "intake.bpmn", "application/xml",
      "<definitions/>".getBytes(StandardCharsets.UTF_8));

  static ModelChange change(String status) {
    return new ModelChange(17L, ModelChange.CHANGE, status, "tighten intake", "API", "owen",
        OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC), null, 500, null, null, null, null, null, null,
        null);
  }

  @Test
  void aChangeRefusedByItsChecksIsA422NamingEveryProblem() throws Exception {
    when(modelChanges.propose(eq("API"), eq("tighten intake"), any(), eq(null), eq(null))).thenReturn(
        new ModelChangeService.Proposed(change(ModelChange.CHECKS_FAILED), List.of(new CheckProblem("intake.bpmn",
            "Task_Review", 12, CheckProblem.PARSE, "no candidate group")), List.of(), false));
    mvc.perform(multipart("/api/v1/model-changes").file(MODEL).param("reason", "tighten intake").with(as("olga")))
        .andExpect(problem(422))
        .andExpect(jsonPath("$.type").value("urn:openpmo:problem:model-checks-failed"))
        .andExpect(jsonPath("$.problems[0].elementId").value("Task_Review"))
        .andExpect(jsonPath("$.detail").value(containsString("nothing is deployed")));
  }

  @Test
  void anAcceptedChangeIsCreatedAndTheUploadReachesTheService() throws Exception {
    when(modelChanges.propose(eq("API"), eq("tighten intake"), any(), eq(200), eq(null))).thenAnswer(call -> {
      List<ModelChangeService.Upload> uploads = call.getArgument(2);
      org.assertj.core.api.Assertions.assertThat(uploads).singleElement()
          .satisfies(upload -> org.assertj.core.api.Assertions.assertThat(upload.name()).isEqualTo("intake.bpmn"));
      return new ModelChangeService.Proposed(change(ModelChange.IN_REVIEW), List.of(), List.of(), false);
    });
    mvc.perform(multipart("/api/v1/model-changes").file(MODEL).param("reason", "tighten intake")
            .param("simulationSize", "200").with(as("olga")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.status").value(ModelChange.IN_REVIEW));
  }

  @Test
  void aSimulationSizeThatIsNoNumberIsNamed() throws Exception {
    mvc.perform(multipart("/api/v1/model-changes").file(MODEL).param("reason", "x").param("simulationSize", "many")
        .with(as("olga"))).andExpect(invalidField("simulationSize"));
    verify(modelChanges, never()).propose(anyString(), anyString(), any(), any(), any());
  }

  @Test
  void theServiceRefusesWhoIsNoProcessOwnerAndAuditorsAreRefusedBeforeIt() throws Exception {
    when(modelChanges.propose(eq("API"), any(), any(), any(), any()))
        .thenThrow(BusinessRuleException.forbidden("Only process owners propose model changes"));
    mvc.perform(multipart("/api/v1/model-changes").file(MODEL).param("reason", "x").with(as("paula")))
        .andExpect(problem(403));
    mvc.perform(multipart("/api/v1/model-changes").file(MODEL).param("reason", "x").with(as("audrey")))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.detail").value(containsString("auditors")));
  }

  @Test
  void aRollbackNeedsAReasonThatFits() throws Exception {
    mvc.perform(post("/api/v1/model-changes/MC-3/rollback").with(as("olga")).contentType(MediaType.APPLICATION_JSON)
        .content("{}")).andExpect(invalidField("reason"));
    mvc.perform(post("/api/v1/model-changes/MC-3/rollback").with(as("olga")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\": \"" + "r".repeat(ModelChangeService.MAX_REASON) + "\"}"))
        .andExpect(invalidField("reason"));
    verify(modelChanges, never()).proposeRollback(anyString(), anyString());
  }

  @Test
  void listFiltersAreChecked() throws Exception {
    mvc.perform(get("/api/v1/model-changes").param("status", "LIVE").param("limit", "501").with(as("olga")))
        .andExpect(invalidField("status"))
        .andExpect(invalidField("limit"));
    verify(modelChanges, never()).list(any(), anyInt());
  }
}
