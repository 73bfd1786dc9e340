package io.openpmo.lifecycle;

import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.core.FormValues.text;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormValues;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import io.openpmo.resource.CapacityConflict;
import io.openpmo.resource.ResourcePlans;
import io.openpmo.resource.ResourceService;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The resource managers' task when a plan over-allocates people: the conflicts on the form; the
 * resolution (approve the over-allocation, substitute another person, or defer by some months) applied
 * to the plan, which is checked again.
 */
@Component("resolveOverallocationListener")
class ResolveOverallocationListener implements TaskListener {

  private final LifecycleService lifecycle;
  private final BaselineService baselines;
  private final ResourcePlans plans;
  private final ResourceService resources;
  private final CurrentUser currentUser;

  ResolveOverallocationListener(LifecycleService lifecycle, BaselineService baselines, ResourcePlans plans,
      ResourceService resources, CurrentUser currentUser) {
    this.lifecycle = lifecycle;
    this.baselines = baselines;
    this.plans = plans;
    this.resources = resources;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    Project project = lifecycle.get(projectId(task));
    Baseline draft = baselines.draft(project.id()).orElseThrow();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      List<CapacityConflict> open = plans.conflicts(draft.id()).stream().filter(c -> c.resolution() == null).toList();
      task.setName(io.openpmo.project.ProjectSummary.taskName(task.getName(), project.code(), project.title(), null));
      task.setDescription(open.size() + " over-allocation(s) in the plan of " + project.title());
      task.setVariableLocal("conflicts", open.stream().map(c -> "- " + c.describe(name(c.resourceId())))
          .collect(Collectors.joining("\n")));
      task.setVariableLocal("resourcePool", resources.list(true).stream()
          .map(r -> "- " + r.id() + ": " + r.name() + ", " + r.role() + " (" + r.qualification() + ")")
          .collect(Collectors.joining("\n")));
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    VariableScope scope = task;
    Object action = scope.getVariableLocal("resolution");
    ResourcePlans.Resolution resolution;
    try {
      resolution = ResourcePlans.Resolution.valueOf(String.valueOf(action));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("resolution", "must be APPROVE, SUBSTITUTE or DEFER (was " + action + ")");
    }
    plans.resolve(project.id(), project.code(), draft.id(), resolution, currentUser.id().orElse(task.getAssignee()),
        number(scope.getVariableLocal("resourceId"), "resourceId"),
        number(scope.getVariableLocal("substituteResourceId"), "substituteResourceId"),
        FormValues.whole(scope.getVariableLocal("deferMonths"), "deferMonths"), text(scope.getVariableLocal("note")));
  }

  private String name(Long resourceId) {
    return resourceId == null ? "" : resources.get(resourceId).name();
  }

  private static Long number(Object value, String field) {
    Integer number = FormValues.whole(value, field);
    return number == null ? null : number.longValue();
  }

}
