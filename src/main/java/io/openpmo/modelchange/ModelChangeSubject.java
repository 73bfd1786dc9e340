package io.openpmo.modelchange;

import io.openpmo.project.ReviewVerdict;
import io.openpmo.review.ReviewSubject;
import io.openpmo.review.ReviewSubjectType;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reviewing a model change: the person who proposed it never approves it (DORA RTS 2024/1774 Art. 17: the approver
 * of a change is independent of who requests it), whatever their groups; the reviewer sees the checks and the
 * simulation. The review machinery (claim, completion, one vote, conflicts of interest) is the one of every review.
 */
@Component
class ModelChangeSubject implements ReviewSubject {

  private final ModelChangeMapper mapper;
  private final ModelChangeSummary summary;

  ModelChangeSubject(ModelChangeMapper mapper, ModelChangeSummary summary) {
    this.mapper = mapper;
    this.summary = summary;
  }

  @Override
  public ReviewSubjectType type() {
    return ReviewSubjectType.MODEL_CHANGE;
  }

  @Override
  public long subjectId(VariableScope variables) {
    return ((Number) variables.getVariable(ModelChangeVariables.MODEL_CHANGE_ID)).longValue();
  }

  @Override
  public SubjectFacts facts(long modelChangeId) {
    ModelChange change = mapper.findById(modelChangeId).orElseThrow();
    return new SubjectFacts(null, change.code(), "Model change " + change.code() + ": " + ModelChangeSummary.shorten(
        change.reason(), 120), summary.markdown(change), Map.of(change.proposedBy(),
        Bar.proposer("model change " + change.code())));
  }

  @Override
  public String label(long modelChangeId) {
    return mapper.findById(modelChangeId).map(ModelChange::code).orElse("Model change " + modelChangeId);
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
    return Map.of(ModelChangeVariables.REJECTED, ReviewVerdict.REJECT.is(decision));
  }
}
