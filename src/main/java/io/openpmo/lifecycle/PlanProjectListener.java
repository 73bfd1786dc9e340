package io.openpmo.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormJson;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectSummary;
import io.openpmo.resource.ResourceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The project manager's planning task: the form comes prefilled with the draft plan (or sensible
 * defaults from the request); completing it stores the plan as the draft baseline (validated, every bad
 * field named) and makes whoever completes it the project manager. A plan sent through
 * {@code PUT /api/v1/projects/{code}/plan} is prefilled the same way.
 */
@Component("planProjectListener")
public class PlanProjectListener implements TaskListener {

  static final String BAC = "budgetAtCompletion";
  static final String START = "startDate";
  static final String END = "endDate";
  static final String MILESTONES = "milestones";
  static final String ALLOCATIONS = "allocations";

  private final LifecycleService lifecycle;
  private final BaselineService baselines;
  private final ResourceService resources;
  private final CurrentUser currentUser;

  PlanProjectListener(LifecycleService lifecycle, BaselineService baselines, ResourceService resources,
      CurrentUser currentUser) {
    this.lifecycle = lifecycle;
    this.baselines = baselines;
    this.resources = resources;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    Project project = lifecycle.get(((Number) task.getVariable(LifecycleVariables.PROJECT_ID)).longValue());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      prefill(task, project);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task, project);
    }
  }

  private void prefill(DelegateTask task, Project project) {
    task.setName(task.getName() + ": " + project.code());
    task.setDescription(project.title());
    task.setVariableLocal("subjectSummary", ProjectSummary.markdown(project));
    task.setVariableLocal("resourcePool", resources.list(true).stream()
        .map(r -> "- " + r.userId() + ": " + r.name() + ", " + r.role() + " (" + r.qualification() + ", "
            + r.monthlyCapacityFte().stripTrailingZeros().toPlainString() + " FTE)")
        .reduce((a, b) -> a + "\n" + b).orElse("The pool is empty."));
    task.getExecution().setVariablesLocal(formValues(project));
  }

  /** The planning form's values: the draft plan, or defaults from the request. */
  Map<String, Object> formValues(Project project) {
    Map<String, Object> scope = new java.util.HashMap<>();
    Optional<Baseline> draft = baselines.draft(project.id());
    if (draft.isPresent()) {
      ProjectPlan plan = baselines.asPlan(draft.get().id());
      scope.put(BAC, plan.budgetAtCompletion().doubleValue());
      scope.put(START, plan.startDate().toString());
      scope.put(END, plan.endDate().toString());
      scope.put(MILESTONES, FormJson.of(plan.milestones()));
      scope.put(ALLOCATIONS, FormJson.of(plan.allocations().stream()
          .map(a -> Map.of("role", a.role(), "resourceUserId", a.resourceUserId() == null ? "" : a.resourceUserId(),
              "month", a.month(), "fte", a.fte())).toList()));
    } else {
      LocalDate start = project.startDate();
      LocalDate end = start.plusMonths(project.durationMonths());
      scope.put(BAC, project.budget().doubleValue());
      scope.put(START, start.toString());
      scope.put(END, end.toString());
      scope.put(MILESTONES, FormJson.of(List.of(Map.of("name", "Kick-off", "dueDate", start.toString()),
          Map.of("name", "Go-live", "dueDate", end.minusDays(1).toString()))));
      scope.put(ALLOCATIONS, FormJson.of(List.of()));
    }
    return scope;
  }

  private void complete(DelegateTask task, Project project) {
    String manager = currentUser.id().orElse(task.getAssignee());
    if (manager == null) {
      throw new BadUserRequestException("A project plan is submitted by a named project manager");
    }
    DelegateExecution scope = task.getExecution();
    try {
      ProjectPlan plan = new ProjectPlan(amount(scope.getVariableLocal(BAC)), date(scope.getVariableLocal(START), START),
          date(scope.getVariableLocal(END), END),
          FormJson.read(scope.getVariableLocal(MILESTONES), new TypeReference<List<ProjectPlan.PlannedMilestone>>() { },
              MILESTONES),
          FormJson.read(scope.getVariableLocal(ALLOCATIONS), new TypeReference<List<ProjectPlan.PlannedAllocation>>() { },
              ALLOCATIONS).stream().map(PlanProjectListener::blankResource).toList());
      baselines.saveDraft(project, plan, manager, "Plan for G1");
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    lifecycle.assignProjectManager(project.id(), manager);
    scope.getProcessInstance().setVariable(LifecycleVariables.PROJECT_MANAGER, manager);
  }

  private static ProjectPlan.PlannedAllocation blankResource(ProjectPlan.PlannedAllocation a) {
    return a.resourceUserId() != null && a.resourceUserId().isBlank()
        ? new ProjectPlan.PlannedAllocation(a.role(), a.resourceId(), null, a.month(), a.fte()) : a;
  }

  private static BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(BAC, "must be an amount (was " + value + ")");
    }
  }

  private static LocalDate date(Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      String text = value.toString();
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(field, "must be a date YYYY-MM-DD (was " + value + ")");
    }
  }
}
