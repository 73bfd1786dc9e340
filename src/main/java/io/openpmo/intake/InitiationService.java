package io.openpmo.intake;

import io.openpmo.review.ApprovalRoute;

import io.openpmo.project.ReviewVerdict;
import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.strategy.ObjectiveCatalogue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a project request up to the G0 decision: registration, scoring, rework, approval,
 * rejection, withdrawal. Every change is written to the audit trail in the same transaction.
 */
@Service
public class InitiationService {

  public static final String FUNCTIONAL = ProjectGovernance.FUNCTIONAL;
  public static final String COMMITTEE = ProjectGovernance.COMMITTEE;
  public static final String PMO_DECISION = ProjectGovernance.PMO_DECISION;

  public enum Outcome { APPROVED, REJECTED, REWORK }

  private final ProjectMapper projects;
  private final ProjectGovernance governance;
  private final ApprovalMapper approvals;
  private final ReviewService reviews;
  private final ObjectiveCatalogue objectives;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public InitiationService(ProjectMapper projects, ProjectGovernance governance, ApprovalMapper approvals,
      ReviewService reviews, ObjectiveCatalogue objectives, AuditTrail auditTrail, Clock clock) {
    this.projects = projects;
    this.governance = governance;
    this.approvals = approvals;
    this.reviews = reviews;
    this.objectives = objectives;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** Writes a new project row for a valid request; the caller starts its process in the same transaction. */
  @Transactional
  public Project register(ProjectRequest request, String requester, String idempotencyKey, String requestHash,
      String channel) {
    OffsetDateTime now = now();
    String code = String.format("PRJ-%d-%04d", now.getYear(), projects.nextCodeNumber());
    projects.insert(new Project(null, code, request.title(), request.description(), request.businessUnit(),
        request.sponsor(), requester, request.projectType(), request.strategicAlignment(),
        request.expectedAnnualBenefit(), request.budget(), request.currency(), request.startDate(),
        request.durationMonths(), request.complexity(), request.personalData(), request.dataClassification(),
        request.thirdParty(), request.criticalFunction(), request.newTechnology(), request.regulatoryDeadline(),
        request.externalReference(), idempotencyKey, requestHash, ProjectStatus.SUBMITTED, ProjectPhase.INITIATION,
        null, null, null, null, 0, null, null, now, now, null, null, null, 0, null));
    Project project = projects.findByCode(code).orElseThrow();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("channel", channel);
    details.put("title", request.title());
    details.put("budget", request.budget());
    details.put("sponsor", request.sponsor());
    if (request.externalReference() != null) {
      details.put("externalReference", request.externalReference());
    }
    auditTrail.record(requester, "REQUEST_SUBMITTED", project.id(), code, details);
    objectives.link(project.id(), code, request.objectives(), requester);
    return project;
  }

  /** Binds the project to its initiation process; a project has exactly one. */
  @Transactional
  public Project attachProcess(long projectId, String processInstanceId) {
    Project project = get(projectId);
    if (projects.attachProcess(projectId, processInstanceId, now()) == 0) {
      throw BusinessRuleException.conflict("Project " + project.code() + " already has its initiation process");
    }
    return get(projectId);
  }

  @Transactional
  public void recordAssessment(long projectId, int riskScore, RiskTier riskTier, int priorityScore,
      PriorityClass priorityClass, ApprovalRoute route, List<String> rules) {
    Project project = get(projectId);
    projects.updateAssessment(projectId, riskScore, riskTier, priorityScore, priorityClass, now());
    approvals.deleteFor(projectId);
    int ordinal = 0;
    for (String group : route.functionalGroups()) {
      approvals.insert(projectId, group, FUNCTIONAL, ++ordinal);
    }
    for (String group : route.committeeGroups()) {
      approvals.insert(projectId, group, COMMITTEE, ++ordinal);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("riskScore", riskScore);
    details.put("riskTier", riskTier);
    details.put("priorityScore", priorityScore);
    details.put("priorityClass", priorityClass);
    details.put("functionalReviews", route.functionalGroups());
    details.put("committees", route.committeeGroups());
    details.put("round", project.reworkRound() + 1);
    details.put("rules", rules);
    auditTrail.record("ASSESSED", projectId, project.code(), details);
    governance.startReview(projectId);
  }

  /**
   * Where the process goes after one stage of one round: any REJECT rejects, else any REWORK asks for rework,
   * else on. Only a route: whether the request is approved, rejected or returned is decided by the project's
   * state machine from the votes on record ({@link ProjectGovernance}).
   */
  @Transactional(readOnly = true)
  public Outcome outcome(long projectId, int round, String stage) {
    List<ReviewDecision> votes = reviews.decisions(ReviewSubjectType.PROJECT_REQUEST, projectId, round).stream()
        .filter(ReviewDecision::isVote).filter(d -> stage.equals(d.stage())).toList();
    if (votes.stream().anyMatch(d -> ReviewVerdict.REJECT.is(d.decision()))) {
      return Outcome.REJECTED;
    }
    if (votes.stream().anyMatch(d -> ReviewVerdict.REWORK.is(d.decision()))) {
      return Outcome.REWORK;
    }
    return Outcome.APPROVED;
  }

  @Transactional
  public void returnForRework(long projectId) {
    governance.returnForRework(projectId);
  }

  /** Applies the requester's revision: the request is validated again and re-scored by the process. */
  @Transactional
  public Project revise(long projectId, ProjectRequest revised, String user) {
    Project project = get(projectId);
    if (project.status() != ProjectStatus.REWORK) {
      throw BusinessRuleException.conflict(project.code() + " is " + project.status() + ", not in rework");
    }
    OffsetDateTime now = now();
    projects.updateRequest(new Project(projectId, project.code(), revised.title(), revised.description(),
        revised.businessUnit(), revised.sponsor(), project.requester(), revised.projectType(),
        revised.strategicAlignment(), revised.expectedAnnualBenefit(), revised.budget(), revised.currency(),
        revised.startDate(), revised.durationMonths(), revised.complexity(), revised.personalData(),
        revised.dataClassification(), revised.thirdParty(), revised.criticalFunction(), revised.newTechnology(),
        revised.regulatoryDeadline(), project.externalReference(), project.idempotencyKey(), project.requestHash(),
        project.status(), project.phase(), project.riskScore(), project.riskTier(), project.priorityScore(),
        project.priorityClass(), project.reworkRound(), project.processInstanceId(), project.projectManager(),
        project.createdAt(), now, project.decidedAt(), project.currentBaselineId(), project.health(),
        project.missedReports(), project.pmExceptionBy()));
    governance.resubmit(projectId, user);
    auditTrail.record(user, "REQUEST_REVISED", projectId, project.code(),
        Map.of("reworkRound", project.reworkRound() + 1, "budget", revised.budget(), "title", revised.title()));
    objectives.link(projectId, project.code(), revised.objectives(), user);
    return get(projectId);
  }

  /** G0 approved: only when the votes on record say so (the project's state machine checks them). */
  @Transactional
  public void approve(long projectId) {
    governance.approve(projectId);
  }

  @Transactional
  public void reject(long projectId) {
    governance.reject(projectId);
  }

  /** Withdrawn: only after a withdrawal by the requester or the PMO is on record. */
  @Transactional
  public void withdraw(long projectId) {
    governance.withdraw(projectId);
  }

  /** Why the request was rejected or returned: the comments of the votes with that decision. */
  @Transactional(readOnly = true)
  public List<String> reasons(long projectId, String decision) {
    return reviews.decisions(ReviewSubjectType.PROJECT_REQUEST, projectId).stream()
        .filter(d -> decision.equals(d.decision()) && d.comment() != null)
        .map(d -> d.groupId() + " (" + d.reviewer() + "): " + d.comment())
        .toList();
  }

  /**
   * Whole months from today to the deadline, rounded up, so that "within 6 months" (at most 6) means
   * the deadline is no further than six calendar months away; null without a deadline.
   */
  public Integer monthsToDeadline(LocalDate deadline) {
    if (deadline == null) {
      return null;
    }
    LocalDate today = LocalDate.now(clock);
    long months = ChronoUnit.MONTHS.between(today, deadline);
    if (today.plusMonths(months).isBefore(deadline)) {
      months++;
    }
    return Math.toIntExact(months);
  }

  @Transactional(readOnly = true)
  public Project get(long projectId) {
    return projects.findById(projectId).orElseThrow(() -> new NotFoundException("No project with id " + projectId));
  }

  @Transactional(readOnly = true)
  public List<RequiredApproval> requiredApprovals(long projectId) {
    return approvals.findFor(projectId);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
