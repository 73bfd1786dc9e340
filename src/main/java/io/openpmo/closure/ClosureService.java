package io.openpmo.closure;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.Directory;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.gate.GateCondition;
import io.openpmo.gate.GateService;
import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;
import io.openpmo.lifecycle.LifecycleService;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectStatus;
import io.openpmo.status.RegisterStatus;
import io.openpmo.status.RiskRegister;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a project: the closure record, released resources, the sponsor's acceptance, final figures and the
 * hand-over of open risks and issues, settling open gate conditions, and the final state. Each step is on
 * the audit trail.
 */
@Service
public class ClosureService {

  static final Set<String> ACCEPTANCES = Set.of(Closure.ACCEPTED, Closure.ACCEPTED_WITH_RESERVATIONS, Closure.REFUSED);
  static final Set<String> OPEN_ITEM_DISPOSITIONS = Set.of("CLOSE", "HAND_OVER");

  private final ClosureMapper mapper;
  private final ProjectMapper projects;
  private final BaselineService baselines;
  private final GateService gates;
  private final RiskRegister register;
  private final LifecycleService lifecycle;
  private final Directory directory;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public ClosureService(ClosureMapper mapper, ProjectMapper projects, BaselineService baselines, GateService gates,
      RiskRegister register, LifecycleService lifecycle, Directory directory, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.projects = projects;
    this.baselines = baselines;
    this.gates = gates;
    this.register = register;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** Why a project in this state closes: delivered unless it was stopped or cancelled. */
  public static String reasonFor(Project project) {
    if (project.status() == ProjectStatus.STOPPED) {
      return Closure.STOPPED;
    }
    return project.status() == ProjectStatus.CANCELLED ? Closure.CANCELLED : Closure.DELIVERED;
  }

  @Transactional
  public Closure open(long projectId, String reason, String reasonNote, String processInstanceId) {
    Project project = project(projectId);
    if (mapper.findByProject(projectId).isPresent()) {
      throw BusinessRuleException.conflict(project.code() + " is already in closure");
    }
    mapper.insertClosure(new Closure(null, projectId, reason, reasonNote, Closure.OPEN, processInstanceId, now(),
        null, null, null, null, null, null, 0, null, null, null, null, null, null, null, null, null, null, null,
        null, null));
    auditTrail.record("CLOSURE_STARTED", projectId, project.code(), Map.of("reason", reason));
    return get(projectId);
  }

  /** Releases the allocations of the months after this one, so that other projects can plan with them. */
  @Transactional
  public BigDecimal releaseFutureAllocations(long projectId) {
    Project project = project(projectId);
    BigDecimal released = BigDecimal.ZERO;
    if (project.currentBaselineId() != null) {
      LocalDate from = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1);
      released = mapper.futureAllocatedFte(projectId, project.currentBaselineId(), from);
      mapper.releaseAllocations(projectId, project.currentBaselineId(), from, now());
    }
    mapper.recordReleased(projectId, released);
    auditTrail.record("RESOURCES_RELEASED", projectId, project.code(), Map.of("releasedFteMonths", released));
    return released;
  }

