package io.openpmo.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The evidence the project state machine checks, and the instructions and task decisions it records, on PostgreSQL. */
class GovernanceMapperTest extends PostgresMapperTest {

  static final OffsetDateTime T0 = TestRows.NOW;

  @Autowired GovernanceMapper mapper;

  long projectId;

  @BeforeEach
  void aProject() {
    projectId = given.project();
  }

  @Test
  void theVotesOfARoundLeaveRecusalsOutInTheOrderTheyWereCast() {
    long late = given.vote(projectId, "PROJECT_REQUEST", projectId, 1, "rita", "APPROVE", T0.plusMinutes(10));
    long early = given.vote(projectId, "PROJECT_REQUEST", projectId, 1, "paul", "REWORK", T0);
    given.vote(projectId, "PROJECT_REQUEST", projectId, 1, "nora", "RECUSED", T0.plusMinutes(5));
    given.vote(projectId, "PROJECT_REQUEST", projectId, 2, "nora", "APPROVE", T0.plusMinutes(20));
    given.vote(projectId, "GATE_REVIEW", projectId, 1, "sam", "GO", T0.plusMinutes(20));

    var votes = mapper.votes("PROJECT_REQUEST", projectId, 1);
    assertThat(votes).extracting(Evidence.Vote::id).containsExactly(early, late);
    assertThat(votes.get(0)).usingRecursiveComparison().ignoringFields("decidedAt")
        .isEqualTo(new Evidence.Vote(early, "FUNCTIONAL", "risk", "paul", "REWORK", null));
    assertThat(votes.get(0).decidedAt().toInstant()).isEqualTo(T0.toInstant());
    assertThat(mapper.votes("PROJECT_REQUEST", projectId, 3)).isEmpty();
  }

  @Test
  void theRequiredApprovalsInRoutingOrder() {
    given.requiredApproval(projectId, "board", "COMMITTEE", 2);
    given.requiredApproval(projectId, "risk", "FUNCTIONAL", 1);

    assertThat(mapper.requiredApprovals(projectId)).containsExactly(
        new Evidence.RequiredApproval("risk", "FUNCTIONAL", 1), new Evidence.RequiredApproval("board", "COMMITTEE", 2));
  }

  @Test
  void theLatestAttemptOfAGateAndTheLatestDecidedGate() {
    long g1First = given.gateReview(projectId, "G1", 1, "RECYCLE", T0.plusDays(1));
    long g1Second = given.gateReview(projectId, "G1", 2, null, null);
    long g2 = given.gateReview(projectId, "G2", 1, "GO", T0.plusDays(30));
    given.gateReview(given.project(), "G3", 1, "STOP", T0.plusDays(60));

    assertThat(mapper.latestGate(projectId, "G1")).map(Evidence.Gate::id).contains(g1Second);
    assertThat(mapper.latestGate(projectId, "G3")).isEmpty();
    assertThat(mapper.latestDecidedGate(projectId)).map(Evidence.Gate::id).contains(g2);
    Evidence.Gate read = mapper.gate(g1First).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("decidedAt")
        .isEqualTo(new Evidence.Gate(g1First, projectId, "G1", 1, "DECIDED", "RECYCLE", "pmo, risk", null));
    assertThat(read.decidedAt().toInstant()).isEqualTo(T0.plusDays(1).toInstant());
    assertThat(read.reviewerGroupList()).containsExactly("pmo", "risk");
  }

  @Test
  void instructionsOfAKindNewestFirst() {
    mapper.insertInstruction(projectId, "WITHDRAWAL", "rita", "REQUESTER", "no longer needed", T0);
    mapper.insertInstruction(projectId, "WITHDRAWAL", "nora", "PMO", null, T0.plusHours(1));
    mapper.insertInstruction(projectId, "CANCELLATION", "sam", "SPONSOR", "budget cut", T0.plusHours(2));

    var withdrawals = mapper.instructions(projectId, "WITHDRAWAL");
    assertThat(withdrawals).extracting(Evidence.Instruction::givenBy, Evidence.Instruction::capacity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("nora", "PMO"),
            org.assertj.core.groups.Tuple.tuple("rita", "REQUESTER"));
    assertThat(withdrawals.get(0).givenAt().toInstant()).isEqualTo(T0.plusHours(1).toInstant());
  }

  @Test
  void theDatabaseRefusesAnInstructionInAnUnknownCapacity() {
    assertThatThrownBy(() -> mapper.insertInstruction(projectId, "WITHDRAWAL", "eve", "BYSTANDER", null, T0))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theLatestDecisionOfAnActionIsTheOneThatCounts() {
    assertThat(mapper.insertTaskDecision("task-1", projectId, "HOLD_OR_STOP", "HOLD", "wait", "nora", T0)).isOne();
    assertThat(mapper.insertTaskDecision("task-2", projectId, "HOLD_OR_STOP", "STOP", null, "nora", T0.plusDays(1)))
        .isOne();
    mapper.insertTaskDecision("task-3", projectId, "RED_INTERVENTION", "REPLAN", null, "nora", T0.plusDays(2));

    Evidence.TaskDecision latest = mapper.latestTaskDecision(projectId, "HOLD_OR_STOP").orElseThrow();
    assertThat(latest.decision()).isEqualTo("STOP");
    assertThat(latest.comment()).isNull();
    assertThat(latest.decidedBy()).isEqualTo("nora");
    assertThat(latest.decidedAt().toInstant()).isEqualTo(T0.plusDays(1).toInstant());
    assertThat(mapper.latestTaskDecision(projectId, "PM_EXCEPTION")).isEmpty();
  }

  @Test
  void aTaskIsDecidedOnce() {
    mapper.insertTaskDecision("task-1", projectId, "HOLD_OR_STOP", "HOLD", null, "nora", T0);
    assertThatThrownBy(() -> mapper.insertTaskDecision("task-1", projectId, "HOLD_OR_STOP", "STOP", null, "sam", T0))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aChangeAndABaselineAreReadAsEvidence() {
    long change = given.changeRequest(projectId, "PRJ-G-CR1", "IN_REAPPROVAL");
    given.setChangeRequest(change, "approver_groups = ?, reapproval_required = TRUE, reapproval_groups = ?",
        "pmo,steering", "investment-committee");
    long baseline = given.baseline(projectId, 1, "DRAFT", "1000000", LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31));

    assertThat(mapper.change(change)).contains(new Evidence.Change(change, projectId, "PRJ-G-CR1", "IN_REAPPROVAL",
        false, "pmo,steering", true, "investment-committee", null, null));
    assertThat(mapper.baseline(baseline)).contains(new Evidence.Baseline(baseline, projectId, 1, "DRAFT", null));
    assertThat(mapper.change(-1)).isEmpty();
    assertThat(mapper.baseline(-1)).isEmpty();
  }
}
