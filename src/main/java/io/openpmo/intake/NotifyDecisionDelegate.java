package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.project.ReviewVerdict;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectStatus;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells requester and sponsor the G0 decision by e-mail. Runs as an asynchronous step: if the mail
 * server is down, the job fails, the engine retries it and Cockpit shows an incident; the decision
 * itself was committed before.
 */
@Component("notifyDecisionDelegate")
class NotifyDecisionDelegate implements JavaDelegate {

  private final InitiationService initiation;
  private final Notifier notifier;

  NotifyDecisionDelegate(InitiationService initiation, Notifier notifier) {
    this.initiation = initiation;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = initiation.get(projectId(execution));
    List<String> people = List.of(project.requester(), project.sponsor());
    String subject;
    String body;
    if (project.status() == ProjectStatus.REJECTED) {
      subject = project.code() + " rejected: " + project.title();
      body = "The project request " + project.code() + " \"" + project.title() + "\" was rejected.\n\nReasons:\n"
          + String.join("\n", initiation.reasons(project.id(), ReviewVerdict.REJECT.name()).stream().map(r -> "- " + r).toList());
    } else {
      subject = project.code() + " approved: " + project.title();
      body = "The project request " + project.code() + " \"" + project.title() + "\" was approved at G0 and is"
          + " registered.\n\nRisk: " + project.riskScore() + " (" + project.riskTier() + ")\nPriority: "
          + project.priorityScore() + " (" + project.priorityClass() + ")\nBudget: " + project.currency() + " "
          + project.budget().toPlainString() + "\n\nNext: planning and the G1 plan approval.";
    }
    notifier.send(Notifier.Message.toUsers(people, subject, body), project.id(), project.code());
  }
}
