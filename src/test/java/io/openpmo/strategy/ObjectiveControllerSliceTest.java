package io.openpmo.strategy;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.project.Project;
import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The objectives catalogue: everyone reads it, the PMO and administrators keep it, portfolio readers see coverage. */
class ObjectiveControllerSliceTest extends WebSliceTest {

  static final String OBJECTIVE = """
      {"code": "OBJ-DIGITAL", "name": "Digital sales", "owner": "sam", "kpi": "Share sold digitally",
       "target": "60%", "periodFrom": "2027-01", "periodTo": "2027-12", "weight": 4, "active": true}""";

  private static MockHttpServletRequestBuilder create(String body) {
    return post("/api/v1/objectives").contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @ParameterizedTest
  @ValueSource(strings = {"olga", "adam"})
  void thePmoAndAdministratorsAddObjectives(String user) throws Exception {
    Objective created = mock(Objective.class);
    when(created.code()).thenReturn("OBJ-DIGITAL");
    when(objectives.create(any(), org.mockito.ArgumentMatchers.eq(user))).thenReturn(created);
    mvc.perform(create(OBJECTIVE).with(as(user)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/objectives/OBJ-DIGITAL"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rita", "paula", "stella", "fiona", "crm"})
  void othersDoNotKeepTheCatalogue(String user) throws Exception {
    mvc.perform(create(OBJECTIVE).with(as(user))).andExpect(problem(403));
    mvc.perform(put("/api/v1/objectives/OBJ-DIGITAL").with(as(user)).contentType(MediaType.APPLICATION_JSON)
        .content(OBJECTIVE)).andExpect(problem(403));
    verify(objectives, org.mockito.Mockito.never()).create(any(), anyString());
    verify(objectives, org.mockito.Mockito.never()).update(anyString(), any(), anyString());
  }

  @Test
  void everyoneReadsTheCatalogueWithAStrictFlag() throws Exception {
    when(objectives.list(true)).thenReturn(List.of());
    mvc.perform(get("/api/v1/objectives").param("activeOnly", "true").with(as("rita"))).andExpect(status().isOk());
    verify(objectives).list(true);
    mvc.perform(get("/api/v1/objectives").param("activeOnly", "1").with(as("rita")))
        .andExpect(invalidField("activeOnly"));
    mvc.perform(get("/api/v1/objectives")).andExpect(problem(401));
  }

  @Test
  void monthsWeightsAndUnknownFieldsAreNamed() throws Exception {
    mvc.perform(create(OBJECTIVE.replace("\"2027-12\"", "\"2027-13\"")).with(as("olga")))
        .andExpect(invalidField("periodTo"));
    mvc.perform(create(OBJECTIVE.replace("\"weight\": 4", "\"weight\": \"4\"")).with(as("olga")))
        .andExpect(invalidField("weight"));
    mvc.perform(create(OBJECTIVE.replace("\"active\": true", "\"active\": true, \"createdBy\": \"x\""))
        .with(as("olga"))).andExpect(invalidField("createdBy"));
    verify(objectives, org.mockito.Mockito.never()).create(any(), anyString());
  }

  @Test
  void aDuplicateCodeIsAConflict() throws Exception {
    when(objectives.create(any(), anyString())).thenThrow(BusinessRuleException.conflict("OBJ-DIGITAL exists"));
    mvc.perform(create(OBJECTIVE).with(as("olga"))).andExpect(problem(409));
  }

  @Test
  void coverageIsForPortfolioReadersAsJsonOrCsv() throws Exception {
    when(objectives.coverage()).thenReturn(List.of());
    mvc.perform(get("/api/v1/objectives/coverage").param("format", "csv").with(as("stella")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"));
    mvc.perform(get("/api/v1/objectives/coverage").param("format", "pdf").with(as("olga")))
        .andExpect(invalidField("format"));
    mvc.perform(get("/api/v1/objectives/coverage").with(as("paula"))).andExpect(problem(403));
  }

  @Test
  void theObjectivesOfAProjectAreForWhoeverSeesIt() throws Exception {
    Project project = givenProject("PRJ-2026-0020", "paula");
    when(objectives.objectivesOf(project.id())).thenReturn(List.of());
    mvc.perform(get("/api/v1/projects/PRJ-2026-0020/objectives").with(as("paula"))).andExpect(status().isOk());
    mvc.perform(get("/api/v1/projects/PRJ-2026-0020/objectives").with(as("peter"))).andExpect(problem(404));
    verify(objectives).objectivesOf(project.id());
    verifyNoInteractions(projectViews);
  }
}
