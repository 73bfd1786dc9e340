package io.openpmo.lifecycle;

import io.openpmo.baseline.Baseline;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.project.Project;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The draft plan for G1: the PMO, or a project manager of a project that is theirs or has none yet, in planning. */
class LifecycleControllerSliceTest extends WebSliceTest {

  static final String CODE = "PRJ-2026-0030";
  static final String PLAN = """
      {"budgetAtCompletion": 1400000, "startDate": "2027-01-01", "endDate": "2027-12-31",
       "milestones": [{"name": "Design", "dueDate": "2027-03-31"}]}""";

  private static MockHttpServletRequestBuilder plan(String body) {
    return put("/api/v1/projects/{code}/plan", CODE).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private Project inPlanning(String manager) {
    Project project = givenProject(CODE, manager, ProjectStatus.APPROVED, ProjectPhase.PLANNING);
    Baseline draft = mock(Baseline.class);
    when(draft.id()).thenReturn(3L);
    when(baselines.saveDraft(eq(project), any(), any(), eq("Plan for G1"))).thenReturn(draft);
    return project;
  }

  @Test
  void theProjectManagerOfTheProjectPlansIt() throws Exception {
    inPlanning("paula");
    mvc.perform(plan(PLAN).with(as("paula"))).andExpect(status().isOk());
  }

  @Test
  void anyProjectManagerPlansAProjectThatHasNoneYet() throws Exception {
    inPlanning(null);
    mvc.perform(plan(PLAN).with(as("peter"))).andExpect(status().isOk());
  }

  @Test
  void thePmoPlansAnyProject() throws Exception {
    inPlanning("paula");
    mvc.perform(plan(PLAN).with(as("olga"))).andExpect(status().isOk());
  }

  @Test
  void othersWhoSeeTheProjectDoNotPlanIt() throws Exception {
    inPlanning("paula");
    for (String user : List.of("rita", "stella", "adam")) {
      mvc.perform(plan(PLAN).with(as(user)))
          .andExpect(problem(403))
          .andExpect(jsonPath("$.detail").value("Only the project manager of " + CODE + " or the PMO plans it"));
    }
    mvc.perform(plan(PLAN).with(as("peter"))).andExpect(problem(404));
    mvc.perform(plan(PLAN).with(as("audrey"))).andExpect(problem(403));
    mvc.perform(plan(PLAN)).andExpect(problem(401));
    verifyNoInteractions(baselines);
  }

  @Test
  void aProjectOutOfPlanningIsAConflictInWords() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(plan(PLAN).with(as("paula")))
        .andExpect(problem(409))
        .andExpect(jsonPath("$.detail").value(containsString("not in planning")));
    verifyNoInteractions(baselines);
  }

  @Test
  void badPlanFieldsAreNamedToTheMilestone() throws Exception {
    inPlanning("paula");
    mvc.perform(plan(PLAN.replace("\"2027-03-31\"", "\"end of March\"")).with(as("paula")))
        .andExpect(invalidField("milestones[0].dueDate"));
    mvc.perform(plan(PLAN.replace("1400000", "\"1.4M\"")).with(as("paula")))
        .andExpect(invalidField("budgetAtCompletion"));
    mvc.perform(plan(PLAN.replace("[{", "{").replace("}]", "}")).with(as("paula")))
        .andExpect(invalidField("milestones"));
    verifyNoInteractions(baselines);
  }

  @Test
  void baselinesAreForWhoeverSeesTheProject() throws Exception {
    Project project = givenProject(CODE, "paula");
    when(baselines.versions(project.id())).thenReturn(List.of());
    mvc.perform(get("/api/v1/projects/{code}/baselines", CODE).with(as("audrey"))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/projects/{code}/baselines", CODE).with(as("fiona"))).andExpect(problem(404));
  }
}
