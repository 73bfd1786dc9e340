package io.openpmo.review;

import java.time.OffsetDateTime;

/**
 * One vote, or one conflict-of-interest declaration ({@link #RECUSED}), by one person on one subject; a deputy's
 * vote names whom they stood in for ({@code actingFor}).
 */
public record ReviewDecision(
    Long id,
    ReviewSubjectType subjectType,
    Long subjectId,
    Long projectId,
    Integer reviewRound,
    String stage,
    String groupId,
    String reviewer,
    String decision,
    String comment,
    String taskId,
    OffsetDateTime decidedAt,
    String actingFor) {

  public static final String RECUSED = "RECUSED";

  public boolean isVote() {
    return !RECUSED.equals(decision);
  }

  /** The same declaration without its private reason (a conflict-of-interest reason is for the PMO and auditors). */
  public ReviewDecision withoutConflictReason() {
    return isVote() ? this : new ReviewDecision(id, subjectType, subjectId, projectId, reviewRound, stage, groupId,
        reviewer, decision, null, taskId, decidedAt, actingFor);
  }
}
