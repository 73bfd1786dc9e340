package io.openpmo.review;

/** The review a task stands for: subject, round, stage and reviewing group. */
public record ReviewTask(String taskId, String processInstanceId, ReviewSubjectType subjectType, long subjectId,
    int round, String stage, String group) {
}
