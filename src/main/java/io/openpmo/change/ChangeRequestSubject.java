package io.openpmo.change;

import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSummary;
import io.openpmo.review.ReviewSubject;
import io.openpmo.review.ReviewSubjectType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Approving a change: whoever requested the change and the project manager who implements it do not
 * approve it (DORA RTS 2024/1774 Art. 17: the approver is independent of the requester and the implementer).
 */
@Component
class ChangeRequestSubject implements ReviewSubject {

  private final ChangeMapper changes;
  private final ProjectMapper projects;

  ChangeRequestSubject(ChangeMapper changes, ProjectMapper projects) {
    this.changes = changes;
    this.projects = projects;
  }

  @Override
  public ReviewSubjectType type() {
    return ReviewSubjectType.CHANGE_REQUEST;
  }

  @Override
  public long subjectId(VariableScope variables) {
    return ((Number) variables.getVariable(ChangeVariables.CHANGE_REQUEST_ID)).longValue();
  }

  @Override
  public SubjectFacts facts(long changeId) {
    ChangeRequest change = changes.findById(changeId).orElseThrow();
    Project project = projects.findById(change.projectId()).orElseThrow();
    Map<String, String> barred = new LinkedHashMap<>();
    barred.put(change.requestedBy(), "requested change " + change.code());
    if (project.projectManager() != null) {
      barred.putIfAbsent(project.projectManager(), "implements change " + change.code() + " as project manager");
    }
    return new SubjectFacts(project.id(), change.code(), change.title(), summary(change, project), barred);
  }

  static String summary(ChangeRequest c, Project p) {
    return "### Change " + c.code() + ": " + c.title() + (c.emergency() ? " (EMERGENCY, already applied)" : "")
        + "\n\nRequested by " + c.requestedBy() + " · class **" + (c.changeClass() == null ? "-" : c.changeClass())
        + "** · approvers " + (c.approverGroups() == null ? "-" : c.approverGroups()) + "\n\n"
        + "Cost change " + ProjectSummary.money(p.currency(), c.costDelta()) + " · delay " + c.delayDays() + " days"
        + " · scope change " + (c.scopeChange() ? "yes: " + c.scopeDescription() : "no") + " · risk impact "
        + c.riskImpact() + " · regulatory impact " + (c.regulatoryImpact() ? "yes" : "no") + "\n\n"
        + "Reason: " + c.reason() + (c.impactNotes() == null ? "" : "\n\nImpact assessment: " + c.impactNotes())
        + "\n\n---\n\n" + ProjectSummary.markdown(p);
  }

  @Override
  public Set<String> decisions(String stage) {
    return new LinkedHashSet<>(List.of("APPROVE", "REJECT"));
  }

  @Override
  public boolean needsComment(String decision) {
    return "REJECT".equals(decision);
  }

  @Override
  public Map<String, Object> afterVote(String stage, String decision) {
    return "REJECT".equals(decision) ? Map.of(ChangeVariables.CHANGE_REJECTED, true) : Map.of();
  }
}
