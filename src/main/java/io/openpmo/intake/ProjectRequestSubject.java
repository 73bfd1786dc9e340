package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.project.ReviewVerdict;
import io.openpmo.core.Labels;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSummary;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewSubject;
import io.openpmo.review.ReviewSubjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Reviews of a project request (G0): who is barred, what reviewers decide, what they see. */
@Component
class ProjectRequestSubject implements ReviewSubject {

  private final ProjectMapper projects;
  private final ApprovalMapper approvals;

  ProjectRequestSubject(ProjectMapper projects, ApprovalMapper approvals) {
    this.projects = projects;
    this.approvals = approvals;
  }

  @Override
  public ReviewSubjectType type() {
    return ReviewSubjectType.PROJECT_REQUEST;
  }

  @Override
  public long subjectId(VariableScope variables) {
    return projectId(variables);
  }

  @Override
  public SubjectFacts facts(long projectId) {
    Project project = projects.findById(projectId)
        .orElseThrow(() -> new IllegalStateException("No project with id " + projectId));
    Map<String, Bar> barred = new LinkedHashMap<>();
    barred.put(project.requester(), Bar.requester(project.code()));
    barred.putIfAbsent(project.sponsor(), Bar.sponsor(project.code()));
    return new SubjectFacts(projectId, project.code(), project.title(), ProjectSummary.markdown(project), barred);
  }

  @Override
  public String label(long projectId) {
    return "Request (G0)";
  }

  /**
   * "5 of 5 functional reviews approved · Steering committee: pending": the current round against the approvals its
   * routing requires; an earlier round (routed before a rework) by what its reviewers decided.
   */
  @Override
  public String progress(long projectId, int round, List<ReviewDecision> decisionsOfRound) {
    Project project = projects.findById(projectId).orElseThrow();
    List<ReviewDecision> votes = decisionsOfRound.stream().filter(ReviewDecision::isVote).toList();
    boolean current = round == project.reworkRound() + 1;
    List<RequiredApproval> required = current ? approvals.findFor(projectId) : List.of();
    List<String> functional = current
        ? required.stream().filter(a -> InitiationService.FUNCTIONAL.equals(a.stage())).map(RequiredApproval::groupId).toList()
        : votes.stream().filter(v -> InitiationService.FUNCTIONAL.equals(v.stage())).map(ReviewDecision::groupId)
            .distinct().toList();
    List<String> committees = current
        ? required.stream().filter(a -> InitiationService.COMMITTEE.equals(a.stage())).map(RequiredApproval::groupId).toList()
        : votes.stream().filter(v -> InitiationService.COMMITTEE.equals(v.stage())).map(ReviewDecision::groupId)
            .distinct().toList();
    List<String> parts = new ArrayList<>();
    if (!functional.isEmpty()) {
      long approved = functional.stream().filter(group -> votes.stream().anyMatch(v ->
          InitiationService.FUNCTIONAL.equals(v.stage()) && group.equals(v.groupId()) && ReviewVerdict.APPROVE.is(v.decision())))
          .count();
      parts.add(approved + " of " + functional.size() + " functional review" + (functional.size() == 1 ? "" : "s")
          + " approved");
    }
    long rework = votes.stream().filter(v -> ReviewVerdict.REWORK.is(v.decision())).count();
    long rejected = votes.stream().filter(v -> ReviewVerdict.REJECT.is(v.decision())).count();
    if (rework > 0) {
      parts.add(rework + " returned for rework");
    }
    if (rejected > 0) {
      parts.add(rejected + " rejected");
    }
    for (String committee : committees) {
      parts.add(Labels.group(committee) + ": " + votes.stream()
          .filter(v -> InitiationService.COMMITTEE.equals(v.stage()) && committee.equals(v.groupId()))
          .map(v -> Labels.value(v.decision())).findFirst().orElse("pending"));
    }
    votes.stream().filter(v -> InitiationService.PMO_DECISION.equals(v.stage())).findFirst()
        .ifPresent(v -> parts.add("PMO decision: " + Labels.value(v.decision())));
    long recusals = decisionsOfRound.size() - votes.size();
    if (recusals > 0) {
      parts.add(recusals + (recusals == 1 ? " recusal" : " recusals"));
    }
    return String.join(" · ", parts);
  }

  @Override
  public Set<String> decisions(String stage) {
    return InitiationService.PMO_DECISION.equals(stage)
        ? ReviewVerdict.offered(ReviewVerdict.APPROVE, ReviewVerdict.REJECT)
        : ReviewVerdict.offered(ReviewVerdict.APPROVE, ReviewVerdict.REJECT, ReviewVerdict.REWORK);
  }

  @Override
  public boolean needsComment(String decision) {
    return !ReviewVerdict.APPROVE.is(decision);
  }

  @Override
  public Map<String, Object> afterVote(String stage, String decision) {
    if (InitiationService.PMO_DECISION.equals(stage)) {
      return Map.of(InitiationVariables.PMO_DECISION, decision);
    }
    if (ReviewVerdict.REJECT.is(decision)) {
      return Map.of(InitiationVariables.REJECTED, true);
    }
    return ReviewVerdict.REWORK.is(decision) ? Map.of(InitiationVariables.REWORK_REQUESTED, true) : Map.of();
  }

}
