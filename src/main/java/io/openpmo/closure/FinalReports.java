package io.openpmo.closure;

import io.openpmo.project.Project;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The final report of a closing project: the project report as PDF, archived with its SHA-256. */
@Service
public class FinalReports {

  private final ClosureService closures;
  private final FinalReportRenderer renderer;
  private final ProjectDocuments documents;

  public FinalReports(ClosureService closures, FinalReportRenderer renderer, ProjectDocuments documents) {
    this.closures = closures;
    this.renderer = renderer;
    this.documents = documents;
  }

  @Transactional
  public ProjectDocument archive(long projectId, String by) {
    Project project = closures.project(projectId);
    byte[] content = renderer.renderPdf(project);
    return documents.archive(project, ProjectDocument.FINAL_REPORT, project.code() + "-final-report.pdf",
        "application/pdf", content, by);
  }
}
