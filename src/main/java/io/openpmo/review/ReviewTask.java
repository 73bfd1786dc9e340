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

  /** The reviewing group(s) by their labels, for people: "Steering committee" or "PMO or Compliance". */
  public String groupLabel() {
    return groups().stream().map(io.openpmo.core.Labels::group).collect(java.util.stream.Collectors.joining(" or "));
  }
}
