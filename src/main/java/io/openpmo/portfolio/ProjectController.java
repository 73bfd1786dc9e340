package io.openpmo.portfolio;

import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectSearch;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the portfolio: one project with everything that was decided, or a filtered page of projects. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects")
class ProjectController {

  private final ProjectViews views;

  ProjectController(ProjectViews views) {
    this.views = views;
  }

  @GetMapping("/{code}")
  @Operation(summary = "A project: request, scores and the rules that fired, required approvals, every review"
      + " decision (who, when, decision, comment) and the open tasks")
  ProjectView project(@PathVariable String code) {
    return views.view(code);
  }

  @GetMapping
  @Operation(summary = "Projects the caller may see, newest first, filtered by status, priority class, risk tier, phase")
  ProjectViews.Page<Project> projects(@RequestParam(required = false) ProjectStatus status,
      @RequestParam(required = false) PriorityClass priorityClass, @RequestParam(required = false) RiskTier riskTier,
      @RequestParam(required = false) ProjectPhase phase,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (page < 0) {
      throw new InvalidRequestException("page", "must be 0 or more");
    }
    if (size < 1 || size > 200) {
      throw new InvalidRequestException("size", "must be between 1 and 200");
    }
    return views.search(new ProjectSearch(status, priorityClass, riskTier, phase, null, null, false, size, 0), page, size);
  }
}
