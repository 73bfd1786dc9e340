package io.openpmo.portfolio;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.NotFoundException;
import io.openpmo.project.ProjectSearch;
import io.openpmo.project.ProjectStatus;
import io.openpmo.support.WebSliceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;

/** Reading the portfolio: one project or a filtered page; the service decides what the caller sees. */
class ProjectControllerSliceTest extends WebSliceTest {

  @Test
  void anyLoggedInUserReadsAProjectTheServiceShowsThem() throws Exception {
    when(projectViews.view("PRJ-2026-0001")).thenThrow(new NotFoundException("No project PRJ-2026-0001"));
    mvc.perform(get("/api/v1/projects/PRJ-2026-0001").with(as("nobody")))
        .andExpect(problem(404))
        .andExpect(jsonPath("$.title").value("Not found"))
        .andExpect(jsonPath("$.detail").value("No project PRJ-2026-0001"));
    mvc.perform(get("/api/v1/projects/PRJ-2026-0001")).andExpect(problem(401));
  }

  @Test
  void aPageOfProjectsFilteredByStatus() throws Exception {
    when(projectViews.search(any(), eq(2), eq(50))).thenReturn(new ProjectViews.Page<>(List.of(), 2, 50, 0));
    mvc.perform(get("/api/v1/projects").param("status", "ACTIVE").param("page", "2").param("size", "50")
            .with(as("audrey")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(2))
        .andExpect(jsonPath("$.items").isArray());
    ArgumentCaptor<ProjectSearch> filter = ArgumentCaptor.forClass(ProjectSearch.class);
    verify(projectViews).search(filter.capture(), eq(2), eq(50));
    org.assertj.core.api.Assertions.assertThat(filter.getValue().status()).isEqualTo(ProjectStatus.ACTIVE);
  }

  @Test
  void anUnknownStatusIsA400NamingTheParameter() throws Exception {
    mvc.perform(get("/api/v1/projects").param("status", "DREAMING").with(as("olga")))
        .andExpect(invalidField("status"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("one of ")))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("ACTIVE")))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("(was DREAMING)")));
    verifyNoInteractions(projectViews);
  }

  @Test
  void pageAndSizeAreBounded() throws Exception {
    mvc.perform(get("/api/v1/projects").param("page", "-1").with(as("olga"))).andExpect(invalidField("page"));
    mvc.perform(get("/api/v1/projects").param("size", "0").with(as("olga"))).andExpect(invalidField("size"));
    mvc.perform(get("/api/v1/projects").param("size", "201").with(as("olga"))).andExpect(invalidField("size"));
    mvc.perform(get("/api/v1/projects").param("size", "ten").with(as("olga")))
        .andExpect(invalidField("size"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a number (was ten)"));
    verify(projectViews, org.mockito.Mockito.never()).search(any(), anyInt(), anyInt());
  }

  @Test
  void projectsCannotBePatchedOrDeletedOverThisApi() throws Exception {
    performWithErrorPage(patch("/api/v1/projects/PRJ-2026-0001").with(as("olga"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"CLOSED\"}")).andExpect(problem(405));
    performWithErrorPage(delete("/api/v1/projects/PRJ-2026-0001").with(as("olga"))).andExpect(problem(405));
    // auditors are refused by the filter chain before the method is even looked at
    mvc.perform(patch("/api/v1/projects/PRJ-2026-0001").with(as("audrey"))
        .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(problem(403));
  }
}
