package io.openpmo.gate;

import io.openpmo.project.GateOutcome;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewSubject;
import io.openpmo.review.ReviewSubjectType;
import io.openpmo.review.ReviewTask;
import io.openpmo.review.Vote;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Gate reviews: the project manager who requests the gate and the sponsor do not decide it; a
 * GO_WITH_CONDITIONS names its conditions; a STOP ends the review at once.
 */
@Component
class GateReviewSubject implements ReviewSubject {

  static final List<String> DECISIONS = GateOutcome.offered();

  private final GateMapper gates;
  private final ProjectMapper projects;
  private final GateSummaries summaries;
  private final org.springframework.beans.factory.ObjectProvider<GateService> gateService;

  GateReviewSubject(GateMapper gates, ProjectMapper projects, GateSummaries summaries,
      org.springframework.beans.factory.ObjectProvider<GateService> gateService) {
    this.gates = gates;
    this.projects = projects;
    this.summaries = summaries;
    this.gateService = gateService;
  }

  @Override
  public ReviewSubjectType type() {
    return ReviewSubjectType.GATE_REVIEW;
  }

  @Override
  public long subjectId(VariableScope variables) {
    return ((Number) variables.getVariable(GateVariables.GATE_REVIEW_ID)).longValue();
  }

  @Override
  public SubjectFacts facts(long gateReviewId) {
    GateReview review = gates.findById(gateReviewId).orElseThrow();
    Project project = projects.findById(review.projectId()).orElseThrow();
    Map<String, Bar> barred = new LinkedHashMap<>();
    if (project.projectManager() != null) {
      barred.put(project.projectManager(), new Bar("manage " + project.code() + " and requested gate " + review.gate(),
          "manages " + project.code() + " and requested gate " + review.gate()));
    }
    barred.putIfAbsent(project.sponsor(), Bar.sponsor(project.code()));
    return new SubjectFacts(project.id(), project.code(), project.title() + " · gate " + review.gate(),
        summaries.summary(project, review), barred);
  }

  @Override
  public String label(long gateReviewId) {
    return gates.findById(gateReviewId).map(GateReviewSubject::label).orElse("Gate");
  }

  static String label(GateReview review) {
    return review.attempt() != null && review.attempt() > 1 ? review.gate() + " (attempt " + review.attempt() + ")"
        : review.gate();
  }

  @Override
  public String progress(long gateReviewId, int round, List<ReviewDecision> decisionsOfRound) {
    List<String> named = gates.findById(gateReviewId).map(GateReview::reviewerGroups)
        .map(groups -> java.util.Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList())
        .orElse(List.of());
    return ReviewSubject.groupsProgress(named, decisionsOfRound, "reviewer");
  }

  @Override
  public Set<String> decisions(String stage) {
    return new LinkedHashSet<>(DECISIONS);
  }

  @Override
  public boolean needsComment(String decision) {
    return !GateOutcome.GO.is(decision);
  }

  @Override
  public void validate(String stage, Vote vote) {
    if (GateOutcome.GO_WITH_CONDITIONS.is(vote.decision()) && (vote.conditions() == null || vote.conditions().isBlank())) {
      throw new InvalidRequestException("conditions", "are required for GO_WITH_CONDITIONS (one per line)");
    }
  }

  @Override
  public void onVote(ReviewTask task, ReviewDecision recorded, Vote vote) {
    if (GateOutcome.GO_WITH_CONDITIONS.is(recorded.decision())) {
      gateService.getObject().addConditions(task.subjectId(), vote.conditions(), recorded.reviewer());
    }
  }

  @Override
  public Map<String, Object> afterVote(String stage, String decision) {
    return GateOutcome.STOP.is(decision) ? Map.of(GateVariables.GATE_STOPPED, true) : Map.of();
  }
}
