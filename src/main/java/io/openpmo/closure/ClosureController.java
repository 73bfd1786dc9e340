package io.openpmo.closure;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.Project;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Closure of a project, its archived documents, cancellation, and the knowledge base of lessons learned. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Closure and lessons learned")
class ClosureController {

  /** Why the project is cancelled. */
  record CancellationRequest(@Size(max = 2000) String reason) {
  }

  private final ProjectAccess access;
  private final ClosureViews views;
  private final ProjectDocuments documents;
  private final Lessons lessons;
  private final Cancellations cancellations;
  private final CurrentUser currentUser;

  ClosureController(ProjectAccess access, ClosureViews views, ProjectDocuments documents, Lessons lessons,
      Cancellations cancellations, CurrentUser currentUser) {
    this.access = access;
    this.views = views;
    this.documents = documents;
    this.lessons = lessons;
    this.cancellations = cancellations;
    this.currentUser = currentUser;
  }

  @GetMapping("/projects/{code}/closure")
  @Operation(summary = "Closure of the project: reason, sponsor acceptance, final figures (cost and schedule"
      + " variance, final CPI/SPI), hand-over of open items, archived documents, lessons and the benefits review")
  ClosureSummary closure(@PathVariable String code) {
    Project project = access.visible(code);
    return views.summary(project.id()).orElseThrow(() -> new NotFoundException(code + " is not in closure"));
  }

  @GetMapping(value = "/projects/{code}/documents/{id}")
  @Operation(summary = "Download an archived document (the final report PDF); its SHA-256 is in X-Content-SHA256"
      + " and on the audit trail")
  ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable long id) {
    ProjectDocument document = documents.get(access.visible(code).id(), id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.fileName()).build()
            .toString())
        .header("X-Content-SHA256", document.sha256())
        .body(document.content());
  }

  @PostMapping("/projects/{code}/cancellation")
  @Operation(summary = "Cancel an approved project before closure (sponsor, PMO, committees): its lifecycle ends"
      + " and closure starts", description = "400 without a reason; 409 when the project has no running lifecycle"
      + " (in initiation: withdraw it; already in closure or closed)")
  Project cancel(@PathVariable String code, @RequestBody CancellationRequest request) {
    return cancellations.cancel(access.visible(code), request == null ? null : request.reason());
  }

  @PostMapping("/projects/{code}/lessons")
  @Operation(summary = "Record a lesson learned on a project (anyone who sees the project)",
      description = "recommendations is required; tags are lower-case words (letters, digits, space, - or _)")
  ResponseEntity<Lesson> addLesson(@PathVariable String code, @RequestBody LessonInput input) {
    Project project = access.visible(code);
    Lesson lesson = lessons.record(project, input, currentUser.id().orElseThrow());
    return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(lesson);
  }

  @GetMapping("/lessons")
  @Operation(summary = "Search the lessons learned of every project: text in what went well, what to improve,"
      + " recommendations or the project title (q), and a tag; newest first")
  List<Lesson> searchLessons(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (page < 0) {
      throw new io.openpmo.core.InvalidRequestException("page", "must be 0 or more");
    }
    if (size < 1 || size > 100) {
      throw new io.openpmo.core.InvalidRequestException("size", "must be between 1 and 100");
    }
    return lessons.search(q, tag, page, size);
  }
}
