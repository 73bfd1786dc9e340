package io.openpmo.closure;

import static io.openpmo.notify.MailTemplate.values;

import io.openpmo.notify.MailTemplate;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** The mail that tells sponsor and requester a project is closed: how it ended, its figures, report and review. */
@Service
class ClosureNotices {

  static final MailTemplate CLOSED = new MailTemplate("{code} closed: {title}", "{lines}");

  private final ClosureService closures;
  private final BenefitsReviews benefits;
  private final ProjectDocuments documents;
  private final Notifier notifier;

  ClosureNotices(ClosureService closures, BenefitsReviews benefits, ProjectDocuments documents, Notifier notifier) {
    this.closures = closures;
    this.benefits = benefits;
    this.documents = documents;
    this.notifier = notifier;
  }

  /** Sends the closure mail of the project (an asynchronous step: a mail server that is down fails the job). */
  void sendClosed(long projectId) {
    Project project = closures.project(projectId);
    notifier.send(CLOSED.toUsers(Stream.of(project.sponsor(), project.requester()).distinct().toList(),
        values("code", project.code(), "title", project.title(), "lines", String.join("\n", lines(project)))),
        projectId, project.code());
  }

  private List<String> lines(Project project) {
    Closure closure = closures.get(project.id());
    List<String> lines = new ArrayList<>();
    lines.add(project.code() + " \"" + project.title() + "\" is closed (" + closure.reason().toLowerCase() + ").");
    if (closure.acceptance() != null) {
      lines.add("Sponsor acceptance: " + closure.acceptance()
          + (closure.acceptanceComment() == null ? "" : " (" + closure.acceptanceComment() + ")"));
    }
    if (closure.finalCost() != null) {
      lines.add("Final cost: " + closure.finalCost().toPlainString()
          + (closure.budgetAtCompletion() == null ? "" : " of " + closure.budgetAtCompletion().toPlainString()
              + " budgeted; cost variance " + closure.costVariance().toPlainString()
              + "; schedule variance " + closure.scheduleVarianceDays() + " days")
          + (closure.finalCpi() == null ? "" : "; final CPI " + closure.finalCpi().toPlainString())
          + (closure.finalSpi() == null ? "" : ", SPI " + closure.finalSpi().toPlainString()));
    }
    documents.list(project.id()).stream().filter(d -> ProjectDocument.FINAL_REPORT.equals(d.kind()))
        .reduce((first, second) -> second)
        .ifPresent(d -> lines.add("Final report: /api/v1/projects/" + project.code() + "/documents/" + d.id()
            + " (SHA-256 " + d.sha256() + ")"));
    benefits.find(project.id()).ifPresent(b -> lines.add("Benefits review due: " + b.dueAt().toLocalDate()
        + " (expected annual benefit " + b.expectedAnnualBenefit().toPlainString() + ")"));
    return lines;
  }
}
