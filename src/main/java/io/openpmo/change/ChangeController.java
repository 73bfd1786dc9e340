package io.openpmo.change;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.Project;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Change requests of a project. */
@RestController
@RequestMapping("/api/v1/projects/{code}/change-requests")
@Tag(name = "Change control")
class ChangeController {

  /** A change request with the votes on it. */
  record ChangeView(ChangeRequest change, List<ReviewDecision> decisions) {
  }

  private final ProjectAccess access;
  private final ChangeSubmissions submissions;
  private final ChangeService changes;
  private final ReviewService reviews;
  private final CurrentUser currentUser;

  ChangeController(ProjectAccess access, ChangeSubmissions submissions, ChangeService changes, ReviewService reviews,
      CurrentUser currentUser) {
    this.access = access;
    this.submissions = submissions;
    this.changes = changes;
    this.reviews = reviews;
    this.currentUser = currentUser;
  }

  @PostMapping
  @Operation(summary = "Raise a change request on a project in delivery (project manager, PMO, integrations)",
      description = "400 names each bad field (e.g. a negative delay); 404 for an unknown project; 409 when the"
          + " project is not in delivery (e.g. closed). Nothing is written on error.")
  ResponseEntity<ChangeView> raise(@PathVariable String code, @RequestBody ChangeRequestInput input) {
    Project project = access.visible(code);
    String user = currentUser.id().orElseThrow();
    if (!user.equals(project.projectManager()) && !currentUser.isInAnyGroup(Groups.PMO, Groups.INTEGRATIONS)) {
      throw BusinessRuleException.forbidden("Only the project manager " + project.projectManager()
          + ", the PMO or an integration raises changes on " + code);
    }
    ChangeRequest change = submissions.raise(project, input, user, "API");
    return ResponseEntity.created(URI.create("/api/v1/projects/" + code + "/change-requests/" + change.id()))
        .body(view(change));
  }

  @GetMapping
  @Operation(summary = "Change requests of the project with class, approvers, status and every vote")
  List<ChangeView> list(@PathVariable String code) {
    return changes.forProject(access.visible(code).id()).stream().map(this::view).toList();
  }

  private ChangeView view(ChangeRequest change) {
    return new ChangeView(change, reviews.decisions(ReviewSubjectType.CHANGE_REQUEST, change.id()));
  }
}
