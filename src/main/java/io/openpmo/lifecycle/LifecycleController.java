package io.openpmo.lifecycle;

import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineDiff;
import io.openpmo.baseline.BaselineService;
import io.openpmo.baseline.Milestone;
import io.openpmo.baseline.ProjectPlan;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectPhase;
import io.openpmo.resource.Allocation;
import io.openpmo.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plan and the baselines of a project. */
@RestController
@RequestMapping("/api/v1/projects/{code}")
@Tag(name = "Planning and baselines")
class LifecycleController {

  /** A baseline version with its milestones and resource plan, and what changed from the version before. */
  record BaselineView(Baseline baseline, List<Milestone> milestones, List<Allocation> allocations,
      BaselineDiff changesFromPrevious) {
  }

  static final String PLAN_TASK = "Task_PlanProject";

  private final ProjectAccess access;
  private final BaselineService baselines;
  private final CurrentUser currentUser;
  private final PlanProjectListener planForm;
  private final io.openpmo.core.EngineAccess engineAccess;
  private final org.camunda.bpm.engine.TaskService taskService;

  LifecycleController(ProjectAccess access, BaselineService baselines, CurrentUser currentUser,
      PlanProjectListener planForm, io.openpmo.core.EngineAccess engineAccess,
      org.camunda.bpm.engine.TaskService taskService) {
    this.access = access;
    this.baselines = baselines;
    this.currentUser = currentUser;
    this.planForm = planForm;
    this.engineAccess = engineAccess;
    this.taskService = taskService;
  }

  @PutMapping("/plan")
  @Operation(summary = "Store the draft plan for G1 (project managers, PMO): the planning task in Tasklist is"
      + " prefilled with it")
  BaselineView plan(@PathVariable String code, @RequestBody ProjectPlan plan) {
    Project project = access.visible(code);
    String user = currentUser.id().orElseThrow();
    boolean mayPlan = currentUser.isInAnyGroup(Groups.PMO)
        || (currentUser.isInAnyGroup(Groups.PROJECT_MANAGERS)
            && (project.projectManager() == null || project.projectManager().equals(user)));
    if (!mayPlan) {
      throw BusinessRuleException.forbidden("Only the project manager of " + code + " or the PMO plans it");
    }
    if (project.phase() != ProjectPhase.PLANNING) {
      throw BusinessRuleException.conflict(code + " is in " + project.phase() + ", not in planning; a change to its"
          + " baseline goes through change control");
    }
    Baseline draft = baselines.saveDraft(project, plan, user, "Plan for G1");
    // the open planning task shows the new draft
    engineAccess.asSystem(() -> taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(PLAN_TASK).list()
        .forEach(task -> taskService.setVariablesLocal(task.getId(), planForm.formValues(project))));
    return view(draft);
  }

  @GetMapping("/baselines")
  @Operation(summary = "Every baseline version of the project, with milestones, resource plan and the differences"
      + " from the version before (budget, dates, milestones added, removed or moved, resource plan changes)")
  List<BaselineView> baselines(@PathVariable String code) {
    List<Baseline> versions = baselines.versions(access.visible(code).id()).stream()
        .filter(b -> !Baseline.DISCARDED.equals(b.status())).toList();
    List<BaselineView> views = new java.util.ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      Baseline current = versions.get(i);
      BaselineDiff diff = null;
      if (i > 0) {
        Baseline previous = versions.get(i - 1);
        diff = BaselineDiff.between(previous, baselines.milestones(previous.id()), baselines.allocations(previous.id()),
            current, baselines.milestones(current.id()), baselines.allocations(current.id()));
      }
      views.add(new BaselineView(current, baselines.milestones(current.id()), baselines.allocations(current.id()), diff));
    }
    return views;
  }

  private BaselineView view(Baseline baseline) {
    return new BaselineView(baseline, baselines.milestones(baseline.id()), baselines.allocations(baseline.id()), null);
  }
}
