package io.openpmo.baseline;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.Constraints;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectGovernance.BaselineSource;
import io.openpmo.resource.Allocation;
import io.openpmo.resource.Resource;
import io.openpmo.resource.ResourcePlans;
import io.openpmo.resource.CapacityConflict;
import io.openpmo.resource.ResourceService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned baselines: a project manager's draft, the version put in force at G1 (or by an approved
 * change), and every earlier version, still readable.
 */
@Service
public class BaselineService {

  private final BaselineMapper mapper;
  private final ResourcePlans resourcePlans;
  private final ResourceService resources;
  private final AuditTrail auditTrail;
  private final Clock clock;
  private final ProjectGovernance governance;

  public BaselineService(BaselineMapper mapper, ResourcePlans resourcePlans, ResourceService resources,
      AuditTrail auditTrail, Clock clock,
      ProjectGovernance governance) {
    this.governance = governance;
    this.mapper = mapper;
    this.resourcePlans = resourcePlans;
    this.resources = resources;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** Stores the plan as the project's draft baseline (replacing an earlier draft); answers it. */
  @Transactional
  public Baseline saveDraft(Project project, ProjectPlan plan, String user, String reason) {
    return saveDraft(project, plan, user, reason, null);
  }

  /** The draft of a new version proposed by a change request. */
  @Transactional
  public Baseline saveDraft(Project project, ProjectPlan plan, String user, String reason, Long changeRequestId) {
    List<ResourcePlans.PlannedAllocation> allocations = validate(plan);
    OffsetDateTime now = now();
    Optional<Baseline> existing = mapper.findDraft(project.id());
    long id;
    if (existing.isPresent()) {
      id = existing.get().id();
      mapper.update(new Baseline(id, project.id(), existing.get().version(), Baseline.DRAFT, plan.budgetAtCompletion(),
          plan.startDate(), plan.endDate(), reason, user, now, null, changeRequestId));
      mapper.deleteMilestones(id);
    } else {
      id = mapper.insert(new Baseline(null, project.id(), mapper.nextVersion(project.id()), Baseline.DRAFT,
          plan.budgetAtCompletion(), plan.startDate(), plan.endDate(), reason, user, now, null, changeRequestId));
    }
    List<ProjectPlan.PlannedMilestone> milestones = plan.milestones().stream()
        .sorted(Comparator.comparing(ProjectPlan.PlannedMilestone::dueDate)).toList();
    for (int i = 0; i < milestones.size(); i++) {
      mapper.insertMilestone(new Milestone(null, id, milestones.get(i).name().strip(), milestones.get(i).dueDate(), i + 1));
    }
    resourcePlans.replacePlan(project.id(), id, allocations);
    Baseline draft = get(id);
    auditTrail.record(user, "BASELINE_DRAFTED", project.id(), project.code(), Map.of("version", draft.version(),
        "budgetAtCompletion", draft.budgetAtCompletion(), "milestones", milestones.size(),
        "allocations", allocations.size()));
    return draft;
  }

  /** Field problems of a plan, every one named; the resource plan lines as the capacity check reads them. */
  public List<ResourcePlans.PlannedAllocation> validate(ProjectPlan plan) {
    List<FieldProblem> problems = new ArrayList<>();
    if (plan == null) {
      throw new InvalidRequestException("plan", "is required");
    }
    if (plan.budgetAtCompletion() == null || plan.budgetAtCompletion().signum() <= 0) {
      problems.add(new FieldProblem("budgetAtCompletion", "must be greater than 0"));
    }
    if (plan.startDate() == null) {
      problems.add(new FieldProblem("startDate", "is required"));
    }
    if (plan.endDate() == null) {
      problems.add(new FieldProblem("endDate", "is required"));
    } else if (plan.startDate() != null && !plan.endDate().isAfter(plan.startDate())) {
      problems.add(new FieldProblem("endDate", "must be after startDate"));
    }
    List<ProjectPlan.PlannedMilestone> milestones = plan.milestones() == null ? List.of() : plan.milestones();
    if (milestones.isEmpty()) {
      problems.add(new FieldProblem("milestones", "at least one dated milestone is required"));
    }
    for (int i = 0; i < milestones.size(); i++) {
      ProjectPlan.PlannedMilestone m = milestones.get(i);
      if (m == null || m.name() == null || m.name().isBlank()) {
        problems.add(new FieldProblem("milestones[" + i + "].name", "is required"));
      }
      if (m == null || m.dueDate() == null) {
        problems.add(new FieldProblem("milestones[" + i + "].dueDate", "is required"));
      } else if (plan.startDate() != null && plan.endDate() != null
          && (m.dueDate().isBefore(plan.startDate()) || m.dueDate().isAfter(plan.endDate()))) {
        problems.add(new FieldProblem("milestones[" + i + "].dueDate", "must lie between startDate and endDate"));
      }
    }
    List<ResourcePlans.PlannedAllocation> lines = new ArrayList<>();
    List<ProjectPlan.PlannedAllocation> allocations = plan.allocations() == null ? List.of() : plan.allocations();
    for (int i = 0; i < allocations.size(); i++) {
      ProjectPlan.PlannedAllocation a = allocations.get(i);
      if (a == null) {
        continue;   // named by the field rules below
      }
      Long resourceId = a.resourceId();
      if (resourceId == null && a.resourceUserId() != null && !a.resourceUserId().isBlank()) {
        Optional<Resource> byUser = resources.byUser(a.resourceUserId().strip());
        if (byUser.isEmpty()) {
          problems.add(new FieldProblem("allocations[" + i + "].resourceUserId", "is not in the resource pool: "
              + a.resourceUserId()));
        } else {
          resourceId = byUser.get().id();
        }
      }
      YearMonth month = null;
      try {
        month = a.month() == null ? null : YearMonth.parse(a.month().strip().substring(0, Math.min(7, a.month().strip().length())));
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("allocations[" + i + "].month", "must be YYYY-MM (was " + a.month() + ")"));
      }
      lines.add(new ResourcePlans.PlannedAllocation(a.role(), resourceId, month == null ? null : month.atDay(1), a.fte()));
    }
    problems.addAll(resourcePlans.problems(lines).stream()
        .filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field()))).toList());
    Constraints.addMissing(problems, plan);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return lines;
  }

  /**
   * Puts a draft baseline in force from now: the previous one is superseded, and stays readable. Only from its
   * source on record (a G1 GO, an approved change, the emergency path): the project's state machine checks it.
   */
  @Transactional
  public Baseline putInForce(Project project, long baselineId, String by, BaselineSource source, Long changeId) {
    Baseline baseline = get(baselineId);
    if (!Baseline.DRAFT.equals(baseline.status()) || !project.id().equals(baseline.projectId())) {
      throw BusinessRuleException.conflict("Baseline version " + baseline.version() + " of " + project.code() + " is "
          + baseline.status() + ", not a draft of this project");
    }
    governance.requireBaselineSource(baselineId, source, changeId);
    mapper.setStatus(baselineId, Baseline.IN_FORCE, now());
    mapper.supersedeInForce(project.id(), baselineId);
    mapper.setCurrentBaseline(project.id(), baselineId);
    auditTrail.record(by, "BASELINE_IN_FORCE", project.id(), project.code(), Map.of("version", baseline.version(),
        "budgetAtCompletion", baseline.budgetAtCompletion(), "endDate", baseline.endDate().toString()));
    return get(baselineId);
  }

  @Transactional
  public void discard(long baselineId) {
    mapper.setStatus(baselineId, Baseline.DISCARDED, null);
  }

  /** Marks a baseline withdrawn by a rollback; it stays readable, earned value of its days still uses it. */
  @Transactional
  public void markRolledBack(long baselineId) {
    mapper.setStatus(baselineId, Baseline.ROLLED_BACK, null);
  }

  @Transactional(readOnly = true)
  public Baseline get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No baseline with id " + id));
  }

  @Transactional(readOnly = true)
  public Optional<Baseline> draft(long projectId) {
    return mapper.findDraft(projectId);
  }

  /**
   * Checks the draft plan against resource capacity (conflicts are recorded for the resource managers) and audits
   * {@code CAPACITY_CONFLICTS_FOUND} when some are open; answers whether capacity suffices.
   */
  @Transactional
  public boolean checkDraftCapacity(Project project) {
    Baseline draft = draft(project.id()).orElseThrow(() ->
        new IllegalStateException(project.code() + " has no draft plan to check"));
    List<CapacityConflict> open = resourcePlans.check(project.id(), draft.id());
    if (!open.isEmpty()) {
      auditTrail.record("CAPACITY_CONFLICTS_FOUND", project.id(), project.code(), Map.of("baselineVersion",
          draft.version(), "conflicts", open.size()));
    }
    return open.isEmpty();
  }

  @Transactional(readOnly = true)
  public List<Baseline> versions(long projectId) {
    return mapper.findByProject(projectId);
  }

  /** The baseline in force at a moment (for earned value of a report on that date). */
  @Transactional(readOnly = true)
  public Optional<Baseline> inForceAt(long projectId, OffsetDateTime at) {
    return mapper.findInForceAt(projectId, at);
  }

  @Transactional(readOnly = true)
  public List<Milestone> milestones(long baselineId) {
    return mapper.findMilestones(baselineId);
  }

  @Transactional(readOnly = true)
  public List<Allocation> allocations(long baselineId) {
    return resourcePlans.plan(baselineId);
  }

  /** The plan of a baseline, as a project manager would submit it again (to prefill forms). */
  @Transactional(readOnly = true)
  public ProjectPlan asPlan(long baselineId) {
    Baseline b = get(baselineId);
    Map<Long, String> userIds = new LinkedHashMap<>();
    return new ProjectPlan(b.budgetAtCompletion(), b.startDate(), b.endDate(),
        milestones(baselineId).stream().map(m -> new ProjectPlan.PlannedMilestone(m.name(), m.dueDate())).toList(),
        allocations(baselineId).stream().map(a -> new ProjectPlan.PlannedAllocation(a.role(), a.resourceId(),
            a.resourceId() == null ? null : userIds.computeIfAbsent(a.resourceId(), id -> resources.get(id).userId()),
            YearMonth.from(a.monthStart()).toString(), a.fte())).toList());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
