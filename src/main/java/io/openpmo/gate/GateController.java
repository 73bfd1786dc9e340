package io.openpmo.gate;

import io.openpmo.core.CurrentUser;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.Project;
import io.openpmo.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Gates of a project and their conditions. */
@RestController
@Tag(name = "Gates")
class GateController {

  /** Closing a condition: MET (project manager or PMO) or WAIVED (PMO), with a note. */
  record ConditionClosure(
      @NotNull @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"MET", "WAIVED"}) String status,
      @Size(max = 1000) String note) {
  }

  private final GateService gates;
  private final ProjectAccess access;
  private final CurrentUser currentUser;

  GateController(GateService gates, ProjectAccess access, CurrentUser currentUser) {
    this.gates = gates;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/v1/projects/{code}/gates")
  @Operation(summary = "Gate reviews of a project with their outcome and checklist")
  List<GateReview> gates(@PathVariable String code) {
    return gates.reviews(access.visible(code).id());
  }

  @GetMapping("/api/v1/projects/{code}/gate-conditions")
  @Operation(summary = "Conditions set by GO_WITH_CONDITIONS decisions and their status")
  List<GateCondition> conditions(@PathVariable String code) {
    return gates.conditions(access.visible(code).id());
  }

  @PostMapping("/api/v1/projects/{code}/gate-conditions/{id}/closure")
  @Operation(summary = "Close a condition: MET (project manager or PMO) or WAIVED (PMO only, with a note)")
  GateCondition close(@PathVariable String code, @PathVariable long id, @RequestBody ConditionClosure closure) {
    Project project = access.visible(code);
    GateCondition condition = gates.conditions(project.id()).stream().filter(c -> c.id() == id).findFirst()
        .orElseThrow(() -> new io.openpmo.core.NotFoundException("No condition " + id + " in " + code));
    return gates.closeCondition(condition.id(), closure.status(), currentUser.id().orElseThrow(),
        currentUser.isInAnyGroup(Groups.PMO), closure.note());
  }
}
