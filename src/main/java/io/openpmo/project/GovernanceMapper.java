package io.openpmo.project;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The governance records the state machine checks transitions against (statements in GovernanceMapper.xml):
 * votes, required approvals, gate reviews, instructions, task decisions, change requests and baselines.
 * Read-only views of other features' tables, plus the two tables the governance owns itself
 * (instructions and task decisions).
 */
@Mapper
interface GovernanceMapper {

  List<Evidence.Vote> votes(@Param("subjectType") String subjectType, @Param("subjectId") long subjectId,
      @Param("round") int round);

  List<Evidence.RequiredApproval> requiredApprovals(@Param("projectId") long projectId);

  Optional<Evidence.Gate> latestGate(@Param("projectId") long projectId, @Param("gate") String gate);

  Optional<Evidence.Gate> latestDecidedGate(@Param("projectId") long projectId);

  Optional<Evidence.Gate> gate(@Param("id") long gateReviewId);

  List<Evidence.Instruction> instructions(@Param("projectId") long projectId, @Param("kind") String kind);

  Optional<Evidence.TaskDecision> latestTaskDecision(@Param("projectId") long projectId, @Param("action") String action);

  Optional<Evidence.Change> change(@Param("id") long changeId);

  Optional<Evidence.Baseline> baseline(@Param("id") long baselineId);

  void insertInstruction(@Param("projectId") long projectId, @Param("kind") String kind, @Param("givenBy") String givenBy,
      @Param("capacity") String capacity, @Param("reason") String reason, @Param("givenAt") OffsetDateTime givenAt);

  int insertTaskDecision(@Param("taskId") String taskId, @Param("projectId") long projectId,
      @Param("action") String action, @Param("decision") String decision, @Param("comment") String comment,
      @Param("decidedBy") String decidedBy, @Param("decidedAt") OffsetDateTime decidedAt);
}
