package io.openpmo.closure;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.Project;
import io.openpmo.support.WebSliceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Closure, archived documents, cancellation and lessons learned. */
class ClosureControllerSliceTest extends WebSliceTest {

  static final String CODE = "PRJ-2026-0013";

  @Test
  void aProjectNotInClosureHasNoClosure() throws Exception {
    Project project = givenProject(CODE, "paula");
    when(closureViews.summary(project.id())).thenReturn(Optional.empty());
    mvc.perform(get("/api/v1/projects/{code}/closure", CODE).with(as("paula")))
        .andExpect(problem(404))
        .andExpect(jsonPath("$.detail").value(CODE + " is not in closure"));
  }

  @Test
  void anArchivedDocumentComesWithItsHashAndName() throws Exception {
    Project project = givenProject(CODE, "paula");
    byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
    when(documents.get(project.id(), 4L)).thenReturn(new ProjectDocument(4L, project.id(),
        ProjectDocument.FINAL_REPORT, "final-report.pdf", "application/pdf", pdf, pdf.length, "abc123", "system",
        null));
    mvc.perform(get("/api/v1/projects/{code}/documents/{id}", CODE, 4).with(as("stella")))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("X-Content-SHA256", "abc123"))
        .andExpect(header().string("Content-Disposition", containsString("final-report.pdf")))
        .andExpect(content().bytes(pdf));
  }

  @Test
  void strangersGetNoDocument() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(get("/api/v1/projects/{code}/documents/{id}", CODE, 4).with(as("peter"))).andExpect(problem(404));
    verifyNoInteractions(documents);
  }

  @Test
  void cancellationPassesTheReasonAndTheServiceDecidesWhoMay() throws Exception {
    Project project = givenProject(CODE, "paula");
    when(cancellations.cancel(project, "strategy changed")).thenReturn(project);
    mvc.perform(post("/api/v1/projects/{code}/cancellation", CODE).with(as("olga"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"strategy changed\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.code").value(CODE));
    when(cancellations.cancel(eq(project), any()))
        .thenThrow(BusinessRuleException.forbidden("Only the sponsor, the PMO or a committee cancels " + CODE));
    mvc.perform(post("/api/v1/projects/{code}/cancellation", CODE).with(as("rita"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"no\"}"))
        .andExpect(problem(403));
  }

  @Test
  void aCancellationReasonOver2000CharactersOrOfTheWrongTypeIsNamed() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(post("/api/v1/projects/{code}/cancellation", CODE).with(as("olga"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"" + "r".repeat(2001) + "\"}"))
        .andExpect(invalidField("reason"));
    mvc.perform(post("/api/v1/projects/{code}/cancellation", CODE).with(as("olga"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": {\"text\": \"x\"}}"))
        .andExpect(invalidField("reason"));
    mvc.perform(post("/api/v1/projects/{code}/cancellation", CODE).with(as("olga")))
        .andExpect(invalidField("body"));
    verifyNoInteractions(cancellations);
  }

  @Test
  void cancellingWithoutARunningLifecycleIsAConflict() throws Exception {
    givenProject(CODE, "paula");
    when(cancellations.cancel(any(), any())).thenThrow(BusinessRuleException.conflict(CODE + " is in initiation"));
    mvc.perform(post("/api/v1/projects/{code}/cancellation", CODE).with(as("olga"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
        .andExpect(problem(409));
  }

  @Test
  void anyoneWhoSeesTheProjectRecordsALessonAsThemselves() throws Exception {
    Project project = givenProject(CODE, "paula");
    mvc.perform(post("/api/v1/projects/{code}/lessons", CODE).with(as("rita"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"recommendations\": \"test earlier\","
                + " \"tags\": [\"testing\"]}"))
        .andExpect(status().isCreated());
    verify(lessons).record(project, new LessonInput(null, null, "test earlier", List.of("testing")), "rita");
    mvc.perform(post("/api/v1/projects/{code}/lessons", CODE).with(as("audrey"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"recommendations\": \"x\"}"))
        .andExpect(problem(403));
  }

  @Test
  void aTagListOfTheWrongShapeIsNamed() throws Exception {
    givenProject(CODE, "paula");
    mvc.perform(post("/api/v1/projects/{code}/lessons", CODE).with(as("rita"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"recommendations\": \"x\", \"tags\": \"testing\"}"))
        .andExpect(invalidField("tags"));
    mvc.perform(post("/api/v1/projects/{code}/lessons", CODE).with(as("rita"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"recommendations\": \"x\", \"tags\": [1]}"))
        .andExpect(invalidField("tags[0]"));
    verifyNoInteractions(lessons);
  }

  @Test
  void lessonSearchPagesAreBounded() throws Exception {
    mvc.perform(get("/api/v1/lessons").param("page", "-1").with(as("rita"))).andExpect(invalidField("page"));
    mvc.perform(get("/api/v1/lessons").param("size", "101").with(as("rita"))).andExpect(invalidField("size"));
    mvc.perform(get("/api/v1/lessons").param("q", "vendor").param("size", "100").with(as("rita")))
        .andExpect(status().isOk());
    verify(lessons).search("vendor", null, 0, 100);
    mvc.perform(get("/api/v1/lessons")).andExpect(problem(401));
  }

  @Test
  void anUnknownDocumentIs404() throws Exception {
    Project project = givenProject(CODE, "paula");
    when(documents.get(project.id(), 99L)).thenThrow(new NotFoundException("No document 99 in " + CODE));
    mvc.perform(get("/api/v1/projects/{code}/documents/{id}", CODE, 99).with(as("paula")))
        .andExpect(problem(404))
        .andExpect(jsonPath("$.detail").value("No document 99 in " + CODE));
    org.mockito.Mockito.verify(lessons, org.mockito.Mockito.never()).search(anyString(), anyString(), anyInt(),
        anyInt());
  }
}
