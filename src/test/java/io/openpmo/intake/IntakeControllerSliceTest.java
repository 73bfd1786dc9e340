package io.openpmo.intake;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

/** Submitting and withdrawing project requests: who may, and how bad input and refusals come out. */
class IntakeControllerSliceTest extends WebSliceTest {

  static final String REQUEST = """
      {"title": "Reconciliation", "description": "Automate it", "businessUnit": "Operations", "sponsor": "sam",
       "projectType": "RUN", "strategicAlignment": 3, "expectedAnnualBenefit": 60000, "budget": 100000,
       "currency": "EUR", "startDate": "2027-02-01", "durationMonths": 6, "complexity": "LOW",
       "personalData": false, "dataClassification": "INTERNAL", "thirdParty": "NONE",
       "criticalFunction": false, "newTechnology": false}""";

  static final SubmissionResult RESULT = new SubmissionResult("PRJ-2026-0001", ProjectStatus.SUBMITTED, 10,
      RiskTier.LOW, 55, PriorityClass.values()[0], List.of("pmo"), "pi-1");

  private static MockHttpServletRequestBuilder submit(String body) {
    return post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void aRequesterSubmitsAndTheServiceLearnsWhoAndTheIdempotencyKey() throws Exception {
    when(submissions.submit(any(), eq("rita"), eq("key-1")))
        .thenReturn(new ProjectSubmissions.Submission(RESULT, false));
    mvc.perform(submit(REQUEST).with(as("rita")).header("Idempotency-Key", "key-1"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/projects/PRJ-2026-0001"))
        .andExpect(header().string("Idempotent-Replayed", "false"))
        .andExpect(jsonPath("$.code").value("PRJ-2026-0001"))
        .andExpect(jsonPath("$.requiredApprovals[0]").value("pmo"));
  }

  @Test
  void aReplayedSubmissionSaysSo() throws Exception {
    when(submissions.submit(any(), eq("crm"), eq("key-1"))).thenReturn(new ProjectSubmissions.Submission(RESULT, true));
    mvc.perform(submit(REQUEST).with(as("crm")).header("Idempotency-Key", "key-1"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Idempotent-Replayed", "true"));
  }

  @Test
  void theSameKeyForAnotherRequestIsAConflict() throws Exception {
    when(submissions.submit(any(), anyString(), eq("key-1")))
        .thenThrow(BusinessRuleException.conflict("Idempotency-Key key-1 was used for another request"));
    mvc.perform(submit(REQUEST).with(as("rita")).header("Idempotency-Key", "key-1"))
        .andExpect(problem(409))
        .andExpect(jsonPath("$.detail").value(containsString("key-1")));
  }

  @Test
  void withoutCredentialsOrWithAWrongPasswordIs401() throws Exception {
    mvc.perform(submit(REQUEST))
        .andExpect(problem(401))
        .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
    mvc.perform(submit(REQUEST).with(org.springframework.security.test.web.servlet.request
            .SecurityMockMvcRequestPostProcessors.httpBasic("rita", "wrong")))
        .andExpect(problem(401));
    verifyNoInteractions(submissions);
  }

  @ParameterizedTest
  @ValueSource(strings = {"olga", "paula", "fiona", "adam", "nobody"})
  void onlyRequestersAndIntegrationsSubmit(String user) throws Exception {
    mvc.perform(submit(REQUEST).with(as(user))).andExpect(problem(403));
    verifyNoInteractions(submissions);
  }

  @Test
  void auditorsChangeNothingRefusedByTheFilterChain() throws Exception {
    mvc.perform(submit(REQUEST).with(as("audrey")))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.detail").value(containsString("auditors")));
  }

  @Test
  void csrfIsNotNeededTheApiIsStateless() throws Exception {
    // no CSRF token and no session cookie: credentials come with every request
    when(submissions.submit(any(), anyString(), isNull())).thenReturn(new ProjectSubmissions.Submission(RESULT, false));
    mvc.perform(submit(REQUEST).with(as("rita")))
        .andExpect(status().isCreated())
        .andExpect(header().doesNotExist("Set-Cookie"));
  }

  @Test
  void brokenJsonIsA400NamingTheBody() throws Exception {
    mvc.perform(submit("{\"title\": ").with(as("rita"))).andExpect(invalidField("body"));
    mvc.perform(submit("").with(as("rita"))).andExpect(invalidField("body"));
    verifyNoInteractions(submissions);
  }

  @Test
  void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
    mvc.perform(submit(REQUEST.replace("\"RUN\"", "\"SIDE_PROJECT\"")).with(as("rita")))
        .andExpect(invalidField("projectType"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("STRATEGIC")));
  }

  @Test
  void wrongTypesAreNotCoerced() throws Exception {
    mvc.perform(submit(REQUEST.replace("\"strategicAlignment\": 3", "\"strategicAlignment\": \"3\""))
        .with(as("rita"))).andExpect(invalidField("strategicAlignment"));
    mvc.perform(submit(REQUEST.replace("\"personalData\": false", "\"personalData\": \"no\"")).with(as("rita")))
        .andExpect(invalidField("personalData"));
    mvc.perform(submit(REQUEST.replace("\"2027-02-01\"", "20270201")).with(as("rita")))
        .andExpect(invalidField("startDate"));
    mvc.perform(submit(REQUEST.replace("\"budget\": 100000", "\"budget\": true")).with(as("rita")))
        .andExpect(invalidField("budget"));
    verifyNoInteractions(submissions);
  }

  @Test
  void unknownAndDuplicateFieldsAreNamed() throws Exception {
    mvc.perform(submit(REQUEST.replace("{\"title\"", "{\"priority\": 1, \"title\"")).with(as("rita")))
        .andExpect(invalidField("priority"));
    mvc.perform(submit(REQUEST.replace("{\"title\"", "{\"budget\": 5, \"title\"")).with(as("rita")))
        .andExpect(invalidField("budget"));
  }

  @Test
  void theServicesFieldProblemsComeOutNamingEachField() throws Exception {
    when(submissions.submit(any(), anyString(), any())).thenThrow(new InvalidRequestException("title",
        "must be at most 200 characters"));
    mvc.perform(submit(REQUEST).with(as("rita")))
        .andExpect(invalidField("title"))
        .andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters"));
  }

  @Test
  void losingARaceIsA409InWords() throws Exception {
    when(submissions.submit(any(), anyString(), any())).thenThrow(new DuplicateKeyException("uq_external_reference"));
    mvc.perform(submit(REQUEST).with(as("crm")))
        .andExpect(problem(409))
        .andExpect(jsonPath("$.type").value("urn:openpmo:problem:conflict"))
        .andExpect(jsonPath("$.detail").value(containsString("Nothing was changed")));
    org.mockito.Mockito.doThrow(new OptimisticLockingException("ACT_RU_EXECUTION")).when(submissions)
        .submit(any(), anyString(), any());
    mvc.perform(submit(REQUEST).with(as("crm")))
        .andExpect(problem(409))
        .andExpect(jsonPath("$.detail").value(containsString("nothing of this request was saved")));
  }

  @Test
  void aDatabaseOutageIsA503WithRetryAfter() throws Exception {
    when(submissions.submit(any(), anyString(), any()))
        .thenThrow(new CannotCreateTransactionException("Connection refused"));
    mvc.perform(submit(REQUEST).with(as("rita")).header("Idempotency-Key", "k"))
        .andExpect(problem(503))
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(jsonPath("$.type").value("urn:openpmo:problem:database-unavailable"))
        .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));
  }

  @Test
  void withdrawalTakesAnOptionalReasonOfAtMost4000Characters() throws Exception {
    mvc.perform(post("/api/v1/projects/PRJ-2026-0001/withdrawal").with(as("rita"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"" + "x".repeat(4001) + "\"}"))
        .andExpect(invalidField("reason"));
    verifyNoInteractions(withdrawals);
  }

  @Test
  void withdrawalRefusalsKeepTheirStatus() throws Exception {
    when(withdrawals.withdraw(eq("PRJ-2026-0001"), any()))
        .thenThrow(BusinessRuleException.forbidden("Only the requester or the PMO withdraws PRJ-2026-0001"));
    mvc.perform(post("/api/v1/projects/PRJ-2026-0001/withdrawal").with(as("fiona")))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.type").value("urn:openpmo:problem:business-rule"));
    when(withdrawals.withdraw(eq("PRJ-2026-0002"), any()))
        .thenThrow(BusinessRuleException.conflict("PRJ-2026-0002 is no longer in initiation"));
    mvc.perform(post("/api/v1/projects/PRJ-2026-0002/withdrawal").with(as("rita"))).andExpect(problem(409));
    when(withdrawals.withdraw(eq("PRJ-2026-0003"), any())).thenThrow(new NotFoundException("No project PRJ-2026-0003"));
    mvc.perform(post("/api/v1/projects/PRJ-2026-0003/withdrawal").with(as("rita"))).andExpect(problem(404));
  }

  @Test
  void aWithdrawalReasonIsStrippedAndABlankOneIsNone() throws Exception {
    when(withdrawals.withdraw(any(), any())).thenReturn(null);
    mvc.perform(post("/api/v1/projects/PRJ-2026-0001/withdrawal").with(as("rita"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"  budget cut  \"}"));
    verify(withdrawals).withdraw("PRJ-2026-0001", "budget cut");
  }
}
