package io.openpmo.change;

import io.openpmo.project.ChangeStatus;
import io.openpmo.project.ReviewVerdict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.Constraints;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;
import io.openpmo.baseline.ProjectPlan;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectGovernance.BaselineSource;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change control: raising and assessing a change, recording its class and approvers, deciding it,
 * and turning an approved (or emergency) change into a new baseline version; rolling an emergency
 * change back restores the earlier baseline as a new version, so that every version stays on record.
 */
@Service
public class ChangeService {

  /** A change in one of these states is still undecided. */
  static final Set<String> RISK_IMPACTS = Set.of("NONE", "LOW", "MEDIUM", "HIGH");
  /** Approved overruns beyond this share of the original budget send the project back through approvalRouting. */
  static final BigDecimal REAPPROVAL_THRESHOLD = new BigDecimal("0.10");

  private final ChangeMapper mapper;
  private final ProjectMapper projects;
  private final ProjectGovernance governance;
  private final BaselineService baselines;
  private final ReviewService reviews;
  private final AuditTrail auditTrail;
  private final Clock clock;
  private final ObjectMapper json;

  public ChangeService(ChangeMapper mapper, ProjectMapper projects, ProjectGovernance governance,
      BaselineService baselines, ReviewService reviews, AuditTrail auditTrail, Clock clock, ObjectMapper json) {
    this.governance = governance;
    this.mapper = mapper;
    this.projects = projects;
    this.baselines = baselines;
    this.reviews = reviews;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.json = json;
  }

  /** Records a new change request on a project in delivery; the caller starts its process in the same transaction. */
  @Transactional
  public ChangeRequest raise(Project project, ChangeRequestInput input, String by, String via) {
    if (!project.inDelivery()) {
      throw BusinessRuleException.conflict(project.code() + " is " + project.status() + " (" + project.phase()
          + "): change control applies to projects in delivery");
    }
    validate(input, true);
    OffsetDateTime now = now();
    String code = project.code() + "-CR" + mapper.nextCodeNumber(project.id());
    long id = mapper.insert(new ChangeRequest(null, project.id(), code, input.title().strip(), input.reason().strip(),
        Boolean.TRUE.equals(input.scopeChange()), blankToNull(input.scopeDescription()), orZero(input.delayDays()),
        input.costDelta() == null ? BigDecimal.ZERO : input.costDelta(),
        input.riskImpact() == null ? "NONE" : input.riskImpact(), Boolean.TRUE.equals(input.regulatoryImpact()),
        Boolean.TRUE.equals(input.emergency()), ChangeStatus.RAISED, null, null, false, by, via, null, planJson(input.plan()),
        null, null, null, now, now, null));
    ChangeRequest change = get(id);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("change", code);
    details.put("title", change.title());
    details.put("costDelta", change.costDelta());
    details.put("delayDays", change.delayDays());
    details.put("scopeChange", change.scopeChange());
    details.put("emergency", change.emergency());
    details.put("via", via);
    auditTrail.record(by, "CHANGE_REQUESTED", project.id(), project.code(), details);
    return change;
  }

  /** The impact as assessed by the project manager (or the PMO): replaces what the requester estimated. */
  @Transactional
  public ChangeRequest assess(long id, ChangeRequestInput impact, String notes, String by) {
    ChangeRequest change = get(id);
    validate(impact, false);
    mapper.updateImpact(new ChangeRequest(id, change.projectId(), change.code(), change.title(), change.reason(),
        Boolean.TRUE.equals(impact.scopeChange()), blankToNull(impact.scopeDescription()), orZero(impact.delayDays()),
        impact.costDelta() == null ? BigDecimal.ZERO : impact.costDelta(),
        impact.riskImpact() == null ? "NONE" : impact.riskImpact(), Boolean.TRUE.equals(impact.regulatoryImpact()),
        Boolean.TRUE.equals(impact.emergency()), change.status(), null, null, false, change.requestedBy(),
        change.raisedVia(), blankToNull(notes), change.proposedPlan(), change.processInstanceId(), null, null,
        change.createdAt(), now(), null));
    Project project = project(change.projectId());
    auditTrail.record(by, "CHANGE_IMPACT_ASSESSED", project.id(), project.code(), Map.of("change", change.code(),
        "costDelta", impact.costDelta() == null ? BigDecimal.ZERO : impact.costDelta(),
        "delayDays", orZero(impact.delayDays()), "emergency", Boolean.TRUE.equals(impact.emergency())));
    return get(id);
  }

