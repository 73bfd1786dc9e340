package io.openpmo.closure;

import io.openpmo.project.Project;
import io.openpmo.report.ProjectReportPdf;
import io.openpmo.report.ProjectReportService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The final report of a closing project: the project report as PDF, archived with its SHA-256. */
@Service
public class FinalReports {

  private final ClosureService closures;
  private final ProjectReportService reports;
  private final ProjectReportPdf pdf;
  private final ProjectDocuments documents;

  public FinalReports(ClosureService closures, ProjectReportService reports, ProjectReportPdf pdf,
      ProjectDocuments documents) {
    this.closures = closures;
    this.reports = reports;
    this.pdf = pdf;
    this.documents = documents;
  }

  @Transactional
  public ProjectDocument archive(long projectId, String by) {
    Project project = closures.project(projectId);
    byte[] content = pdf.render(reports.report(project));
    return documents.archive(project, ProjectDocument.FINAL_REPORT, project.code() + "-final-report.pdf",
        "application/pdf", content, by);
  }
}
