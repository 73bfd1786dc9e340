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

  /**
   * A line that sums up one round of votes for the reader, e.g. "5 of 5 functional reviews approved · Steering
   * committee: pending"; null for none.
   */
  default String progress(long subjectId, int round, java.util.List<ReviewDecision> decisionsOfRound) {
    return null;
  }

  /**
   * "1 of 2 reviewers voted · Finance: pending": who of the named groups voted in a round, and how. For subjects
   * whose reviewers are a list of groups (gates, changes).
   */
  static String groupsProgress(java.util.List<String> groups, java.util.List<ReviewDecision> decisionsOfRound,
      String who) {
    java.util.List<ReviewDecision> votes = decisionsOfRound.stream().filter(ReviewDecision::isVote).toList();
    if (groups.isEmpty()) {
      return votes.size() + (votes.size() == 1 ? " vote" : " votes");
    }
    long voted = groups.stream().filter(g -> votes.stream().anyMatch(v -> g.equals(v.groupId()))).count();
    java.util.List<String> parts = new java.util.ArrayList<>();
    parts.add(voted + " of " + groups.size() + " " + who + (groups.size() == 1 ? "" : "s") + " voted");
    for (String group : groups) {
      String decided = votes.stream().filter(v -> group.equals(v.groupId())).map(v -> io.openpmo.core.Labels.value(
          v.decision())).findFirst().orElse("pending");
      parts.add(io.openpmo.core.Labels.group(group) + ": " + decided);
    }
    return String.join(" · ", parts);
  }

  /** Process variables to set after a vote (flags that end a multi-instance review early). */
  Map<String, Object> afterVote(String stage, String decision);

  /** Subject-specific form rules, on top of decision and comment (e.g. conditions for GO_WITH_CONDITIONS). */
  default void validate(String stage, Vote vote) {
  }

  /** Called in the vote's transaction once it is recorded (e.g. to create the conditions it sets). */
  default void onVote(ReviewTask task, ReviewDecision recorded, Vote vote) {
  }

  /** A short name of the subject for lists of votes: "Request (G0)", "G1 (attempt 2)", "PRJ-2026-0003-CR1". */
  String label(long subjectId);

  /**
   * Facts about a reviewed subject; {@code barredPersons} says who may not review it and why, e.g. the sponsor
   * ({@link Bar#sponsor}). A subject of no project (a model change) has no {@code projectId}; its
   * {@code projectCode} is then the subject's own code.
   */
  record SubjectFacts(Long projectId, String projectCode, String title, String summary,
      Map<String, Bar> barredPersons) {
  }

  /**
   * Why a person is barred from a review, as a verb phrase for "you" and for somebody else: "sponsor PRJ-2026-0014"
   * and "sponsors PRJ-2026-0014".
   */
  record Bar(String asYou, String asThey) {

    public static Bar requester(String what) {
      return new Bar("requested " + what, "requested " + what);
    }

    public static Bar proposer(String what) {
      return new Bar("proposed " + what, "proposed " + what);
    }

    public static Bar sponsor(String code) {
      return new Bar("sponsor " + code, "sponsors " + code);
    }
  }
}