  void validate(ChangeRequestInput input, boolean raising) {
    List<FieldProblem> problems = new ArrayList<>();
    if (raising && (input.title() == null || input.title().isBlank() || input.title().length() > 200)) {
      problems.add(new FieldProblem("title", "is required (at most 200 characters)"));
    }
    if (raising && (input.reason() == null || input.reason().isBlank() || input.reason().length() > 4000)) {
      problems.add(new FieldProblem("reason", "is required (at most 4000 characters)"));
    }
    if (input.delayDays() != null && input.delayDays() < 0) {
      problems.add(new FieldProblem("delayDays", "must be 0 or more (a schedule gain is not a delay)"));
    }
    if (input.delayDays() != null && input.delayDays() > 3650) {
      problems.add(new FieldProblem("delayDays", "must be at most 3650"));
    }
    if (input.costDelta() != null && input.costDelta().abs().compareTo(new BigDecimal("1000000000")) > 0) {
      problems.add(new FieldProblem("costDelta", "is out of range"));
    }
    if (input.riskImpact() != null && !RISK_IMPACTS.contains(input.riskImpact())) {
      problems.add(new FieldProblem("riskImpact", "must be one of NONE, LOW, MEDIUM, HIGH"));
    }
    if (Boolean.TRUE.equals(input.scopeChange()) && (input.scopeDescription() == null || input.scopeDescription().isBlank())) {
      problems.add(new FieldProblem("scopeDescription", "is required when the scope changes"));
    }
    if (input.plan() != null) {
      try {
        baselines.validate(input.plan());
      } catch (InvalidRequestException e) {
        e.problems().forEach(p -> problems.add(new FieldProblem("plan." + p.field(), p.message())));
      }
    }
    Constraints.addMissing(problems, input);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** The inputs of the changeClassification decision. */
  @Transactional(readOnly = true)
  public Map<String, Object> classificationFacts(long id) {
    ChangeRequest change = get(id);
    Project project = project(change.projectId());
    Baseline current = baselines.get(project.currentBaselineId());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("costDelta", change.costDelta().doubleValue());
    facts.put("currentBudget", current.budgetAtCompletion().doubleValue());
    facts.put("delayDays", change.delayDays());
    facts.put("scopeChange", change.scopeChange());
    facts.put("regulatoryImpact", change.regulatoryImpact());
    facts.put("criticalFunction", project.criticalFunction());
    return facts;
  }

  @Transactional
  public void recordClassification(long id, String changeClass, List<String> approvers, List<String> rules) {
    ChangeRequest change = get(id);
    OffsetDateTime now = now();
    mapper.setClassification(id, changeClass, String.join(",", approvers), now);
    mapper.setStatus(id, ChangeStatus.IN_APPROVAL, now);
    Project project = project(change.projectId());
    auditTrail.record("CHANGE_CLASSIFIED", project.id(), project.code(), Map.of("change", change.code(),
        "class", changeClass, "approvers", approvers, "rules", rules));
  }

  /**
   * Whether the change, once approved, takes the approved overruns beyond 10% of the project's original
   * budget (the G0 approved budget): then the project goes back through approvalRouting first.
   */
  @Transactional
  public boolean needsReapproval(long id) {
    ChangeRequest change = get(id);
    Project project = project(change.projectId());
    BigDecimal newBudget = baselines.get(project.currentBaselineId()).budgetAtCompletion().add(change.costDelta());
    boolean required = change.costDelta().signum() > 0
        && newBudget.subtract(project.budget()).compareTo(project.budget().multiply(REAPPROVAL_THRESHOLD)) > 0;
    mapper.setReapprovalRequired(id, required);
    if (required) {
      mapper.setStatus(id, ChangeStatus.IN_REAPPROVAL, now());
      auditTrail.record("CHANGE_NEEDS_REAPPROVAL", project.id(), project.code(), Map.of("change", change.code(),
          "originalBudget", project.budget(), "newBudget", newBudget));
    }
    return required;
  }

  /** The budget the project would have with the change: the reapproval is routed at it. */
  @Transactional(readOnly = true)
  public BigDecimal budgetWithChange(long id) {
    ChangeRequest change = get(id);
    Project project = project(change.projectId());
    return baselines.get(project.currentBaselineId()).budgetAtCompletion().add(change.costDelta());
  }

  /**
   * Whether the votes of this round and stage approve the change: every group it was routed to approved, or
   * somebody rejected it; anything else is refused by the project's state machine.
   */
  @Transactional(readOnly = true)
  public boolean approved(long id, int round, String stage) {
    return governance.changeVerdict(id, round, stage) == ProjectGovernance.ChangeVerdict.APPROVED;
  }

  /** The groups a re-approval of an overrun was routed to, kept on the change: its verdict is checked against them. */
  @Transactional
  public void recordReapprovalRoute(long id, List<String> groups) {
    mapper.setReapprovalGroups(id, String.join(",", groups));
  }

  /** The new baseline version the change proposes, as a draft (checked against capacity before it is in force). */
  @Transactional
  public Baseline propose(long id, String by) {
    ChangeRequest change = get(id);
    Project project = project(change.projectId());
    Baseline current = baselines.get(project.currentBaselineId());
    ProjectPlan plan = change.proposedPlan() != null ? readPlan(change.proposedPlan()) : derivedPlan(change, current);
    Baseline draft = baselines.saveDraft(project, plan, by, "Change " + change.code() + ": " + change.title(), id);
    mapper.setBaselines(id, current.id(), draft.id());
    return draft;
  }

  @Transactional
  public void putInForce(long id, String by, boolean emergency) {
    ChangeRequest change = get(id);
    Project project = project(change.projectId());
    Baseline after = baselines.putInForce(project, change.baselineAfterId(), by,
        emergency ? BaselineSource.EMERGENCY_CHANGE : BaselineSource.APPROVED_CHANGE, id);
    mapper.decide(id, ChangeStatus.APPLIED, now());
    auditTrail.record(by, emergency ? "EMERGENCY_CHANGE_APPLIED" : "CHANGE_APPLIED", project.id(), project.code(),
        Map.of("change", change.code(), "baselineVersion", after.version(),
            "budgetAtCompletion", after.budgetAtCompletion(), "endDate", after.endDate().toString()));
  }

  @Transactional
  public void confirmEmergency(long id) {
    ChangeRequest change = get(id);
    if (governance.changeVerdict(id, 1, "EMERGENCY") != ProjectGovernance.ChangeVerdict.APPROVED) {
      throw BusinessRuleException.conflict(change.code() + " was rejected by the PMO; it is rolled back, not confirmed");
    }
    mapper.setStatus(id, ChangeStatus.CONFIRMED, now());
    Project project = project(change.projectId());
    auditTrail.record("EMERGENCY_CHANGE_CONFIRMED", project.id(), project.code(), Map.of("change", change.code()));
  }

  /** Restores the baseline the emergency change replaced, as a new version; the emergency one is marked rolled back. */
  @Transactional
  public Baseline rollBack(long id, String by) {
    ChangeRequest change = get(id);
    Project project = project(change.projectId());
    ProjectPlan before = baselines.asPlan(change.baselineBeforeId());
    Baseline restored = baselines.saveDraft(project, before, by, "Rollback of emergency change " + change.code(), id);
    baselines.putInForce(project, restored.id(), by, BaselineSource.EMERGENCY_ROLLBACK, id);
    baselines.markRolledBack(change.baselineAfterId());
    mapper.decide(id, ChangeStatus.ROLLED_BACK, now());
    auditTrail.record(by, "EMERGENCY_CHANGE_ROLLED_BACK", project.id(), project.code(), Map.of("change",
        change.code(), "restoredVersion", restored.version()));
    return restored;
  }

  /**
   * Withdraws the change requests still undecided when the project goes into closure: their draft baseline is
   * discarded and the caller ends their processes. Applied and emergency changes stay as they are.
   */
  @Transactional
  public List<ChangeRequest> withdrawOpen(long projectId, String reason) {
    List<ChangeRequest> open = mapper.findByProject(projectId).stream()
        .filter(c -> c.status().isOpen()).toList();
    for (ChangeRequest change : open) {
      baselines.draft(projectId).filter(d -> d.id().equals(change.baselineAfterId()))
          .ifPresent(d -> baselines.discard(d.id()));
      mapper.decide(change.id(), ChangeStatus.WITHDRAWN, now());
      Project project = project(projectId);
      auditTrail.record("CHANGE_WITHDRAWN", projectId, project.code(), Map.of("change", change.code(),
          "reason", reason));
    }
    return open;
  }

  @Transactional
  public void reject(long id) {
    ChangeRequest change = get(id);
    governance.requireChangeRejected(id);
    baselines.draft(change.projectId()).filter(d -> d.id().equals(change.baselineAfterId()))
        .ifPresent(d -> baselines.discard(d.id()));
    mapper.decide(id, ChangeStatus.REJECTED, now());
    Project project = project(change.projectId());
    auditTrail.record("CHANGE_REJECTED", project.id(), project.code(), Map.of("change", change.code(),
        "reasons", reviews.decisions(ReviewSubjectType.CHANGE_REQUEST, id).stream()
            .filter(d -> ReviewVerdict.REJECT.is(d.decision()) && d.comment() != null)
            .map(d -> d.groupId() + " (" + d.reviewer() + "): " + d.comment()).toList()));
  }

  /**
   * The baseline in force adjusted by the change: budget at completion plus the cost change; end date,
   * milestones still ahead and resource plan months still ahead moved by the delay.
   */
  ProjectPlan derivedPlan(ChangeRequest change, Baseline current) {
    LocalDate today = LocalDate.now(clock);
    int delay = change.delayDays();
    long monthShift = delay / 30;
    YearMonth thisMonth = YearMonth.from(today);
    ProjectPlan plan = baselines.asPlan(current.id());
    return new ProjectPlan(plan.budgetAtCompletion().add(change.costDelta()), plan.startDate(),
        plan.endDate().plusDays(delay),
        plan.milestones().stream().map(m -> m.dueDate().isBefore(today) ? m
            : new ProjectPlan.PlannedMilestone(m.name(), m.dueDate().plusDays(delay))).toList(),
        plan.allocations().stream().map(a -> YearMonth.parse(a.month()).isBefore(thisMonth) ? a
            : new ProjectPlan.PlannedAllocation(a.role(), a.resourceId(), a.resourceUserId(),
                YearMonth.parse(a.month()).plusMonths(monthShift).toString(), a.fte())).toList());
  }

  @Transactional(readOnly = true)
  public ChangeRequest get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No change request " + id));
  }

  @Transactional(readOnly = true)
  public List<ChangeRequest> forProject(long projectId) {
    return mapper.findByProject(projectId);
  }

  @Transactional
  public void attachProcess(long id, String processInstanceId) {
    mapper.attachProcess(id, processInstanceId);
  }

  private String planJson(ProjectPlan plan) {
    try {
      return plan == null ? null : json.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ProjectPlan readPlan(String text) {
    try {
      return json.readValue(text, ProjectPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Project project(long projectId) {
    return projects.findById(projectId).orElseThrow(() -> new NotFoundException("No project with id " + projectId));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
