package io.openpmo.lifecycle;

import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;
import io.openpmo.baseline.ProjectPlan;

import static io.openpmo.core.FormValues.amount;
import static io.openpmo.core.FormValues.date;

import com.fasterxml.jackson.core.type.TypeReference;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.FormJson;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.ProjectFormListener;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectSummary;
import io.openpmo.resource.ResourceService;
import io.openpmo.task.TaskEligibility;
import io.openpmo.task.TaskRecords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The project manager's planning task: the form comes prefilled with the draft plan (or sensible
 * defaults from the request); completing it stores the plan as the draft baseline (validated, every bad
 * field named) and makes whoever completes it the project manager (a deputy: the project manager they stand in
 * for, on whose behalf the deputy acts). A plan sent through
 * {@code PUT /api/v1/projects/{code}/plan} is prefilled the same way.
 */
@Component("planProjectListener")
public class PlanProjectListener extends ProjectFormListener {

  static final String BAC = "budgetAtCompletion";
  static final String START = "startDate";
  static final String END = "endDate";
  static final String MILESTONES = "milestones";
  static final String ALLOCATIONS = "allocations";
  /** The same as text, one per line, for the Tasklist form: {@code 2027-03-31 Design signed off}. */
  static final String MILESTONES_TEXT = "milestonesText";
  /** One per line: {@code DEVELOPER dana 2027-02 0.5} (person {@code -} when the role is still to staff). */
  static final String ALLOCATIONS_TEXT = "allocationsText";

  private final LifecycleService lifecycle;
  private final BaselineService baselines;
  private final ResourceService resources;
  private final TaskRecords taskRecords;
  private final TaskEligibility eligibility;

  PlanProjectListener(LifecycleService lifecycle, BaselineService baselines, ResourceService resources,
      CurrentUser currentUser, TaskRecords taskRecords, TaskEligibility eligibility) {
    super(lifecycle::get, currentUser);
    this.lifecycle = lifecycle;
    this.baselines = baselines;
    this.resources = resources;
    this.taskRecords = taskRecords;
    this.eligibility = eligibility;
  }

  @Override
  protected void prepare(DelegateTask task, Project project) {
    ProjectSummary.showOn(task, project, "");
    task.setVariableLocal("resourcePool", resources.list(true).stream()
        .map(r -> "- " + r.userId() + ": " + r.name() + ", " + r.role() + " (" + r.qualification() + ", "
            + r.monthlyCapacityFte().stripTrailingZeros().toPlainString() + " FTE)")
        .reduce((a, b) -> a + "\n" + b).orElse("The pool is empty."));
    task.setVariablesLocal(formValues(project));
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
      scope.put(MILESTONES_TEXT, PlanText.milestones(plan.milestones()));
      scope.put(ALLOCATIONS_TEXT, PlanText.allocations(plan.allocations()));
    } else {
      LocalDate start = project.startDate();
      LocalDate end = start.plusMonths(project.durationMonths());
      scope.put(BAC, project.budget().doubleValue());
      scope.put(START, start.toString());
      scope.put(END, end.toString());
      scope.put(MILESTONES_TEXT, PlanText.milestones(List.of(new ProjectPlan.PlannedMilestone("Kick-off", start),
          new ProjectPlan.PlannedMilestone("Go-live", end.minusDays(1)))));
      scope.put(ALLOCATIONS_TEXT, "");
    }
    return scope;
  }

  @Override
  protected void complete(DelegateTask task, Project project, String submitter) {
    if (submitter == null) {
      throw new BadUserRequestException("A project plan is submitted by a named project manager");
    }
    // a deputy plans in the name of the project manager they stand in for, who stays the project's manager
    String manager = taskRecords.find(task.getId())
        .filter(record -> !eligibility.mayHoldInOwnRight(record, submitter))
        .map(record -> eligibility.checkMayHold(record, task.getName(), submitter).actingFor())
        .orElse(submitter);
    VariableScope scope = task;
    // every problem of the form at once, not only the first one
    List<FieldProblem> problems = new ArrayList<>();
    java.math.BigDecimal bac = collect(problems, () -> amount(scope.getVariableLocal(BAC), BAC));
    LocalDate start = collect(problems, () -> date(scope.getVariableLocal(START), START));
    LocalDate end = collect(problems, () -> date(scope.getVariableLocal(END), END));
    List<ProjectPlan.PlannedMilestone> milestones = collect(problems, () -> milestones(scope));
    List<ProjectPlan.PlannedAllocation> allocations = collect(problems, () -> allocations(scope));
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    ProjectPlan plan = new ProjectPlan(bac, start, end, milestones, allocations);
    baselines.saveDraft(project, plan, manager, "Plan for G1");
    lifecycle.assignProjectManager(project.id(), manager);
    task.getExecution().getProcessInstance().setVariable(LifecycleVariables.PROJECT_MANAGER, manager);
  }

  private static <T> T collect(List<FieldProblem> problems, Supplier<T> part) {
    try {
      return part.get();
    } catch (InvalidRequestException invalid) {
      problems.addAll(invalid.problems());
      return null;
    }
  }

  /** Structured lists (REST clients) win over the text of the Tasklist form. */
  private static List<ProjectPlan.PlannedMilestone> milestones(VariableScope scope) {
    Object structured = scope.getVariableLocal(MILESTONES);
    return structured != null
        ? FormJson.read(structured, new TypeReference<List<ProjectPlan.PlannedMilestone>>() { }, MILESTONES)
        : PlanText.parseMilestones((String) scope.getVariableLocal(MILESTONES_TEXT));
  }

  private static List<ProjectPlan.PlannedAllocation> allocations(VariableScope scope) {
    Object structured = scope.getVariableLocal(ALLOCATIONS);
    List<ProjectPlan.PlannedAllocation> lines = structured != null
        ? FormJson.read(structured, new TypeReference<List<ProjectPlan.PlannedAllocation>>() { }, ALLOCATIONS)
        : PlanText.parseAllocations((String) scope.getVariableLocal(ALLOCATIONS_TEXT));
    return lines == null ? List.of() : lines.stream().map(PlanProjectListener::blankResource).toList();
  }

  private static ProjectPlan.PlannedAllocation blankResource(ProjectPlan.PlannedAllocation a) {
    return a.resourceUserId() != null && a.resourceUserId().isBlank()
        ? new ProjectPlan.PlannedAllocation(a.role(), a.resourceId(), null, a.month(), a.fte()) : a;
  }
}
