package io.openpmo.change;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.project.Project;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Change requests: the project manager, the PMO or an integration raises them; whoever sees the project reads. */
class ChangeControllerSliceTest extends WebSliceTest {

  static final String CODE = "PRJ-2026-0009";
  static final String CHANGE = """
      {"title": "Add the card module", "reason": "Regulator", "scopeChange": true, "delayDays": 30,
       "costDelta": 120000, "riskImpact": "LOW", "regulatoryImpact": false, "emergency": false}""";

  private static MockHttpServletRequestBuilder raise(String body) {
    return post("/api/v1/projects/{code}/change-requests", CODE).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void theProjectManagerRaisesAChangeViaTheApi() throws Exception {
    Project project = givenProject(CODE, "paula");
    ChangeRequest change = mock(ChangeRequest.class);
    when(change.id()).thenReturn(3L);
    when(changeSubmissions.raise(eq(project), any(), eq("paula"), eq("API"))).thenReturn(change);
    when(reviews.decisions(ReviewSubjectType.CHANGE_REQUEST, 3L)).thenReturn(List.of());
    mvc.perform(raise(CHANGE).with(as("paula")))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/projects/" + CODE + "/change-requests/3"))
        .andExpect(jsonPath("$.decisions").isArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"olga", "crm"})
  void thePmoAndIntegrationsThatSeeTheProjectRaiseChanges(String user) throws Exception {
    Project project = givenProject(CODE, "paula");
    givenApprovingGroups(project, io.openpmo.security.Groups.INTEGRATIONS);
    when(changeSubmissions.raise(eq(project), any(), eq(user), eq("API"))).thenReturn(mock(ChangeRequest.class));
    mvc.perform(raise(CHANGE).with(as(user))).andExpect(status().isCreated());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rita", "stella", "adam"})
  void othersWhoSeeTheProjectDoNotRaiseChanges(String user) throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(raise(CHANGE).with(as(user)))
        .andExpect(problem(403))
        .andExpect(jsonPath("$.detail").value(containsString("raises changes on " + CODE)));
    verifyNoInteractions(changeSubmissions);
  }

  @Test
  void anAuditorIsRefusedBeforeTheControllerAndAStrangerDoesNotSeeTheProject() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(raise(CHANGE).with(as("audrey"))).andExpect(problem(403));
    mvc.perform(raise(CHANGE).with(as("peter"))).andExpect(problem(404));
    mvc.perform(get("/api/v1/projects/{code}/change-requests", CODE).with(as("peter"))).andExpect(problem(404));
    mvc.perform(raise(CHANGE)).andExpect(problem(401));
    verifyNoInteractions(changeSubmissions, changes);
  }

  @Test
  void anUnknownProjectIs404() throws Exception {
    mvc.perform(raise(CHANGE).with(as("olga")))
        .andExpect(problem(404))
        .andExpect(jsonPath("$.detail").value("No project " + CODE));
  }

  @Test
  void badFieldsAreNamed() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(raise(CHANGE.replace("\"delayDays\": 30", "\"delayDays\": \"30 days\"")).with(as("paula")))
        .andExpect(invalidField("delayDays"));
    mvc.perform(raise(CHANGE.replace("\"scopeChange\": true", "\"scopeChange\": 1")).with(as("paula")))
        .andExpect(invalidField("scopeChange"));
    mvc.perform(raise(CHANGE.replace("\"costDelta\": 120000", "\"costDelta\": \"120000\"")).with(as("paula")))
        .andExpect(invalidField("costDelta"));
    mvc.perform(raise(CHANGE.replace("}", ", \"plan\": {\"milestones\": 5}}")).with(as("paula")))
        .andExpect(invalidField("plan.milestones"));
    mvc.perform(raise(CHANGE + " {}").with(as("paula"))).andExpect(invalidField("body"));
    verifyNoInteractions(changeSubmissions);
  }

  @Test
  void aProjectOutOfDeliveryIsAConflictAndARaceToo() throws Exception {
    givenProject(CODE, "paula");
    when(changeSubmissions.raise(any(), any(), anyString(), anyString()))
        .thenThrow(BusinessRuleException.conflict(CODE + " is CLOSED, not in delivery"));
    mvc.perform(raise(CHANGE).with(as("paula"))).andExpect(problem(409));
    org.mockito.Mockito.doThrow(new DuplicateKeyException("uq_change_number")).when(changeSubmissions)
        .raise(any(), any(), anyString(), anyString());
    mvc.perform(raise(CHANGE).with(as("paula")))
        .andExpect(problem(409))
        .andExpect(jsonPath("$.type").value("urn:openpmo:problem:conflict"));
  }

  @Test
  void aDroppedConnectionIsA503() throws Exception {
    Project project = givenProject(CODE, "paula");
    when(changes.forProject(project.id())).thenThrow(new TransientDataAccessResourceException("connection reset"));
    mvc.perform(get("/api/v1/projects/{code}/change-requests", CODE).with(as("stella")))
        .andExpect(problem(503))
        .andExpect(header().string("Retry-After", "2"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("connection reset"))));
  }
}
