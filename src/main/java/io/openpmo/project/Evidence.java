package io.openpmo.project;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** What the governance records hold, as the project state machine reads them (read-only views). */
public final class Evidence {

  /** A vote on a subject (request, gate, change), never a conflict-of-interest declaration. */
  public record Vote(Long id, String stage, String groupId, String reviewer, String decision, OffsetDateTime decidedAt) {
  }

  /** An approval the routing requires of a group, in order. */
  public record RequiredApproval(String groupId, String stage, Integer ordinal) {
  }

  /** A gate review as recorded. */
  public record Gate(Long id, Long projectId, String gate, Integer attempt, String status, String outcome,
      String reviewerGroups, OffsetDateTime decidedAt) {

    public List<String> reviewerGroupList() {
      return reviewerGroups == null || reviewerGroups.isBlank() ? List.of()
          : Arrays.stream(reviewerGroups.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean decidedAs(GateOutcome... outcomes) {
      return "DECIDED".equals(status) && outcome != null
          && Arrays.stream(outcomes).anyMatch(expected -> expected.is(outcome));
    }
  }

  /** An instruction (withdrawal, cancellation) and who gave it in which capacity. */
  public record Instruction(String givenBy, String capacity, OffsetDateTime givenAt) {
  }

  /** A decision taken on a PMO task, and the comment that explains it. */
  public record TaskDecision(String decision, String comment, String decidedBy, OffsetDateTime decidedAt) {
  }

  /** A change request as the governance reads it. */
  public record Change(Long id, Long projectId, String code, String status, Boolean emergency, String approverGroups,
      Boolean reapprovalRequired, String reapprovalGroups, Long baselineBeforeId, Long baselineAfterId) {

    public List<String> groups(String stage) {
      String text = switch (stage) {
        case "REAPPROVAL" -> reapprovalGroups;
        case "EMERGENCY" -> "pmo";
        default -> approverGroups;
      };
      return text == null || text.isBlank() ? List.of()
          : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  /** A baseline version as the governance reads it. */
  public record Baseline(Long id, Long projectId, Integer version, String status, Long changeRequestId) {
  }

  private Evidence() {
  }
}
