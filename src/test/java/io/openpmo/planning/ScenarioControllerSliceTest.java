package io.openpmo.planning;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Scenarios and portfolio reviews: the PMO plans; portfolio readers and finance read. */
class ScenarioControllerSliceTest extends WebSliceTest {

  @Test
  void portfolioReadersAndFinanceReadScenarios() throws Exception {
    when(scenarios.list()).thenReturn(List.of());
    for (String user : List.of("olga", "stella", "audrey", "fiona")) {
      mvc.perform(get("/api/v1/scenarios").with(as(user))).andExpect(status().isOk());
    }
    for (String user : List.of("paula", "rita", "rosa")) {
      mvc.perform(get("/api/v1/scenarios").with(as(user))).andExpect(problem(403));
      mvc.perform(get("/api/v1/portfolio-reviews").with(as(user))).andExpect(problem(403));
    }
  }

  @Test
  void onlyThePmoAndAdministratorsChangeOrSolveAScenario() throws Exception {
    for (String user : List.of("fiona", "stella")) {
      mvc.perform(post("/api/v1/scenarios/SC-1/solution").with(as(user))).andExpect(problem(403));
      mvc.perform(patch("/api/v1/scenarios/SC-1").with(as(user)).contentType(MediaType.APPLICATION_JSON)
          .content("{\"name\": \"lean\"}")).andExpect(problem(403));
      mvc.perform(post("/api/v1/portfolio-reviews").with(as(user)).contentType(MediaType.APPLICATION_JSON)
          .content("{}")).andExpect(problem(403));
    }
    verifyNoInteractions(scenarioSolving, portfolioReviews);
    mvc.perform(post("/api/v1/scenarios/SC-1/solution").with(as("olga"))).andExpect(status().isOk());
    verify(scenarioSolving).solve("SC-1", "olga");
  }

  @Test
  void badScenarioFieldsAreNamed() throws Exception {
    mvc.perform(post("/api/v1/scenarios").with(as("olga")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\": \"2027\", \"periodFrom\": \"2027-01-01\"}")).andExpect(invalidField("periodFrom"));
    mvc.perform(patch("/api/v1/scenarios/SC-1").with(as("olga")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"budgetTotal\": \"lots\"}")).andExpect(invalidField("budgetTotal"));
    mvc.perform(patch("/api/v1/scenarios/SC-1/candidates/PRJ-2026-0001").with(as("olga"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"mandatory\": \"yes\"}")).andExpect(invalidField("mandatory"));
    verify(scenarios, never()).create(any(), anyString());
  }
}
