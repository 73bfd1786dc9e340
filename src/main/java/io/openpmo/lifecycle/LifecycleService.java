package io.openpmo.lifecycle;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import io.openpmo.resource.Qualification;
import io.openpmo.resource.Resource;
import io.openpmo.resource.ResourceService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The states of an approved project: planning, delivery, hold, stop, hand-over; each on record. */
@Service
public class LifecycleService {

  private final ProjectMapper projects;
  private final ProjectGovernance governance;
  private final ResourceService resources;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public LifecycleService(ProjectMapper projects, ProjectGovernance governance, ResourceService resources,
      AuditTrail auditTrail, Clock clock) {
    this.projects = projects;
    this.governance = governance;
    this.resources = resources;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Project get(long projectId) {
    return projects.findById(projectId).orElseThrow(() -> new NotFoundException("No project with id " + projectId));
  }

  @Transactional
  public void assignProjectManager(long projectId, String userId) {
    Project project = get(projectId);
    if (!userId.equals(project.projectManager())) {
      projects.setProjectManager(projectId, userId, now());
      auditTrail.record("PROJECT_MANAGER_ASSIGNED", projectId, project.code(), Map.of("projectManager", userId));
    }
  }

  /**
   * HIGH and CRITICAL projects need a project manager whose recorded qualification is SENIOR or above,
   * unless the PMO granted an exception for this project manager.
   */
  @Transactional(readOnly = true)
  public PmCheck checkProjectManager(long projectId) {
    Project project = get(projectId);
    boolean demanding = project.riskTier() == RiskTier.HIGH || project.riskTier() == RiskTier.CRITICAL;
    Optional<Resource> pm = resources.byUser(project.projectManager());
    Qualification qualification = pm.map(Resource::qualification).orElse(null);
    boolean qualified = !demanding || (qualification != null && qualification.atLeast(Qualification.SENIOR))
        || project.pmExceptionBy() != null;
    return new PmCheck(project.projectManager(), qualification, project.riskTier(), qualified,
        project.pmExceptionBy() != null);
  }

  /** The result of the PM qualification rule. */
  public record PmCheck(String projectManager, Qualification qualification, RiskTier riskTier, boolean qualified,
      boolean exception) {
    public String describe() {
      return "Project manager " + projectManager + " (" + (qualification == null ? "no recorded qualification"
          : qualification) + ") for a " + riskTier + " risk project";
    }
  }

  @Transactional
  public void grantPmException(long projectId, String by, String reason) {
    Project project = get(projectId);
    projects.setPmException(projectId, by);
    auditTrail.record(by, "PM_EXCEPTION_GRANTED", projectId, project.code(),
        Map.of("projectManager", String.valueOf(project.projectManager()), "reason", reason == null ? "" : reason));
  }

  /**
   * A PMO (or resource manager) decision on a decision task, on record: the task's decision for the state machine
   * and an audit record named by the model ({@code decisionAction}) with the decision and its reason.
   */
  @Transactional
  public void recordDecision(Project project, String taskId, String taskKey, String action, String decision,
      String comment, String by) {
    governance.recordTaskDecision(taskId, project.id(), action, decision, comment, by);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("task", taskKey);
    details.put("decision", decision);
    details.put("comment", comment);
    auditTrail.record(by, action, project.id(), project.code(), details);
  }

  /** Delivery starts: the project's state machine checks that G1 was decided GO. */
  @Transactional
  public void startDelivery(long projectId) {
    governance.startDelivery(projectId);
  }

  /**
   * A gate decided HOLD (the state machine checks it). Answers where the project stands: G1, G2, or DELIVERY
   * for an extraordinary gate during delivery, so that a resumed project continues there.
   */
  @Transactional
  public String hold(long projectId) {
    governance.hold(projectId);
    String gate = governance.latestDecidedGate(projectId).map(g -> g.gate()).orElse("GX");
    return "GX".equals(gate) ? "DELIVERY" : gate;
  }

  /** The PMO decided to resume (the state machine checks the decision on record). */
  @Transactional
  public void resume(long projectId) {
    governance.resume(projectId);
  }

  @Transactional
  public void stop(long projectId) {
    governance.stop(projectId);
  }

  /** Cancelled by the sponsor, the PMO or a committee (the cancellation is on record). */
  @Transactional
  public void cancel(long projectId) {
    governance.cancel(projectId);
  }

  /** Closure is done: the project is CLOSED, whether it was delivered, stopped or cancelled (G3 decided GO). */
  @Transactional
  public void close(long projectId) {
    governance.close(projectId);
  }

  /** G2 decided GO: the delivered project goes to closure. */
  @Transactional
  public void handOverToClosure(long projectId) {
    governance.handOverToClosure(projectId);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
