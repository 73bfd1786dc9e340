package io.openpmo.review;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a kind of review decides on: a project request, a gate, a change. The review mechanism
 * (listeners, segregation of duties, recording) is the same for all; a subject supplies the facts.
 */
public interface ReviewSubject {

  ReviewSubjectType type();

  /** The id of the subject the review task decides on, read from the task's variables. */
  long subjectId(VariableScope variables);

  /** The project, the people barred from reviewing it and why, and a summary for the reviewer. */
  SubjectFacts facts(long subjectId);

  /** The decisions a reviewer may cast at this stage. */
  Set<String> decisions(String stage);

  /** Whether a decision must be explained by a comment. */
  boolean needsComment(String decision);

  /** Process variables to set after a vote (flags that end a multi-instance review early). */
  Map<String, Object> afterVote(String stage, String decision);

  /** Subject-specific form rules, on top of decision and comment (e.g. conditions for GO_WITH_CONDITIONS). */
  default void validate(String stage, Vote vote) {
  }

  /** Called in the vote's transaction once it is recorded (e.g. to create the conditions it sets). */
  default void onVote(ReviewTask task, ReviewDecision recorded, Vote vote) {
  }

  /**
   * Facts about a reviewed subject. A subject of no project (a model change) has no {@code projectId}; its
   * {@code projectCode} is then the subject's own code.
   */
  record SubjectFacts(Long projectId, String projectCode, String title, String summary,
      Map<String, String> barredPersons) {
  }
}
