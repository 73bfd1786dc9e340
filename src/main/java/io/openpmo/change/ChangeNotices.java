package io.openpmo.change;

import static io.openpmo.notify.MailTemplate.values;

import io.openpmo.audit.AuditTrail;
import io.openpmo.notify.MailTemplate;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import io.openpmo.security.Groups;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** What the change process tells people and records beside its decisions: the emergency mail, the lifecycle's note. */
@Service
class ChangeNotices {

  static final MailTemplate EMERGENCY_APPLIED = new MailTemplate("Emergency change {change} applied",
      "The emergency change {change} \"{title}\" on {project} was applied at once by {requestedBy}.\n"
          + "Cost change: {costDelta}, delay: {delayDays} days.\n\n"
          + "The PMO approves or rejects it within 2 days; a rejection rolls it back.");

  private final ChangeService changes;
  private final Notifier notifier;
  private final AuditTrail auditTrail;

  ChangeNotices(ChangeService changes, Notifier notifier, AuditTrail auditTrail) {
    this.changes = changes;
    this.notifier = notifier;
    this.auditTrail = auditTrail;
  }

  /** Tells the PMO that an emergency change was applied before anybody approved it (asynchronous step). */
  void sendEmergencyApplied(long changeId) {
    ChangeRequest change = changes.get(changeId);
    Project project = changes.project(change.projectId());
    notifier.send(EMERGENCY_APPLIED.toGroups(List.of(Groups.PMO), values("change", change.code(),
        "title", change.title(), "project", project.code(), "requestedBy", change.requestedBy(),
        "costDelta", change.costDelta(), "delayDays", change.delayDays())), project.id(), project.code());
  }

  /** The project's lifecycle noted a change raised on it (the change runs in its own process). */
  void recordNotedByLifecycle(long projectId, String projectCode, Object changeCode) {
    auditTrail.record("CHANGE_NOTED_BY_LIFECYCLE", projectId, projectCode,
        Map.of("change", String.valueOf(changeCode)));
  }
}
