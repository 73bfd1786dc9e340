package io.openpmo.report;

import io.openpmo.core.Csv;
import io.openpmo.core.QueryParameters;
import io.openpmo.resource.ResourcePlans;
import io.openpmo.resource.Utilisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for the PMO and the management body: the portfolio, cycle times, resource utilisation (JSON, or CSV
 * with {@code format=csv}) and the printable report of one project (PDF).
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class ReportController {

  /** The portfolio readers (Groups.PORTFOLIO_READERS), as ProjectAccess knows them. */
  static final String PORTFOLIO_READERS = "@projectAccess.seesWholePortfolio()";
  static final String UTILISATION_READERS = PORTFOLIO_READERS + " or hasAuthority('GROUP_resourceManagers')";

  private final PortfolioReportService portfolio;
  private final CycleTimeService cycleTimes;
  private final ResourcePlans plans;
  private final ProjectReportService projectReports;
  private final ProjectReportPdf pdf;

  ReportController(PortfolioReportService portfolio, CycleTimeService cycleTimes, ResourcePlans plans,
      ProjectReportService projectReports, ProjectReportPdf pdf) {
    this.portfolio = portfolio;
    this.cycleTimes = cycleTimes;
    this.plans = plans;
    this.projectReports = projectReports;
    this.pdf = pdf;
  }

  @GetMapping(value = "/portfolio", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @PreAuthorize(PORTFOLIO_READERS)
  @Operation(summary = "Portfolio summary: totals, counts and budget by status, phase, priority class, risk tier"
      + " and health, one line per project, and what needs attention (portfolio readers)",
      description = "Covers every project except REJECTED and WITHDRAWN ones; includeFinished=true adds them."
          + " budget is the requested budget, budgetAtCompletion the BAC of the baseline in force (null before G1),"
          + " actualCost, plannedValue, earnedValue, cpi and spi those of the latest status report (null without"
          + " one). Totals sum the projects; their cpi = ΣEV/ΣAC and spi = ΣEV/ΣPV over the projects with a report."
          + " processInstanceId is the running lifecycle, else the running initiation. attention lists RED projects,"
          + " missed status reports, overdue gate tasks (OVERDUE_GATE) and other overdue group tasks"
          + " (OVERDUE_REVIEW). format=csv answers one row per project.")
  ResponseEntity<?> portfolio(
      @Parameter(description = "true to include REJECTED and WITHDRAWN projects") @RequestParam(required = false)
      String includeFinished,
      @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
    QueryParameters parameters = new QueryParameters();
    boolean finished = parameters.flag("includeFinished", includeFinished, false);
    ReportFormat answer = parameters.oneOf("format", format, ReportFormat.class, ReportFormat.JSON);
    parameters.validate();
    PortfolioReport report = portfolio.report(finished);
    return answer(answer, report, "portfolio.csv", () -> Csv.of(PortfolioReport.ProjectLine.CSV_HEADER,
        report.projects().stream().<List<?>>map(PortfolioReport.ProjectLine::csvRow).toList()));
  }

  @GetMapping(value = "/cycle-times", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @PreAuthorize(PORTFOLIO_READERS)
  @Operation(summary = "Cycle times from the engine's history: per gate (G0 initiation, G1, G2, G3, GX) and per"
      + " reviewing group, median and 90th percentile in days, and the oldest open group tasks (portfolio readers)",
      description = "Counts what ended between from and to (YYYY-MM-DD, both included; default the last 12"
          + " months until today). Percentiles interpolate linearly between the closest ranks. Review groups count"
          + " completed tasks that had a candidate group. format=csv answers rows kind,key,count,medianDays,p90Days.")
  ResponseEntity<?> cycleTimes(
      @Parameter(description = "first day, YYYY-MM-DD") @RequestParam(required = false) String from,
      @Parameter(description = "last day, YYYY-MM-DD") @RequestParam(required = false) String to,
      @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
    QueryParameters parameters = new QueryParameters();
    LocalDate end = parameters.date("to", to, cycleTimes.today());
    LocalDate start = parameters.date("from", from, end == null ? null : end.minusMonths(12));
    parameters.notBefore("from", start, "to", end);
    ReportFormat answer = parameters.oneOf("format", format, ReportFormat.class, ReportFormat.JSON);
    parameters.validate();
    CycleTimeReport report = cycleTimes.report(start, end);
    return answer(answer, report, "cycle-times-" + start + "-" + end + ".csv",
        () -> Csv.of(CycleTimeReport.CSV_HEADER, report.csvRows()));
  }

  @GetMapping(value = "/utilisation", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @PreAuthorize(UTILISATION_READERS)
  @Operation(summary = "Utilisation per resource and month by the plans in force, as /api/v1/resources/utilisation"
      + " (portfolio readers and resource managers); from and to as YYYY-MM")
  ResponseEntity<?> utilisation(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
    QueryParameters parameters = new QueryParameters();
    YearMonth start = parameters.month("from", from);
    YearMonth end = parameters.month("to", to);
    parameters.notBefore("from", start, "to", end);
    ReportFormat answer = parameters.oneOf("format", format, ReportFormat.class, ReportFormat.JSON);
    parameters.validate();
    List<Utilisation> rows = plans.utilisation(start, end);
    return answer(answer, rows, Utilisation.csvFilename(start, end), () -> Utilisation.csv(rows));
  }

  @GetMapping(value = "/projects/{code}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "Printable report of a project (PDF, whoever may see the project): title block, scores and"
      + " the rules that fired, approvals and every review decision, gates with checklists and conditions, baseline"
      + " versions, status history with earned value, risks and issues")
  ResponseEntity<byte[]> projectReport(@PathVariable String code) {
    ProjectReport report = projectReports.report(code);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(report.project().code() + "-report.pdf").build().toString())
        .body(pdf.render(report));
  }

  /** The report as JSON, or as a CSV download (made only when asked for). */
  private static ResponseEntity<?> answer(ReportFormat format, Object json, String csvFilename, Supplier<String> csv) {
    if (format == ReportFormat.CSV) {
      return Csv.download(csvFilename, csv.get());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }
}
