package io.openpmo.report;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.NotFoundException;
import io.openpmo.support.WebSliceTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Reports: the portfolio and cycle times for portfolio readers, utilisation also for resource managers. */
class ReportControllerSliceTest extends WebSliceTest {

  @Autowired
  CycleTimeService cycleTimes;

  @ParameterizedTest
  @ValueSource(strings = {"olga", "audrey", "stella", "adam"})
  void portfolioReadersReadThePortfolio(String user) throws Exception {
    PortfolioReport report = mock(PortfolioReport.class);
    when(report.projects()).thenReturn(List.of());
    when(portfolioReports.report(false)).thenReturn(report);
    mvc.perform(get("/api/v1/reports/portfolio").param("format", "csv").with(as(user)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rita", "paula", "fiona", "rosa", "crm", "nobody"})
  void othersDoNotReadThePortfolioOrCycleTimes(String user) throws Exception {
    mvc.perform(get("/api/v1/reports/portfolio").with(as(user))).andExpect(problem(403));
    mvc.perform(get("/api/v1/reports/cycle-times").with(as(user))).andExpect(problem(403));
    verifyNoInteractions(portfolioReports, cycleTimes);
  }

  @Test
  void resourceManagersReadUtilisationOthersOutsideTheRuleDoNot() throws Exception {
    mvc.perform(get("/api/v1/reports/utilisation").param("from", "2027-01").param("to", "2027-03").with(as("rosa")))
        .andExpect(status().isOk());
    verify(resourcePlans).utilisation(YearMonth.of(2027, 1), YearMonth.of(2027, 3));
    mvc.perform(get("/api/v1/reports/utilisation").with(as("paula"))).andExpect(problem(403));
  }

  @Test
  void badParametersAreNamed() throws Exception {
    mvc.perform(get("/api/v1/reports/portfolio").param("format", "xml").with(as("olga")))
        .andExpect(invalidField("format"));
    mvc.perform(get("/api/v1/reports/portfolio").param("includeFinished", "yes").with(as("olga")))
        .andExpect(invalidField("includeFinished"));
    mvc.perform(get("/api/v1/reports/utilisation").param("from", "2027-13").with(as("olga")))
        .andExpect(invalidField("from"));
    verifyNoInteractions(portfolioReports);
  }

  @Test
  void cycleTimesEndingBeforeTheyStartNameTheEnd() throws Exception {
    when(cycleTimes.today()).thenReturn(LocalDate.of(2026, 11, 30));
    mvc.perform(get("/api/v1/reports/cycle-times").param("from", "2026-12-01").param("to", "2026-11-01")
        .with(as("olga"))).andExpect(invalidField("to"));
    mvc.perform(get("/api/v1/reports/cycle-times").param("to", "2026-02-30").with(as("olga")))
        .andExpect(invalidField("to"));
    verify(cycleTimes, org.mockito.Mockito.never()).report(any(), any());
  }

  @Test
  void theProjectPdfIsForWhoeverSeesTheProject() throws Exception {
    when(projectReports.report("PRJ-2026-0005")).thenThrow(new NotFoundException("No project PRJ-2026-0005"));
    mvc.perform(get("/api/v1/reports/projects/PRJ-2026-0005.pdf").with(as("nobody"))
        .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON)).andExpect(problem(404));
    ProjectReport report = mock(ProjectReport.class);
    io.openpmo.project.Project project = mock(io.openpmo.project.Project.class);
    when(project.code()).thenReturn("PRJ-2026-0006");
    when(report.project()).thenReturn(project);
    when(projectReports.report("PRJ-2026-0006")).thenReturn(report);
    when(projectReportPdf.render(report)).thenReturn("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    mvc.perform(get("/api/v1/reports/projects/PRJ-2026-0006.pdf").with(as("rita")))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("Content-Disposition", containsString("PRJ-2026-0006-report.pdf")));
  }
}
