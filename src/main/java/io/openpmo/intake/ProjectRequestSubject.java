package io.openpmo.intake;

import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewSubject;
import io.openpmo.review.ReviewSubjectType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
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
    return ((Number) variables.getVariable(InitiationVariables.PROJECT_ID)).longValue();
  }

  @Override
  public SubjectFacts facts(long projectId) {
    Project project = projects.findById(projectId)
        .orElseThrow(() -> new IllegalStateException("No project with id " + projectId));
    Map<String, String> barred = new LinkedHashMap<>();
    barred.put(project.requester(), "requested " + project.code());
    barred.putIfAbsent(project.sponsor(), "sponsors " + project.code());
    return new SubjectFacts(projectId, project.code(), project.title(), summary(project), barred);
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

  static String summary(Project p) {
    return "**" + p.code() + ": " + p.title() + "** (" + p.projectType() + ", " + p.businessUnit() + ")\n\n"
        + "Requested by " + p.requester() + ", sponsored by " + p.sponsor() + "\n\n"
        + "Budget " + money(p.currency(), p.budget()) + " · expected annual benefit "
        + money(p.currency(), p.expectedAnnualBenefit()) + " · " + p.durationMonths() + " months from "
        + p.startDate() + "\n\n"
        + "Risk " + orDash(p.riskScore()) + " (" + orDash(p.riskTier()) + ") · priority " + orDash(p.priorityScore())
        + " (" + orDash(p.priorityClass()) + ") · strategic alignment " + p.strategicAlignment() + "/5\n\n"
        + "Complexity " + p.complexity() + " · data " + p.dataClassification() + " · personal data "
        + yesNo(p.personalData()) + " · third party " + p.thirdParty() + " · critical function "
        + yesNo(p.criticalFunction()) + " · new technology " + yesNo(p.newTechnology())
        + (p.regulatoryDeadline() != null ? " · regulatory deadline " + p.regulatoryDeadline() : "") + "\n\n"
        + p.description();
  }

  private static String money(String currency, BigDecimal amount) {
    return currency + " " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(amount);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static String yesNo(Boolean value) {
    return Boolean.TRUE.equals(value) ? "yes" : "no";
  }
}
