package io.openpmo.change;

import io.openpmo.project.ReviewVerdict;
import io.openpmo.core.Labels;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSummary;
import io.openpmo.review.ReviewSubject;
import io.openpmo.review.ReviewSubjectType;
import java.util.LinkedHashMap;
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
    Map<String, Bar> barred = new LinkedHashMap<>();
    barred.put(change.requestedBy(), Bar.requester("change " + change.code()));
    if (project.projectManager() != null) {
      barred.putIfAbsent(project.projectManager(), new Bar("implement change " + change.code() + " as project manager",
          "implements change " + change.code() + " as project manager"));
    }
    return new SubjectFacts(project.id(), change.code(), change.title(), summary(change, project), barred);
  }

  static String summary(ChangeRequest c, Project p) {
    String approvers = c.approverGroups() == null || c.approverGroups().isBlank() ? "not routed yet"
        : java.util.Arrays.stream(c.approverGroups().split(",")).map(String::strip).map(Labels::group)
            .collect(java.util.stream.Collectors.joining(", "));
    return "### Change " + c.code() + ": " + c.title() + (c.emergency() ? " (emergency change, already applied)" : "")
        + "\n\n- **Requested by:** " + c.requestedBy() + " · **Class:** " + (c.changeClass() == null ? "not classified yet"
            : Labels.value(c.changeClass())) + " · **Approvers:** " + approvers + "\n"
        + "- **Cost change:** " + ProjectSummary.money(p.currency(), c.costDelta()) + " · **Delay:** " + c.delayDays()
        + " days · **Scope change:** " + (c.scopeChange() ? "yes: " + c.scopeDescription() : "no") + "\n"
        + "- **Risk impact:** " + Labels.value(c.riskImpact()) + " · **Regulatory impact:** "
        + Labels.yesNo(c.regulatoryImpact()) + "\n\n"
        + "**Reason:** " + c.reason() + (c.impactNotes() == null ? "" : "\n\n**Impact assessment:** " + c.impactNotes())
        + "\n\n---\n\n" + ProjectSummary.markdown(p);
  }

  @Override
  public String label(long changeId) {
    return changes.findById(changeId).map(ChangeRequest::code).orElse("Change request");
  }

  @Override
  public String progress(long changeId, int round, List<io.openpmo.review.ReviewDecision> decisionsOfRound) {
    List<String> groups = decisionsOfRound.stream().map(io.openpmo.review.ReviewDecision::groupId).distinct().toList();
    List<String> routed = changes.findById(changeId).map(ChangeRequest::approverGroups)
        .map(list -> java.util.Arrays.stream(list.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList())
        .orElse(List.of());
    return ReviewSubject.groupsProgress(routed.containsAll(groups) ? routed : groups, decisionsOfRound, "approver");
  }

  @Override
  public Set<String> decisions(String stage) {
    return ReviewVerdict.offered(ReviewVerdict.APPROVE, ReviewVerdict.REJECT);
  }

  @Override
  public boolean needsComment(String decision) {
    return ReviewVerdict.REJECT.is(decision);
  }

  @Override
  public Map<String, Object> afterVote(String stage, String decision) {
    return ReviewVerdict.REJECT.is(decision) ? Map.of(ChangeVariables.CHANGE_REJECTED, true) : Map.of();
  }
}
