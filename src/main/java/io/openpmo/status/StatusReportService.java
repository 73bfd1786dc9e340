package io.openpmo.status;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.Constraints;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.baseline.Baseline;
import io.openpmo.baseline.BaselineService;
import io.openpmo.baseline.Milestone;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Status reports: validated, measured against the baseline in force on the report date (earned value),
 * stored with their milestone updates. A report resets the count of missed reports.
 */
@Service
public class StatusReportService {

  static final Set<String> MILESTONE_STATUSES = Set.of("ON_TRACK", "AT_RISK", "LATE", "DONE");

  private final StatusMapper mapper;
  private final ProjectMapper projects;
  private final BaselineService baselines;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public StatusReportService(StatusMapper mapper, ProjectMapper projects, BaselineService baselines,
      AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.projects = projects;
    this.baselines = baselines;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional
  public StatusReport record(Project project, StatusReportInput input, String by, String source) {
    if (!project.inDelivery()) {
      throw BusinessRuleException.conflict(project.code() + " is " + project.status() + " (" + project.phase()
          + "): status reports are taken during delivery");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate reportDate = input.reportDate() == null ? today : input.reportDate();
    Baseline baseline = baselines.inForceAt(project.id(), reportDate.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
        .orElseGet(() -> baselines.get(project.currentBaselineId()));
    validate(input, reportDate, today, baseline);
    EarnedValue ev = EarnedValue.of(baseline.budgetAtCompletion(), baseline.startDate(), baseline.endDate(), reportDate,
        input.percentComplete(), input.actualCostToDate());
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    long id = mapper.insertReport(new StatusReport(null, project.id(), baseline.id(), reportDate,
        input.percentComplete(), ev.actualCost(), ev.plannedValue(), ev.earnedValue(), ev.cpi(), ev.spi(), null,
        blankToNull(input.notes()), source, by, now));
    if (input.milestones() != null) {
      for (StatusReportInput.MilestoneStatus m : input.milestones()) {
        mapper.insertMilestoneUpdate(new MilestoneUpdate(null, id, m.milestoneId(), m.status(), m.forecastDate(),
            "DONE".equals(m.status()) && m.actualDate() == null ? reportDate : m.actualDate()));
      }
    }
    projects.setMissedReports(project.id(), 0);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reportId", id);
    details.put("reportDate", reportDate.toString());
    details.put("baselineVersion", baseline.version());
    details.put("percentComplete", input.percentComplete());
    details.put("pv", ev.plannedValue());
    details.put("ev", ev.earnedValue());
    details.put("ac", ev.actualCost());
    details.put("cpi", ev.cpi() == null ? "n/a" : ev.cpi());
    details.put("spi", ev.spi() == null ? "n/a" : ev.spi());
    details.put("source", source);
    auditTrail.record(by, "STATUS_REPORTED", project.id(), project.code(), details);
    return report(id);
  }

  private void validate(StatusReportInput input, LocalDate reportDate, LocalDate today, Baseline baseline) {
    List<FieldProblem> problems = new ArrayList<>();
    if (input.percentComplete() == null || input.percentComplete().signum() < 0
        || input.percentComplete().compareTo(BigDecimal.valueOf(100)) > 0) {
      problems.add(new FieldProblem("percentComplete", "must be between 0 and 100"));
    }
    if (input.actualCostToDate() == null || input.actualCostToDate().signum() < 0) {
      problems.add(new FieldProblem("actualCostToDate", "must be 0 or more"));
    }
    if (reportDate.isAfter(today)) {
      problems.add(new FieldProblem("reportDate", "must not be in the future"));
    }
    if (input.notes() != null && input.notes().length() > 4000) {
      problems.add(new FieldProblem("notes", "must be at most 4000 characters"));
    }
    List<Long> milestoneIds = baselines.milestones(baseline.id()).stream().map(Milestone::id).toList();
    List<StatusReportInput.MilestoneStatus> milestones = input.milestones() == null ? List.of() : input.milestones();
    for (int i = 0; i < milestones.size(); i++) {
      StatusReportInput.MilestoneStatus m = milestones.get(i);
      if (m == null) {
        continue;   // named by the field rules below
      }
      if (m.milestoneId() == null || !milestoneIds.contains(m.milestoneId())) {
        problems.add(new FieldProblem("milestones[" + i + "].milestoneId", "is not a milestone of baseline v"
            + baseline.version() + " (" + milestoneIds + ")"));
      }
      if (m.status() == null || !MILESTONE_STATUSES.contains(m.status())) {
        problems.add(new FieldProblem("milestones[" + i + "].status", "must be one of ON_TRACK, AT_RISK, LATE, DONE"));
      }
    }
    Constraints.addMissing(problems, input);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** A report that did not come in time: counted, and on record. Answers how many in a row are missing. */
  @Transactional
  public int missed(long projectId) {
    Project project = projects.findById(projectId).orElseThrow();
    int missed = project.missedReports() + 1;
    projects.setMissedReports(projectId, missed);
    auditTrail.record("STATUS_REPORT_MISSED", projectId, project.code(), Map.of("missedInARow", missed,
        "projectManager", String.valueOf(project.projectManager())));
    return missed;
  }

  @Transactional(readOnly = true)
  public StatusReport report(long id) {
    return mapper.findReport(id).orElseThrow(() -> new NotFoundException("No status report " + id));
  }

  @Transactional(readOnly = true)
  public List<StatusReport> reports(long projectId) {
    return mapper.findReports(projectId);
  }

  @Transactional(readOnly = true)
  public Optional<StatusReport> latest(long projectId) {
    List<StatusReport> all = reports(projectId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  @Transactional(readOnly = true)
  public List<MilestoneUpdate> milestoneUpdates(long reportId) {
    return mapper.findMilestoneUpdates(reportId);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