  @Transactional
  public Closure recordAcceptance(long projectId, String acceptance, String comment, String by) {
    Project project = project(projectId);
    List<FieldProblem> problems = new ArrayList<>();
    if (acceptance == null || !ACCEPTANCES.contains(acceptance)) {
      problems.add(new FieldProblem("acceptance", "must be one of ACCEPTED, ACCEPTED_WITH_RESERVATIONS, REFUSED"));
    } else if (!Closure.ACCEPTED.equals(acceptance) && (comment == null || comment.isBlank())) {
      problems.add(new FieldProblem("acceptanceComment", Closure.REFUSED.equals(acceptance)
          ? "is required: the reasons go back to the project manager" : "is required: name the reservations"));
    }
    if (comment != null && comment.length() > 4000) {
      problems.add(new FieldProblem("acceptanceComment", "must be at most 4000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    mapper.recordAcceptance(projectId, acceptance, comment, by, now());
    auditTrail.record(by, "DELIVERABLES_" + acceptance, projectId, project.code(),
        Map.of("comment", comment == null ? "" : comment));
    return get(projectId);
  }

  /** The project manager's final figures: final cost, % complete, actual end; open register items are settled. */
  @Transactional
  public Closure recordFinalFigures(long projectId, FinalFiguresInput input, String by) {
    Project project = project(projectId);
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    if (input.finalCost() == null || input.finalCost().signum() < 0) {
      problems.add(new FieldProblem("finalCost", "is required and must not be negative"));
    }
    if (input.percentComplete() == null || input.percentComplete().signum() < 0
        || input.percentComplete().compareTo(BigDecimal.valueOf(100)) > 0) {
      problems.add(new FieldProblem("percentComplete", "is required, between 0 and 100"));
    }
    if (input.actualEndDate() == null || input.actualEndDate().isAfter(today)) {
      problems.add(new FieldProblem("actualEndDate", "is required and must not be in the future"));
    }
    Baseline baseline = project.currentBaselineId() == null ? null : baselines.get(project.currentBaselineId());
    if (baseline != null && input.actualEndDate() != null && !input.actualEndDate().isAfter(baseline.startDate())) {
      problems.add(new FieldProblem("actualEndDate", "must be after the baseline start " + baseline.startDate()));
    }
    long openItems = openRegisterItems(projectId);
    String disposition = input.openItems();
    if (openItems > 0 && (disposition == null || !OPEN_ITEM_DISPOSITIONS.contains(disposition))) {
      problems.add(new FieldProblem("openItems", openItems + " risks and issues are still open: CLOSE or HAND_OVER"));
    }
    if ("HAND_OVER".equals(disposition) && openItems > 0
        && (input.handOverTo() == null || !directory.userExists(input.handOverTo()))) {
      problems.add(new FieldProblem("handOverTo", "must be a known user who takes over the open risks and issues"));
    }
    if (input.closureNotes() != null && input.closureNotes().length() > 4000) {
      problems.add(new FieldProblem("closureNotes", "must be at most 4000 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String itemsOutcome = "NONE";
    if (openItems > 0) {
      boolean handOver = "HAND_OVER".equals(disposition);
      RegisterStatus settled = handOver ? RegisterStatus.HANDED_OVER : RegisterStatus.CLOSED;
      register.settleOpen(project, settled, handOver ? input.handOverTo() : null, by);
      itemsOutcome = settled.name();
    }
    FinalFigures figures = FinalFigures.of(baseline, input.finalCost(), input.percentComplete(), input.actualEndDate());
    mapper.recordFigures(new Closure(null, projectId, null, null, null, null, null, null, null, null, null, null,
        null, null, figures.finalCost(), figures.percentComplete(), figures.actualEndDate(),
        figures.budgetAtCompletion(), figures.baselineEndDate(), figures.costVariance(),
        figures.scheduleVarianceDays(), figures.cpi(), figures.spi(), itemsOutcome,
        "HANDED_OVER".equals(itemsOutcome) ? input.handOverTo() : null, input.closureNotes(), by));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("finalCost", figures.finalCost());
    details.put("costVariance", figures.costVariance());
    details.put("scheduleVarianceDays", figures.scheduleVarianceDays());
    details.put("finalCpi", figures.cpi());
    details.put("finalSpi", figures.spi());
    details.put("openItems", itemsOutcome + " (" + openItems + ")");
    auditTrail.record(by, "FINAL_FIGURES_RECORDED", projectId, project.code(), details);
    return get(projectId);
  }

  @Transactional(readOnly = true)
  public long openRegisterItems(long projectId) {
    return register.register(projectId, null).stream()
        .filter(item -> item.status().isOpen()).count();
  }

  @Transactional(readOnly = true)
  public long openGateConditions(long projectId) {
    return gates.openConditions(projectId);
  }

  /** The PMO waives every gate condition still open, with its reason; answers how many. */
  @Transactional
  public int waiveOpenConditions(long projectId, String by, String note) {
    List<GateCondition> open = gates.conditions(projectId).stream()
        .filter(c -> GateCondition.OPEN.equals(c.status())).toList();
    for (GateCondition condition : open) {
      gates.closeCondition(condition.id(), GateCondition.WAIVED, by, true, note);
    }
    return open.size();
  }

  /** The end of closure: the project is CLOSED; a delivered project gets its benefits review scheduled. */
  @Transactional
  public Closure close(long projectId, OffsetDateTime benefitsReviewDue) {
    Closure closure = get(projectId);
    Project project = project(projectId);
    mapper.close(projectId, now());
    lifecycle.close(projectId);
    if (benefitsReviewDue != null) {
      mapper.insertBenefitsReview(new BenefitsReview(null, projectId, benefitsReviewDue,
          project.expectedAnnualBenefit(), null, null, null, null, null, null));
      auditTrail.record("BENEFITS_REVIEW_SCHEDULED", projectId, project.code(),
          Map.of("due", benefitsReviewDue.toString(), "expectedAnnualBenefit", project.expectedAnnualBenefit()));
    }
    return get(projectId);
  }

  @Transactional(readOnly = true)
  public Closure get(long projectId) {
    return mapper.findByProject(projectId)
        .orElseThrow(() -> new NotFoundException("Project " + projectId + " is not in closure"));
  }

  @Transactional(readOnly = true)
  public Optional<Closure> find(long projectId) {
    return mapper.findByProject(projectId);
  }

  public Project project(long projectId) {
    return projects.findById(projectId).orElseThrow(() -> new NotFoundException("No project with id " + projectId));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** The final figures as the project manager enters them. */
  public record FinalFiguresInput(BigDecimal finalCost, BigDecimal percentComplete, LocalDate actualEndDate,
      String openItems, String handOverTo, String closureNotes) {
  }
}
