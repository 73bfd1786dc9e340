package io.openpmo.status;

import io.openpmo.project.Health;
import io.openpmo.audit.AuditTrail;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectPhase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facts the projectHealth decision rates, and its rating on the report and the project. */
@Service
public class HealthService {

  private final StatusMapper mapper;
  private final ProjectMapper projects;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public HealthService(StatusMapper mapper, ProjectMapper projects, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.projects = projects;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** The inputs of projectHealth for a report. */
  public record HealthFacts(BigDecimal cpi, BigDecimal spi, int openCriticalIssues, int openHighRisks,
      boolean regulatoryDeadlineMissed) {
  }

  @Transactional(readOnly = true)
  public HealthFacts facts(long reportId) {
    StatusReport report = mapper.findReport(reportId).orElseThrow();
    Project project = projects.findById(report.projectId()).orElseThrow();
    boolean deadlineMissed = project.regulatoryDeadline() != null
        && report.reportDate().isAfter(project.regulatoryDeadline())
        && project.phase() != ProjectPhase.CLOSURE && project.phase() != ProjectPhase.CLOSED;
    return new HealthFacts(report.cpi(), report.spi(),
        mapper.countOpen(project.id(), "ISSUE", List.of("CRITICAL")),
        mapper.countOpen(project.id(), "RISK", List.of("HIGH", "CRITICAL")), deadlineMissed);
  }

  @Transactional
  public void record(long reportId, Health health) {
    StatusReport report = mapper.findReport(reportId).orElseThrow();
    Project project = projects.findById(report.projectId()).orElseThrow();
    mapper.setHealth(reportId, health);
    projects.setHealth(project.id(), health, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
    HealthFacts facts = facts(reportId);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reportId", reportId);
    details.put("health", health.name());
    details.put("previous", String.valueOf(project.health()));
    details.put("cpi", facts.cpi() == null ? "n/a" : facts.cpi());
    details.put("spi", facts.spi() == null ? "n/a" : facts.spi());
    details.put("openCriticalIssues", facts.openCriticalIssues());
    details.put("openHighRisks", facts.openHighRisks());
    details.put("regulatoryDeadlineMissed", facts.regulatoryDeadlineMissed());
    auditTrail.record("HEALTH_RATED", project.id(), project.code(), details);
  }
}
