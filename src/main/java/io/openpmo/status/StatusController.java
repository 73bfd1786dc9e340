package io.openpmo.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CurrentUser;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.Project;
import io.openpmo.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Status reports and the risk and issue register of a project. */
@RestController
@RequestMapping("/api/v1/projects/{code}")
@Tag(name = "Monitoring")
class StatusController {

  private final ProjectAccess access;
  private final StatusReporting reporting;
  private final StatusReportService reports;
  private final RiskRegister register;
  private final CurrentUser currentUser;

  StatusController(ProjectAccess access, StatusReporting reporting, StatusReportService reports, RiskRegister register,
      CurrentUser currentUser) {
    this.access = access;
    this.reporting = reporting;
    this.reports = reports;
    this.register = register;
    this.currentUser = currentUser;
  }

  @PostMapping("/status-reports")
  @Operation(summary = "Submit a status report (project manager, PMO, integrations): earned value against the"
      + " baseline in force, health by the projectHealth decision, RED goes to the PMO")
  ResponseEntity<StatusReport> submit(@PathVariable String code, @RequestBody StatusReportInput input) {
    Project project = access.visible(code);
    String user = currentUser.id().orElseThrow();
    if (!user.equals(project.projectManager()) && !currentUser.isInAnyGroup(Groups.PMO, Groups.INTEGRATIONS)) {
      throw BusinessRuleException.forbidden("Only the project manager " + project.projectManager()
          + ", the PMO or an integration reports on " + code);
    }
    StatusReport report = reporting.submit(project, input, user);
    return ResponseEntity.created(URI.create("/api/v1/projects/" + code + "/status-reports/" + report.id())).body(report);
  }

  @GetMapping("/status-reports")
  @Operation(summary = "The history of status reports with earned value and health")
  List<StatusReport> reports(@PathVariable String code) {
    return reports.reports(access.visible(code).id());
  }

  @GetMapping("/register")
  @Operation(summary = "The risk and issue register (kind=RISK or ISSUE to filter)")
  List<RiskIssue> register(@PathVariable String code, @RequestParam(required = false) String kind) {
    return register.register(access.visible(code).id(), kind);
  }

  @PostMapping("/register")
  @Operation(summary = "Record a risk (probability and impact 1-5) or an issue")
  ResponseEntity<RiskIssue> add(@PathVariable String code, @RequestBody RiskIssueInput input) {
    Project project = writable(code);
    RiskIssue entry = register.add(project, input, currentUser.id().orElseThrow());
    return ResponseEntity.created(URI.create("/api/v1/projects/" + code + "/register/" + entry.id())).body(entry);
  }

  @PatchMapping("/register/{id}")
  @Operation(summary = "Update a register entry: severity, probability, impact, owner, status, due date")
  RiskIssue update(@PathVariable String code, @PathVariable long id, @RequestBody RiskIssueInput input) {
    return register.update(writable(code), id, input, currentUser.id().orElseThrow());
  }

  private Project writable(String code) {
    Project project = access.visible(code);
    String user = currentUser.id().orElseThrow();
    if (!user.equals(project.projectManager())
        && !currentUser.isInAnyGroup(Groups.PMO, Groups.RISK, Groups.COMPLIANCE, Groups.INFOSEC)) {
      throw BusinessRuleException.forbidden("Only the project manager, the PMO, risk, compliance or infosec keep the"
          + " register of " + code);
    }
    return project;
  }
}
