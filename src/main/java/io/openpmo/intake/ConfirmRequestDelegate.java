package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.Labels;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the requester that the request is registered: its project code, how it scored, who reviews it, and where to
 * follow it (the request page, with every vote and open task). An asynchronous step on a branch of its own, like the
 * other mails: a mail outage becomes a retried job and an incident, and the reviews go on meanwhile.
 */
@Component("confirmRequestDelegate")
class ConfirmRequestDelegate implements JavaDelegate {

  private final InitiationService initiation;
  private final Notifier notifier;
  private final String publicUrl;

  ConfirmRequestDelegate(InitiationService initiation, Notifier notifier,
      @Value("${openpmo.public-url}") String publicUrl) {
    this.initiation = initiation;
    this.notifier = notifier;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Project project = initiation.get(projectId(execution));
    if (project.isFinal()) {
      return;   // withdrawn or decided before the mail went: the decision's own mail says it all
    }
    List<RequiredApproval> approvals = initiation.requiredApprovals(project.id());
    String functional = groups(approvals, InitiationService.FUNCTIONAL);
    String committees = groups(approvals, InitiationService.COMMITTEE);
    String body = "Your project request " + project.code() + " \"" + project.title() + "\" is registered.\n\n"
        + "Project code: " + project.code() + "\n"
        + "Risk: " + project.riskScore() + " points (" + Labels.value(project.riskTier()) + ")\n"
        + "Priority: " + project.priorityScore() + " points (" + project.priorityClass() + ")\n"
        + (functional.isEmpty() ? "" : "Reviewed by: " + functional + " (in parallel, within 5 days)\n")
        + (committees.isEmpty() ? "" : "Then decided by: " + committees + "\n")
        + "\nFollow it, with every vote and the open tasks: " + publicUrl + "/dashboard/request.html?code="
        + project.code() + "\n"
        + "You get a mail when it is decided. If reviewers ask for rework, the request comes back to you in"
        + " Tasklist.";
    notifier.send(Notifier.Message.toUsers(List.of(project.requester()), project.code() + " received: "
        + project.title(), body), project.id(), project.code());
  }

  private static String groups(List<RequiredApproval> approvals, String stage) {
    return approvals.stream().filter(a -> stage.equals(a.stage())).map(a -> Labels.group(a.groupId()))
        .collect(Collectors.joining(", "));
  }
}
