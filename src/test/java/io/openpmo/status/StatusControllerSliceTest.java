package io.openpmo.status;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.project.Project;
import io.openpmo.security.Groups;
import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Status reports (project manager, PMO, integrations) and the register (project manager, PMO, risk, compliance,
 * infosec) of a project the caller sees; everyone else who sees it reads only.
 */
class StatusControllerSliceTest extends WebSliceTest {

  static final String CODE = "PRJ-2026-0007";
  static final String REPORT = "{\"percentComplete\": 40, \"actualCostToDate\": 350000, \"notes\": \"on plan\"}";
  static final String RISK = "{\"kind\": \"RISK\", \"title\": \"Vendor late\", \"probability\": 3, \"impact\": 4}";

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void theProjectManagerReports() throws Exception {
    Project project = givenProject(CODE, "paula");
    StatusReport report = mock(StatusReport.class);
    when(report.id()).thenReturn(11L);
    when(statusReporting.submit(eq(project), any(), eq("paula"))).thenReturn(report);
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as("paula")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/projects/" + CODE + "/status-reports/11"));
  }

  @Test
  void thePmoReportsOnAnyProject() throws Exception {
    Project project = givenProject(CODE, "paula");
    when(statusReporting.submit(eq(project), any(), eq("olga"))).thenReturn(mock(StatusReport.class));
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as("olga")))
        .andExpect(status().isCreated());
  }

  @Test
  void anIntegrationThatSeesTheProjectReports() throws Exception {
    Project project = givenProject(CODE, "paula");
    givenApprovingGroups(project, Groups.INTEGRATIONS);
    when(statusReporting.submit(eq(project), any(), eq("crm"))).thenReturn(mock(StatusReport.class));
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as("crm")))
        .andExpect(status().isCreated());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rita", "stella", "adam"})
  void othersWhoSeeTheProjectDoNotReport(String user) throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as(user)))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.detail").value(containsString("Only the project manager paula")));
    verifyNoInteractions(statusReporting);
  }

  @Test
  void anotherProjectManagerDoesNotSeeTheProjectAtAll() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as("peter")))
        .andExpect(problem(404))
        .andExpect(jsonPath("$.detail").value("No project " + CODE));
    mvc.perform(get("/api/v1/projects/{code}/status-reports", CODE).with(as("peter"))).andExpect(problem(404));
    verifyNoInteractions(statusReporting, statusReports);
  }

  @Test
  void auditorsReadTheHistoryButDoNotReport() throws Exception {
    Project project = givenProject(CODE, "paula");
    when(statusReports.reports(project.id())).thenReturn(List.of());
    mvc.perform(get("/api/v1/projects/{code}/status-reports", CODE).with(as("audrey"))).andExpect(status().isOk());
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as("audrey")))
        .andExpect(problem(403));
    verifyNoInteractions(statusReporting);
  }

  @Test
  void anonymousIs401() throws Exception {
    mvc.perform(get("/api/v1/projects/{code}/status-reports", CODE)).andExpect(problem(401));
  }

  @Test
  void wrongTypesInAReportAreNamedDownToTheMilestone() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE),
            "{\"percentComplete\": \"40\", \"actualCostToDate\": 1}").with(as("paula")))
        .andExpect(invalidField("percentComplete"));
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), "{\"percentComplete\": 40,"
            + " \"actualCostToDate\": 1, \"milestones\": [{\"milestoneId\": \"first\", \"status\": \"DONE\"}]}")
            .with(as("paula")))
        .andExpect(invalidField("milestones[0].milestoneId"));
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE),
            "{\"percentComplete\": 40, \"actualCostToDate\": 1, \"reportDate\": \"2027-02-30\"}").with(as("paula")))
        .andExpect(invalidField("reportDate"));
    verifyNoInteractions(statusReporting);
  }

  @Test
  void theServicesRefusalsKeepTheirStatus() throws Exception {
    givenProject(CODE, "paula");
    when(statusReporting.submit(any(), any(), anyString()))
        .thenThrow(BusinessRuleException.conflict(CODE + " is not in delivery"));
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as("paula")))
        .andExpect(problem(409))
        .andExpect(jsonPath("$.title").value("Business rule violated"))
        .andExpect(jsonPath("$.detail").value(CODE + " is not in delivery"));
    org.mockito.Mockito.doThrow(BusinessRuleException.unprocessable("the report date lies before the last one"))
        .when(statusReporting).submit(any(), any(), anyString());
    mvc.perform(json(post("/api/v1/projects/{code}/status-reports", CODE), REPORT).with(as("paula")))
        .andExpect(problem(422));
  }

  @Test
  void riskComplianceAndInfosecKeepTheRegisterOfAProjectTheyApprove() throws Exception {
    Project project = givenProject(CODE, "paula");
    givenApprovingGroups(project, Groups.RISK);
    RiskIssue entry = mock(RiskIssue.class);
    when(entry.id()).thenReturn(5L);
    when(riskRegister.add(eq(project), any(), eq("rick"))).thenReturn(entry);
    mvc.perform(json(post("/api/v1/projects/{code}/register", CODE), RISK).with(as("rick")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/projects/" + CODE + "/register/5"));
  }

  @Test
  void financeSeesTheRegisterButDoesNotKeepIt() throws Exception {
    Project project = givenProject(CODE, "paula");
    givenApprovingGroups(project, Groups.FINANCE);
    when(riskRegister.register(project.id(), "RISK")).thenReturn(List.of());
    mvc.perform(get("/api/v1/projects/{code}/register", CODE).param("kind", "RISK").with(as("fiona")))
        .andExpect(status().isOk());
    mvc.perform(json(post("/api/v1/projects/{code}/register", CODE), RISK).with(as("fiona")))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.detail").value(containsString("keep the register of " + CODE)));
    mvc.perform(json(patch("/api/v1/projects/{code}/register/{id}", CODE, 5), RISK).with(as("fiona")))
        .andExpect(problem(403));
    verify(riskRegister).register(project.id(), "RISK");
    org.mockito.Mockito.verifyNoMoreInteractions(riskRegister);
  }

  @Test
  void theProjectManagerUpdatesAnEntry() throws Exception {
    Project project = givenProject(CODE, "paula");
    mvc.perform(json(patch("/api/v1/projects/{code}/register/{id}", CODE, 5), "{\"status\": \"CLOSED\"}")
        .with(as("paula"))).andExpect(status().isOk());
    verify(riskRegister).update(eq(project), eq(5L), eq(new RiskIssueInput(null, null, null, null, null, null, null,
        "CLOSED", null)), eq("paula"));
  }

  @Test
  void aRegisterIdThatIsNotANumberIsA400() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(json(patch("/api/v1/projects/{code}/register/{id}", CODE, "five"), RISK).with(as("paula")))
        .andExpect(problem(400))
        .andExpect(jsonPath("$.detail").value(containsString("id")));
    verifyNoInteractions(riskRegister);
  }

  @Test
  void probabilityAsTextOrAsAFractionIsNamed() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(json(post("/api/v1/projects/{code}/register", CODE), RISK.replace("\"probability\": 3",
        "\"probability\": \"3\"")).with(as("paula"))).andExpect(invalidField("probability"));
    mvc.perform(json(post("/api/v1/projects/{code}/register", CODE), RISK.replace("\"probability\": 3",
        "\"probability\": 2.5")).with(as("paula"))).andExpect(invalidField("probability"));
    org.mockito.Mockito.verify(riskRegister, org.mockito.Mockito.never()).add(any(), any(), anyString());
    org.mockito.Mockito.verify(riskRegister, org.mockito.Mockito.never()).update(any(), anyLong(), any(), anyString());
  }
}
