package io.openpmo.intake;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSummary;
import io.openpmo.review.ReviewSubject;
import io.openpmo.review.ReviewSubjectType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Reviews of a project request (G0): who is barred, what reviewers decide, what they see. */
@Component
class ProjectRequestSubject implements ReviewSubject {

  private final ProjectMapper projects;

  ProjectRequestSubject(ProjectMapper projects) {
    this.projects = projects;
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
    Map<String, String> barred = new LinkedHashMap<>();
    barred.put(project.requester(), "requested " + project.code());
    barred.putIfAbsent(project.sponsor(), "sponsors " + project.code());
    return new SubjectFacts(projectId, project.code(), project.title(), ProjectSummary.markdown(project), barred);
  }

  @Override
  public Set<String> decisions(String stage) {
    return InitiationService.PMO_DECISION.equals(stage)
        ? new LinkedHashSet<>(java.util.List.of("APPROVE", "REJECT"))
        : new LinkedHashSet<>(java.util.List.of("APPROVE", "REJECT", "REWORK"));
  }

  @Override
  public boolean needsComment(String decision) {
    return !"APPROVE".equals(decision);
  }

  @Override
  public Map<String, Object> afterVote(String stage, String decision) {
    if (InitiationService.PMO_DECISION.equals(stage)) {
      return Map.of(InitiationVariables.PMO_DECISION, decision);
    }
    return switch (decision) {
      case "REJECT" -> Map.of(InitiationVariables.REJECTED, true);
      case "REWORK" -> Map.of(InitiationVariables.REWORK_REQUESTED, true);
      default -> Map.of();
    };
  }

}
