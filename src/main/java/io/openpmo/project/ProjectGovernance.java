package io.openpmo.project;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one owner of a project's governance state: its status and phase, and the moves between them
 * ({@link ProjectTransition}). Every move checks its preconditions against what is recorded in our tables
 * (votes, required approvals, gate reviews, instructions, task decisions), never against process variables or
 * the path that reached it: APPROVED needs an APPROVE from each required group of the current round, the
 * committees in their order, and no REJECT or REWORK; REJECTED a recorded REJECT; WITHDRAWN a withdrawal by the
 * requester or the PMO; delivery a G1 decided GO; and so on. The same holds for the outcomes that features own
 * but the governance vouches for: a gate's outcome comes only from the votes of every group its decision
 * named ({@link #gateOutcome}), a baseline only from a G1 GO, an approved change or the emergency path
 * ({@link #requireBaselineSource}), a change's verdict only from its votes ({@link #changeVerdict}).
 *
 * <p>A move whose preconditions fail is refused with a {@link TransitionRefusedException}: the transaction rolls
 * back, and the refusal (who, what, why) is written to the audit trail in a transaction of its own, so that
 * internal audit sees the attempt. The project row is locked while it moves, so two moves of one project
 * happen one after the other.
 */
@Service
public class ProjectGovernance {

  public static final String PROJECT_REQUEST = "PROJECT_REQUEST";
  public static final String GATE_REVIEW = "GATE_REVIEW";
  public static final String CHANGE_REQUEST = "CHANGE_REQUEST";
  public static final String FUNCTIONAL = "FUNCTIONAL";
  public static final String COMMITTEE = "COMMITTEE";
  public static final String PMO_DECISION = "PMO_DECISION";
  /** After this many rework rounds the PMO decides the request. */
  public static final int REWORK_LIMIT = 3;
  /** Gate outcomes from the most to the least severe: the most severe vote decides the gate. */
  public static final List<String> GATE_SEVERITY = GateOutcome.bySeverity();
  public static final String HOLD_DECISION = "HOLD_DECIDED";

  /** What the PMO decides on a project on hold (the options of Task_DecideOnHold; the name is the stored value). */
  public enum HoldDecision { RESUME, STOP }

  /** Who gave an instruction. */
  public enum Capacity { REQUESTER, SPONSOR, PMO, COMMITTEE }

  /** Where a baseline version comes from. */
  public enum BaselineSource { G1_GO, APPROVED_CHANGE, EMERGENCY_CHANGE, EMERGENCY_ROLLBACK }

  /** What a change's votes of one stage say. */
  public enum ChangeVerdict { APPROVED, REJECTED }

  private final ProjectMapper projects;
  private final GovernanceMapper records;
  private final AuditTrail auditTrail;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final TransactionTemplate separateTransaction;

  public ProjectGovernance(ProjectMapper projects, GovernanceMapper records, AuditTrail auditTrail,
      CurrentUser currentUser, Clock clock, PlatformTransactionManager transactionManager) {
    this.projects = projects;
    this.records = records;
    this.auditTrail = auditTrail;
    this.currentUser = currentUser;
    this.clock = clock;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  // --- initiation (G0) ---

  /** The request was scored and routed: its reviews begin. */
  @Transactional
  public Project startReview(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.START_REVIEW);
    if (records.requiredApprovals(projectId).isEmpty()) {
      throw refuse(project, ProjectTransition.START_REVIEW, "no approvals are routed for it");
    }
    return move(project, ProjectTransition.START_REVIEW, ProjectStatus.IN_REVIEW, ProjectPhase.INITIATION, false,
        Map.of());
  }

  /** A reviewer of the current round asked for rework, and nobody rejected. */
  @Transactional
  public Project returnForRework(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.RETURN_FOR_REWORK);
    List<Evidence.Vote> votes = records.votes(PROJECT_REQUEST, projectId, round(project));
    List<Evidence.Vote> rework = with(votes, ReviewVerdict.REWORK);
    if (!with(votes, ReviewVerdict.REJECT).isEmpty()) {
      throw refuse(project, ProjectTransition.RETURN_FOR_REWORK, "the request was rejected in round " + round(project));
    }
    if (rework.isEmpty()) {
      throw refuse(project, ProjectTransition.RETURN_FOR_REWORK, "no reviewer of round " + round(project)
          + " asked for rework");
    }
    return move(project, ProjectTransition.RETURN_FOR_REWORK, ProjectStatus.REWORK, ProjectPhase.INITIATION, false,
        Map.of("round", round(project), "reworkBy", describe(rework)));
  }

  /** The requester resubmits a reworked request: a new round of reviews. */
  @Transactional
  public Project resubmit(long projectId, String by) {
    Project project = lock(projectId);
    check(project, ProjectTransition.RESUBMIT);
    if (by == null || !by.equals(project.requester())) {
      throw refuse(project, ProjectTransition.RESUBMIT, "only the requester " + project.requester()
          + " resubmits the request");
    }
    projects.updateReworkRound(projectId, project.reworkRound() + 1, now());
    return move(project, ProjectTransition.RESUBMIT, ProjectStatus.SUBMITTED, ProjectPhase.INITIATION, false,
        Map.of("reworkRound", project.reworkRound() + 1));
  }

  /**
   * G0 approval: in the current round every required group approved, the functional reviews before the
   * committees and the committees in their order, each vote by a different person, none by the requester or
   * the sponsor; nobody rejected or asked for rework. After three rework rounds the PMO's decision counts.
   */
  @Transactional
  public Project approve(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.APPROVE);
    int round = round(project);
    List<Evidence.Vote> votes = records.votes(PROJECT_REQUEST, projectId, round);
    Optional<Evidence.Vote> pmoApproval = pmoDecision(project).filter(v -> ReviewVerdict.APPROVE.is(v.decision()));
    if (pmoApproval.isPresent()) {
      return move(project, ProjectTransition.APPROVE, ProjectStatus.APPROVED, ProjectPhase.PLANNING, true,
          Map.of("round", round, "decidedBy", "PMO after " + REWORK_LIMIT + " rework rounds: "
              + pmoApproval.get().reviewer()));
    }
    if (project.status() == ProjectStatus.REWORK) {
      throw refuse(project, ProjectTransition.APPROVE, "a request in rework is approved only by the PMO's decision"
          + " after " + REWORK_LIMIT + " rework rounds");
    }
    List<Evidence.Vote> against = new ArrayList<>(with(votes, ReviewVerdict.REJECT));
    against.addAll(with(votes, ReviewVerdict.REWORK));
    if (!against.isEmpty()) {
      throw refuse(project, ProjectTransition.APPROVE, "round " + round + " has " + describe(against));
    }
    List<Evidence.RequiredApproval> required = records.requiredApprovals(projectId);
    if (required.isEmpty()) {
      throw refuse(project, ProjectTransition.APPROVE, "no approvals are routed for it");
    }
    List<String> missing = new ArrayList<>();
    List<Evidence.Vote> counted = new ArrayList<>();
    for (Evidence.RequiredApproval approval : required) {
      Optional<Evidence.Vote> vote = votes.stream()
          .filter(v -> approval.groupId().equals(v.groupId()) && approval.stage().equals(v.stage())
              && ReviewVerdict.APPROVE.is(v.decision()))
          .findFirst();
      if (vote.isEmpty()) {
        missing.add(approval.groupId());
      } else {
        counted.add(vote.get());
      }
    }
    if (!missing.isEmpty()) {
      throw refuse(project, ProjectTransition.APPROVE, String.join(", ", missing) + " did not approve in round " + round);
    }
    String orderProblem = orderProblem(required, counted);
    if (orderProblem != null) {
      throw refuse(project, ProjectTransition.APPROVE, orderProblem);
    }
    Set<String> voters = counted.stream().map(Evidence.Vote::reviewer).collect(Collectors.toSet());
    if (voters.size() < counted.size()) {
      throw refuse(project, ProjectTransition.APPROVE, "one person approved for several groups");
    }
    if (voters.contains(project.requester()) || voters.contains(project.sponsor())) {
      throw refuse(project, ProjectTransition.APPROVE, "the requester or the sponsor approved their own request");
    }
    return move(project, ProjectTransition.APPROVE, ProjectStatus.APPROVED, ProjectPhase.PLANNING, true,
        Map.of("round", round, "approvals", describe(counted)));
  }

  /** G0 rejection: a REJECT of the current round (or the PMO's rejection after three rework rounds). */
  @Transactional
  public Project reject(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.REJECT);
    List<Evidence.Vote> rejections = project.status() == ProjectStatus.REWORK ? new ArrayList<>()
        : new ArrayList<>(with(records.votes(PROJECT_REQUEST, projectId, round(project)), ReviewVerdict.REJECT));
    pmoDecision(project).filter(v -> ReviewVerdict.REJECT.is(v.decision())).ifPresent(rejections::add);
    if (rejections.isEmpty()) {
      throw refuse(project, ProjectTransition.REJECT, "nobody rejected it in round " + round(project));
    }
    return move(project, ProjectTransition.REJECT, ProjectStatus.REJECTED, ProjectPhase.CLOSED, true,
        Map.of("round", round(project), "rejectedBy", describe(rejections)));
  }

  /**
   * The project as it is now, its row locked until the caller's transaction ends: two instructions on one project
   * (two withdrawals from two nodes, two cancellations) are taken one after the other, and the second sees what
   * the first did, instead of both passing their checks and the second failing halfway.
   */
  @Transactional
  public Project lockForInstruction(long projectId) {
    return lock(projectId);
  }

  /** Records a withdrawal: the requester, or a member of the PMO (the caller checked the capacity). */
  @Transactional
  public void instructWithdrawal(long projectId, String by, Capacity capacity, String reason) {
    records.insertInstruction(projectId, "WITHDRAWAL", by, capacity.name(), reason, now());
  }

  /** A request still in initiation is withdrawn: only after a withdrawal by its requester or the PMO. */
  @Transactional
  public Project withdraw(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.WITHDRAW);
    Optional<Evidence.Instruction> instruction = records.instructions(projectId, "WITHDRAWAL").stream()
        .filter(i -> Capacity.PMO.name().equals(i.capacity())
            || (Capacity.REQUESTER.name().equals(i.capacity()) && i.givenBy().equals(project.requester())))
        .findFirst();
    if (instruction.isEmpty()) {
      throw refuse(project, ProjectTransition.WITHDRAW, "neither the requester nor the PMO withdrew it");
    }
    return move(project, ProjectTransition.WITHDRAW, ProjectStatus.WITHDRAWN, ProjectPhase.CLOSED, true,
        Map.of("withdrawnBy", instruction.get().givenBy(), "capacity", instruction.get().capacity()));
  }

  // --- lifecycle ---

  /** G1 passed: delivery starts, with the baseline the G1 decision put in force. */
  @Transactional
  public Project startDelivery(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.START_DELIVERY);
    Evidence.Gate g1 = records.latestGate(projectId, "G1").orElse(null);
    if (g1 == null || !g1.decidedAs(GateOutcome.GO, GateOutcome.GO_WITH_CONDITIONS)) {
      throw refuse(project, ProjectTransition.START_DELIVERY, "G1 was not decided GO");
    }
    if (project.currentBaselineId() == null) {
      throw refuse(project, ProjectTransition.START_DELIVERY, "no baseline is in force");
    }
    return move(project, ProjectTransition.START_DELIVERY, ProjectStatus.ACTIVE, ProjectPhase.DELIVERY, false,
        Map.of("gate", "G1", "attempt", g1.attempt(), "outcome", g1.outcome()));
  }

  /** A gate decided HOLD: the project waits for the PMO. */
  @Transactional
  public Project hold(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.HOLD);
    Evidence.Gate gate = records.latestDecidedGate(projectId).orElse(null);
    if (gate == null || !gate.decidedAs(GateOutcome.HOLD)) {
      throw refuse(project, ProjectTransition.HOLD, "no gate decided HOLD");
    }
    return move(project, ProjectTransition.HOLD, ProjectStatus.ON_HOLD, project.phase(), false,
        Map.of("gate", gate.gate(), "attempt", gate.attempt()));
  }

  /** The PMO decided to resume a project on hold. */
  @Transactional
  public Project resume(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.RESUME);
    Evidence.TaskDecision decision = holdDecisionSinceHold(projectId).orElse(null);
    if (decision == null || !HoldDecision.RESUME.name().equals(decision.decision())) {
      throw refuse(project, ProjectTransition.RESUME, "the PMO did not decide to resume it");
    }
    ProjectStatus status = project.currentBaselineId() == null ? ProjectStatus.APPROVED : ProjectStatus.ACTIVE;
    return move(project, ProjectTransition.RESUME, status, project.phase(), false,
        Map.of("decidedBy", decision.decidedBy()));
  }

  /** A gate decided STOP, or the PMO stopped a project on hold: closure follows. */
  @Transactional
  public Project stop(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.STOP);
    Evidence.Gate gate = records.latestDecidedGate(projectId).orElse(null);
    Map<String, Object> evidence;
    if (gate != null && gate.decidedAs(GateOutcome.STOP)) {
      evidence = Map.of("gate", gate.gate(), "attempt", gate.attempt());
    } else {
      Evidence.TaskDecision decision = project.status() == ProjectStatus.ON_HOLD
          ? holdDecisionSinceHold(projectId).orElse(null) : null;
      if (decision == null || !HoldDecision.STOP.name().equals(decision.decision())) {
        throw refuse(project, ProjectTransition.STOP, "no gate decided STOP and the PMO did not stop it");
      }
      evidence = Map.of("decidedBy", decision.decidedBy());
    }
    return move(project, ProjectTransition.STOP, ProjectStatus.STOPPED, ProjectPhase.CLOSURE, false, evidence);
  }

  /** Records a cancellation: the sponsor, the PMO or a committee (the caller checked the capacity). */
  @Transactional
  public void instructCancellation(long projectId, String by, Capacity capacity, String reason) {
    records.insertInstruction(projectId, "CANCELLATION", by, capacity.name(), reason, now());
  }

  /** Cancelled by its sponsor, the PMO or a committee: closure follows. */
  @Transactional
  public Project cancel(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.CANCEL);
    Optional<Evidence.Instruction> instruction = records.instructions(projectId, "CANCELLATION").stream()
        .filter(i -> !Capacity.SPONSOR.name().equals(i.capacity()) || i.givenBy().equals(project.sponsor()))
        .filter(i -> !Capacity.REQUESTER.name().equals(i.capacity()))
        .findFirst();
    if (instruction.isEmpty()) {
      throw refuse(project, ProjectTransition.CANCEL, "neither the sponsor, the PMO nor a committee cancelled it");
    }
    return move(project, ProjectTransition.CANCEL, ProjectStatus.CANCELLED, ProjectPhase.CLOSURE, false,
        Map.of("cancelledBy", instruction.get().givenBy(), "capacity", instruction.get().capacity()));
  }

  /** G2 passed: the delivered project goes to closure. */
  @Transactional
  public Project handOverToClosure(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.HAND_OVER_TO_CLOSURE);
    if (project.phase() != ProjectPhase.DELIVERY) {
      throw refuse(project, ProjectTransition.HAND_OVER_TO_CLOSURE, "it is not in delivery");
    }
    Evidence.Gate g2 = records.latestGate(projectId, "G2").orElse(null);
    if (g2 == null || !g2.decidedAs(GateOutcome.GO, GateOutcome.GO_WITH_CONDITIONS)) {
      throw refuse(project, ProjectTransition.HAND_OVER_TO_CLOSURE, "G2 was not decided GO");
    }
    return move(project, ProjectTransition.HAND_OVER_TO_CLOSURE, project.status(), ProjectPhase.CLOSURE, false,
        Map.of("gate", "G2", "attempt", g2.attempt(), "outcome", g2.outcome()));
  }

  /** G3 decided GO: the project is closed, whether it was delivered, stopped or cancelled. */
  @Transactional
  public Project close(long projectId) {
    Project project = lock(projectId);
    check(project, ProjectTransition.CLOSE);
    if (project.phase() != ProjectPhase.CLOSURE) {
      throw refuse(project, ProjectTransition.CLOSE, "it is not in closure");
    }
    Evidence.Gate g3 = records.latestGate(projectId, "G3").orElse(null);
    if (g3 == null || !g3.decidedAs(GateOutcome.GO)) {
      throw refuse(project, ProjectTransition.CLOSE, "G3 was not decided GO");
    }
    return move(project, ProjectTransition.CLOSE, ProjectStatus.CLOSED, ProjectPhase.CLOSED, false,
        Map.of("gate", "G3", "attempt", g3.attempt()));
  }

  /** Decisions the PMO takes about a project, which its requester, sponsor or project manager never take. */
  /** The PMO's decision on a project manager without the qualification the project needs. */
  public static final String PM_EXCEPTION_DECISION = "PM_EXCEPTION_DECIDED";
  /** The PMO's intervention on a RED project. */
  public static final String RED_INTERVENTION_DECISION = "RED_INTERVENTION_DECIDED";
  public static final Set<String> PMO_DECISIONS = Set.of(HOLD_DECISION, PM_EXCEPTION_DECISION,
      RED_INTERVENTION_DECISION, "MISSED_REPORTS_CHASED");

  /**
   * Records a decision taken on a PMO task (hold, exception, intervention...), by whoever completed it. A PMO
   * member who requested, sponsors or manages the project does not decide about it (their colleague does).
   */
  @Transactional
  public void recordTaskDecision(String taskId, long projectId, String action, String decision, String comment,
      String by) {
    if (PMO_DECISIONS.contains(action)) {
      Project project = project(projectId);
      if (by == null || project.isRequesterOrSponsor(by) || by.equals(project.projectManager())) {
        refuse(project, "deciding " + action.toLowerCase().replace('_', ' '), by + " requested, sponsors or manages"
            + " it; another member of the PMO decides");
        throw BusinessRuleException.forbidden(by + " requested, sponsors or manages " + project.code()
            + ", so another member of the PMO decides about it");
      }
    }
    records.insertTaskDecision(taskId, projectId, action, decision, comment, by, now());
  }

  /**
   * The latest decision of a kind ({@code decisionAction} of the task) taken on a PMO task of the project, with
   * its comment: what the steps after the task read, instead of a process variable that any task could overwrite.
   */
  @Transactional(readOnly = true)
  public Optional<Evidence.TaskDecision> latestTaskDecision(long projectId, String action) {
    return records.latestTaskDecision(projectId, action);
  }

  /** The gate review decided last, if any (e.g. where a project on hold stands). */
  @Transactional(readOnly = true)
  public Optional<Evidence.Gate> latestDecidedGate(long projectId) {
    return records.latestDecidedGate(projectId);
  }

  // --- outcomes features own, vouched for by the governance ---

  /**
   * The outcome of a gate review, from its votes: every group the gateReviewers decision named voted (unless one
   * voted STOP, which ends the review), and the most severe vote wins. Refused when a named group has not voted.
   */
  @Transactional(readOnly = true)
  public String gateOutcome(long gateReviewId) {
    Evidence.Gate gate = records.gate(gateReviewId)
        .orElseThrow(() -> new NotFoundException("No gate review " + gateReviewId));
    Project project = project(gate.projectId());
    List<String> named = gate.reviewerGroupList();
    if (named.isEmpty()) {
      throw refuse(project, "deciding " + gate.gate(), "no reviewers were named for it");
    }
    List<Evidence.Vote> votes = records.votes(GATE_REVIEW, gateReviewId, gate.attempt()).stream()
        .filter(v -> named.contains(v.groupId())).toList();
    boolean stopped = votes.stream().anyMatch(v -> GateOutcome.STOP.is(v.decision()));
    List<String> missing = named.stream().filter(g -> votes.stream().noneMatch(v -> g.equals(v.groupId()))).toList();
    if (!stopped && !missing.isEmpty()) {
      throw refuse(project, "deciding " + gate.gate(), String.join(", ", missing) + " did not vote");
    }
    if (votes.stream().anyMatch(v -> v.reviewer().equals(project.sponsor())
        || v.reviewer().equals(project.projectManager()))) {
      throw refuse(project, "deciding " + gate.gate(), "the sponsor or the project manager voted on their own gate");
    }
    return GATE_SEVERITY.stream().filter(o -> votes.stream().anyMatch(v -> o.equals(v.decision())))
        .findFirst().orElseThrow(() -> refuse(project, "deciding " + gate.gate(), "it has no votes"));
  }

  /**
   * What the votes of one stage of a change say (APPROVAL, REAPPROVAL, EMERGENCY): any REJECT rejects; APPROVED
   * needs an APPROVE of every group the stage was routed to. Refused while neither is on record.
   */
  @Transactional(readOnly = true)
  public ChangeVerdict changeVerdict(long changeId, int round, String stage) {
    Evidence.Change change = change(changeId);
    Project project = project(change.projectId());
    Verdict verdict = verdictOf(change, round, stage);
    if (verdict.verdict() == null) {
      throw refuse(project, "deciding " + change.code(), verdict.undecidedBecause());
    }
    return verdict.verdict();
  }

  private record Verdict(ChangeVerdict verdict, String undecidedBecause) {
  }

  private Verdict verdictOf(Evidence.Change change, int round, String stage) {
    List<Evidence.Vote> votes = records.votes(CHANGE_REQUEST, change.id(), round).stream()
        .filter(v -> stage.equals(v.stage())).toList();
    if (votes.stream().anyMatch(v -> ReviewVerdict.REJECT.is(v.decision()))) {
      return new Verdict(ChangeVerdict.REJECTED, null);
    }
    List<String> groups = change.groups(stage);
    if (groups.isEmpty()) {
      return new Verdict(null, "no approvers were routed for " + stage.toLowerCase());
    }
    List<String> missing = groups.stream()
        .filter(g -> votes.stream().noneMatch(v -> g.equals(v.groupId()) && ReviewVerdict.APPROVE.is(v.decision()))).toList();
    if (!missing.isEmpty()) {
      return new Verdict(null, String.join(", ", missing) + " did not approve (" + stage.toLowerCase() + ")");
    }
    if (votes.stream().map(Evidence.Vote::reviewer).distinct().count() < votes.size()) {
      return new Verdict(null, "one person voted for several groups");
    }
    return new Verdict(ChangeVerdict.APPROVED, null);
  }

  /**
   * A baseline version may come into force only from its source on record: the latest G1 decided GO (the
   * project's first baseline), an approved change (its approvers, and a re-approval where one was required),
   * an emergency change (applied at once, approved or rolled back later), or the rollback of an emergency change
   * the PMO rejected.
   */
  @Transactional(readOnly = true)
  public void requireBaselineSource(long baselineId, BaselineSource source, Long changeId) {
    Evidence.Baseline baseline = records.baseline(baselineId)
        .orElseThrow(() -> new NotFoundException("No baseline " + baselineId));
    Project project = project(baseline.projectId());
    String what = "putting baseline version " + baseline.version() + " in force";
    switch (source) {
      case G1_GO -> {
        Evidence.Gate g1 = records.latestGate(project.id(), "G1").orElse(null);
        if (g1 == null || !g1.decidedAs(GateOutcome.GO, GateOutcome.GO_WITH_CONDITIONS)) {
          throw refuse(project, what, "G1 was not decided GO");
        }
        if (baseline.changeRequestId() != null || project.currentBaselineId() != null
            || project.status() != ProjectStatus.APPROVED) {
          throw refuse(project, what, "a G1 decision puts only the first plan of an approved project in force");
        }
      }
      case APPROVED_CHANGE, EMERGENCY_CHANGE, EMERGENCY_ROLLBACK -> {
        Evidence.Change change = changeId == null ? null : records.change(changeId).orElse(null);
        if (change == null || !changeId.equals(baseline.changeRequestId()) || !project.id().equals(change.projectId())) {
          throw refuse(project, what, "the baseline does not belong to the change it is put in force for");
        }
        if (!project.inDelivery()) {
          throw refuse(project, what, "the project is not in delivery");
        }
        switch (source) {
          case APPROVED_CHANGE -> {
            if (Boolean.TRUE.equals(change.emergency())) {
              throw refuse(project, what, change.code() + " is an emergency change");
            }
            changeVerdictOrRefuse(change, project, what, 1, "APPROVAL");
            if (Boolean.TRUE.equals(change.reapprovalRequired())) {
              changeVerdictOrRefuse(change, project, what, 2, "REAPPROVAL");
            }
          }
          case EMERGENCY_CHANGE -> {
            if (!Boolean.TRUE.equals(change.emergency()) || !ChangeStatus.IN_APPROVAL.is(change.status())) {
              throw refuse(project, what, change.code() + " is not an emergency change awaiting approval");
            }
          }
          default -> {
            boolean rejected = records.votes(CHANGE_REQUEST, change.id(), 1).stream()
                .anyMatch(v -> "EMERGENCY".equals(v.stage()) && ReviewVerdict.REJECT.is(v.decision()));
            if (!Boolean.TRUE.equals(change.emergency()) || !rejected) {
              throw refuse(project, what, "the PMO did not reject emergency change " + change.code());
            }
          }
        }
      }
      default -> throw new IllegalArgumentException(source.name());
    }
  }

  /** A change is recorded as rejected only when somebody rejected it, in whatever stage. */
  @Transactional(readOnly = true)
  public void requireChangeRejected(long changeId) {
    Evidence.Change change = change(changeId);
    boolean rejected = List.of(1, 2).stream().flatMap(round -> records.votes(CHANGE_REQUEST, changeId, round).stream())
        .anyMatch(v -> ReviewVerdict.REJECT.is(v.decision()));
    if (!rejected) {
      throw refuse(project(change.projectId()), "rejecting " + change.code(), "nobody rejected it");
    }
  }

  private void changeVerdictOrRefuse(Evidence.Change change, Project project, String what, int round, String stage) {
    Verdict verdict = verdictOf(change, round, stage);
    if (verdict.verdict() != ChangeVerdict.APPROVED) {
      throw refuse(project, what, change.code() + (verdict.verdict() == ChangeVerdict.REJECTED ? " was rejected"
          : " is not approved: " + verdict.undecidedBecause()));
    }
  }

  // --- mechanics ---

  private Project lock(long projectId) {
    return projects.findByIdForUpdate(projectId)
        .orElseThrow(() -> new NotFoundException("No project with id " + projectId));
  }

  private Project project(long projectId) {
    return projects.findById(projectId).orElseThrow(() -> new NotFoundException("No project with id " + projectId));
  }

  private Evidence.Change change(long changeId) {
    return records.change(changeId).orElseThrow(() -> new NotFoundException("No change request " + changeId));
  }

  private static int round(Project project) {
    return project.reworkRound() + 1;
  }

  /** The PMO's decision after three rework rounds (cast in the round after the last review round). */
  private Optional<Evidence.Vote> pmoDecision(Project project) {
    if (project.reworkRound() < REWORK_LIMIT) {
      return Optional.empty();
    }
    return records.votes(PROJECT_REQUEST, project.id(), round(project) + 1).stream()
        .filter(v -> PMO_DECISION.equals(v.stage())).findFirst();
  }

  /** The PMO's decision on a project on hold, taken after the hold began. */
  private Optional<Evidence.TaskDecision> holdDecisionSinceHold(long projectId) {
    Optional<Evidence.Gate> hold = records.latestDecidedGate(projectId).filter(g -> g.decidedAs(GateOutcome.HOLD));
    return records.latestTaskDecision(projectId, HOLD_DECISION)
        .filter(d -> hold.isEmpty() || !d.decidedAt().isBefore(hold.get().decidedAt()));
  }

  /** Functional approvals come before the committees', and the committees decide in their order. */
  private static String orderProblem(List<Evidence.RequiredApproval> required, List<Evidence.Vote> counted) {
    OffsetDateTime previousCommittee = null;
    OffsetDateTime lastFunctional = null;
    for (int i = 0; i < required.size(); i++) {
      Evidence.Vote vote = counted.get(i);
      if (FUNCTIONAL.equals(required.get(i).stage())) {
        lastFunctional = lastFunctional == null || vote.decidedAt().isAfter(lastFunctional) ? vote.decidedAt()
            : lastFunctional;
      }
    }
    for (int i = 0; i < required.size(); i++) {
      if (!COMMITTEE.equals(required.get(i).stage())) {
        continue;
      }
      Evidence.Vote vote = counted.get(i);
      if (lastFunctional != null && vote.decidedAt().isBefore(lastFunctional)) {
        return required.get(i).groupId() + " decided before the functional reviews were complete";
      }
      if (previousCommittee != null && vote.decidedAt().isBefore(previousCommittee)) {
        return required.get(i).groupId() + " decided before the committee before it";
      }
      previousCommittee = vote.decidedAt();
    }
    return null;
  }

  private static List<Evidence.Vote> with(List<Evidence.Vote> votes, ReviewVerdict decision) {
    return votes.stream().filter(v -> decision.is(v.decision())).toList();
  }

  private static List<String> describe(List<Evidence.Vote> votes) {
    return votes.stream().map(v -> v.groupId() + ": " + v.reviewer() + " " + v.decision()).toList();
  }

  private void check(Project project, ProjectTransition transition) {
    if (!transition.allowedFrom(project.status())) {
      throw refuse(project, transition, "it is " + project.status() + "; " + transition.name().toLowerCase()
          .replace('_', ' ') + " needs " + transition.from().stream().map(Enum::name).sorted()
          .collect(Collectors.joining(" or ")));
    }
  }

  private Project move(Project project, ProjectTransition transition, ProjectStatus status, ProjectPhase phase,
      boolean decision, Map<String, Object> evidence) {
    OffsetDateTime now = now();
    if (decision) {
      projects.decide(project.id(), status, phase, now);
    } else {
      projects.updateStatus(project.id(), status, phase, now);
    }
    Map<String, Object> details = new LinkedHashMap<>(evidence);
    details.put("from", project.status() + "/" + project.phase());
    details.put("to", status + "/" + phase);
    auditTrail.record(transition.auditAction(), project.id(), project.code(), details);
    return project(project.id());
  }

  private TransitionRefusedException refuse(Project project, ProjectTransition transition, String reason) {
    return refuse(project, transition.name().toLowerCase().replace('_', ' '), reason);
  }

  private TransitionRefusedException refuse(Project project, String what, String reason) {
    String actor = currentUser.idOrSystem();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("refused", what);
    details.put("reason", reason);
    details.put("status", project.status() + "/" + project.phase());
    Runnable record = () -> separateTransaction.executeWithoutResult(status ->
        auditTrail.record(actor, "TRANSITION_REFUSED", project.id(), project.code(), details));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // after the business transaction rolled back: the attempt stays on record, the change does not
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          record.run();
        }
      });
    } else {
      record.run();
    }
    return new TransitionRefusedException(project.code() + ": " + what + " refused: " + reason);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
