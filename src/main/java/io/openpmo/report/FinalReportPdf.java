package io.openpmo.report;

import io.openpmo.closure.FinalReportRenderer;
import io.openpmo.project.Project;
import org.springframework.stereotype.Component;

/** The final report that closure archives: the project report, rendered as PDF. */
@Component
class FinalReportPdf implements FinalReportRenderer {

  private final ProjectReportService reports;
  private final ProjectReportPdf pdf;

  FinalReportPdf(ProjectReportService reports, ProjectReportPdf pdf) {
    this.reports = reports;
    this.pdf = pdf;
  }

  @Override
  public byte[] renderPdf(Project project) {
    return pdf.render(reports.report(project));
  }
}
