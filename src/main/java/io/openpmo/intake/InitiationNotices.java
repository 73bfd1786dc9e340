package io.openpmo.intake;

import static io.openpmo.notify.MailTemplate.values;

import io.openpmo.core.Labels;
import io.openpmo.notify.MailTemplate;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.ReviewVerdict;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The mails of the initiation: the requester's confirmation, and the G0 decision to requester and sponsor. */
@Service
class InitiationNotices {

  static final MailTemplate RECEIVED = new MailTemplate("{code} received: {title}",
      "Your project request {code} \"{title}\" is registered.\n\n"
          + "Project code: {code}\n"
          + "Risk: {riskScore} points ({riskTier})\n"
          + "Priority: {priorityScore} points ({priorityClass})\n"
          + "{reviewedBy}{decidedBy}"
          + "\nFollow it, with every vote and the open tasks: {publicUrl}/dashboard/request.html?code={code}\n"
          + "You get a mail when it is decided. If reviewers ask for rework, the request comes back to you in"
          + " Tasklist.");
  static final MailTemplate REJECTED = new MailTemplate("{code} rejected: {title}",
      "The project request {code} \"{title}\" was rejected.\n\nReasons:\n{reasons}");
  static final MailTemplate APPROVED = new MailTemplate("{code} approved: {title}",
      "The project request {code} \"{title}\" was approved at G0 and is registered.\n\n"
          + "Risk: {riskScore} ({riskTier})\nPriority: {priorityScore} ({priorityClass})\n"
          + "Budget: {currency} {budget}\n\nNext: planning and the G1 plan approval.");

  private final InitiationService initiation;
  private final Notifier notifier;
  private final String publicUrl;

  InitiationNotices(InitiationService initiation, Notifier notifier,
      @Value("${openpmo.public-url}") String publicUrl) {
    this.initiation = initiation;
    this.notifier = notifier;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /**
   * Confirms the request to its requester: code, scores, who reviews and decides it, where to follow it. Nothing is
   * sent when it was withdrawn or decided before the mail went (the decision's own mail says it all).
   */
  void sendReceived(long projectId) {
    Project project = initiation.get(projectId);
    if (project.isFinal()) {
      return;
    }
    List<RequiredApproval> approvals = initiation.requiredApprovals(project.id());
    String functional = groups(approvals, InitiationService.FUNCTIONAL);
    String committees = groups(approvals, InitiationService.COMMITTEE);
    notifier.send(RECEIVED.toUsers(List.of(project.requester()), values("code", project.code(),
        "title", project.title(), "riskScore", project.riskScore(), "riskTier", Labels.value(project.riskTier()),
        "priorityScore", project.priorityScore(), "priorityClass", project.priorityClass(),
        "reviewedBy", functional.isEmpty() ? "" : "Reviewed by: " + functional + " (in parallel, within 5 days)\n",
        "decidedBy", committees.isEmpty() ? "" : "Then decided by: " + committees + "\n",
        "publicUrl", publicUrl)), project.id(), project.code());
  }

  /** Tells requester and sponsor the G0 decision: the reasons of a rejection, the scores and budget of an approval. */
  void sendDecision(long projectId) {
    Project project = initiation.get(projectId);
    List<String> people = List.of(project.requester(), project.sponsor());
    Notifier.Message message;
    if (project.status() == ProjectStatus.REJECTED) {
      message = REJECTED.toUsers(people, values("code", project.code(), "title", project.title(), "reasons",
          String.join("\n", initiation.reasons(project.id(), ReviewVerdict.REJECT.name()).stream()
              .map(r -> "- " + r).toList())));
    } else {
      message = APPROVED.toUsers(people, values("code", project.code(), "title", project.title(),
          "riskScore", project.riskScore(), "riskTier", project.riskTier(), "priorityScore", project.priorityScore(),
          "priorityClass", project.priorityClass(), "currency", project.currency(),
          "budget", project.budget().toPlainString()));
    }
    notifier.send(message, project.id(), project.code());
  }

  private static String groups(List<RequiredApproval> approvals, String stage) {
    return approvals.stream().filter(a -> stage.equals(a.stage())).map(a -> Labels.group(a.groupId()))
        .collect(Collectors.joining(", "));
  }
}
