package io.openpmo.review;

/**
 * The review a task stands for: subject, round, stage and reviewing group. A review open to several groups (any
 * member of pmo or compliance, say) names them separated by commas.
 */
public record ReviewTask(String taskId, String processInstanceId, ReviewSubjectType subjectType, long subjectId,
    int round, String stage, String group) {

  /** The group, or the groups, whose members may decide this review. */
  public java.util.List<String> groups() {
    return group == null ? java.util.List.of() : java.util.Arrays.stream(group.split(",")).map(String::strip)
        .filter(g -> !g.isEmpty()).toList();
  }
}
