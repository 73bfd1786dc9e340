package io.openpmo.status;

import static io.openpmo.notify.MailTemplate.values;

import io.openpmo.notify.MailTemplate;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Evidence;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectMapper;
import java.util.List;
import org.springframework.stereotype.Service;

/** What the status cycle tells people: the PMO's request to assess a change raised on a RED project. */
@Service
class StatusNotices {

  static final MailTemplate CHANGE_REQUEST_RAISED = new MailTemplate("{code} is RED: change request {change} raised",
      "The PMO reviewed {code} \"{title}\" after a RED status report and raised the change request {change}."
          + " Please assess its impact in Tasklist.\n\nPMO comment: {comment}");

  private final ProjectMapper projects;
  private final Notifier notifier;
  private final ProjectGovernance governance;

  StatusNotices(ProjectMapper projects, Notifier notifier, ProjectGovernance governance) {
    this.projects = projects;
    this.notifier = notifier;
    this.governance = governance;
  }

  /**
   * Asks the project manager to assess the change request the PMO raised on the RED project; the PMO's comment is
   * the one recorded with its decision (task_decision).
   */
  void askForChangeRequest(long projectId, Object changeCode) {
    Project project = projects.findById(projectId).orElseThrow();
    String comment = governance.latestTaskDecision(project.id(), ProjectGovernance.RED_INTERVENTION_DECISION)
        .map(Evidence.TaskDecision::comment).orElse("-");
    notifier.send(CHANGE_REQUEST_RAISED.toUsers(List.of(String.valueOf(project.projectManager())),
        values("code", project.code(), "title", project.title(), "change", changeCode, "comment", comment)),
        project.id(), project.code());
  }
}
