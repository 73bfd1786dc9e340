package io.openpmo.lifecycle;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.Project;
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
  private final ResourceService resources;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public LifecycleService(ProjectMapper projects, ResourceService resources, AuditTrail auditTrail, Clock clock) {
    this.projects = projects;
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

  @Transactional
  public void startDelivery(long projectId) {
    transition(projectId, ProjectStatus.ACTIVE, ProjectPhase.DELIVERY, "DELIVERY_STARTED", Map.of());
  }

  @Transactional
  public void hold(long projectId, String at) {
    Project project = get(projectId);
    transition(projectId, ProjectStatus.ON_HOLD, project.phase(), "PROJECT_ON_HOLD", Map.of("at", at));
  }

  @Transactional
  public void resume(long projectId, String by) {
    Project project = get(projectId);
    ProjectStatus status = project.currentBaselineId() == null ? ProjectStatus.APPROVED : ProjectStatus.ACTIVE;
    transition(projectId, status, project.phase(), "PROJECT_RESUMED", Map.of("by", by));
  }

  @Transactional
  public void stop(long projectId) {
    transition(projectId, ProjectStatus.STOPPED, ProjectPhase.CLOSURE, "PROJECT_STOPPED", Map.of());
  }

  @Transactional
  public void cancel(long projectId, String by, String reason) {
    transition(projectId, ProjectStatus.CANCELLED, ProjectPhase.CLOSURE, "PROJECT_CANCELLED",
        Map.of("by", by, "reason", reason));
  }

  /** Closure is done: the project is CLOSED, whether it was delivered, stopped or cancelled. */
  @Transactional
  public void close(long projectId, String closureReason) {
    transition(projectId, ProjectStatus.CLOSED, ProjectPhase.CLOSED, "PROJECT_CLOSED",
        Map.of("closureReason", closureReason));
  }

  @Transactional
  public void handOverToClosure(long projectId) {
    Project project = get(projectId);
    transition(projectId, project.status(), ProjectPhase.CLOSURE, "DELIVERY_COMPLETED", Map.of());
  }

  private void transition(long projectId, ProjectStatus status, ProjectPhase phase, String action,
      Map<String, Object> extra) {
    Project project = get(projectId);
    projects.updateStatus(projectId, status, phase, now());
    Map<String, Object> details = new LinkedHashMap<>(extra);
    details.put("from", project.status() + "/" + project.phase());
    details.put("to", status + "/" + phase);
    auditTrail.record(action, projectId, project.code(), details);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
