package io.openpmo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Portfolio reviews, their rounds, tasks and decisions, and the portfolio plans, on PostgreSQL. */
class PortfolioReviewMapperTest extends PostgresMapperTest {

  static final LocalDate JAN = LocalDate.of(2027, 1, 1);
  static final OffsetDateTime T0 = TestRows.NOW;

  @Autowired PortfolioReviewMapper mapper;
  @Autowired ScenarioMapper scenarios;

  long scenarioA;
  long scenarioB;

  @BeforeEach
  void twoScenarios() {
    scenarioA = scenario("PR-SC-A");
    scenarioB = scenario("PR-SC-B");
  }

  long scenario(String code) {
    return scenarios.insert(new Scenario(null, code, code, JAN, 12, new BigDecimal("1000000"), Scenario.SOLVED, null,
        "nora", T0, "nora", T0, null, null, null, null, null, null, null, null, null, null, null));
  }

  long review(String code, String status) {
    return mapper.insert(new PortfolioReview(null, code, JAN, 12, status, 1, "nora", null, null, null, null, T0));
  }

  PortfolioReview.Decision decision(long reviewId, int round, String by, String decision, Long scenarioId,
      String taskId, OffsetDateTime at) {
    return new PortfolioReview.Decision(null, reviewId, round, "REVIEW", "investment-committee", by, decision,
        scenarioId, null, "because", taskId, at);
  }

  @Test
  void aReviewIsReadBackAsWrittenAndCodesComeFromASequence() {
    long number = mapper.nextCodeNumber();
    assertThat(mapper.nextCodeNumber()).isEqualTo(number + 1);
    long first = review("PR-T-FIRST", PortfolioReview.PREPARING);
    long id = review("PR-T-" + number, PortfolioReview.PREPARING);
    assertThat(mapper.attachProcess(id, "process-1")).isOne();
    assertThat(mapper.attachProcess(id, "process-2")).isZero();

    PortfolioReview read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(new PortfolioReview(id,
        "PR-T-" + number, JAN, 12, PortfolioReview.PREPARING, 1, "nora", "process-1", null, null, null, null));
    assertThat(read.createdAt().toInstant()).isEqualTo(T0.toInstant());
    assertThat(mapper.findByCode("PR-T-" + number)).map(PortfolioReview::id).contains(id);
    assertThat(mapper.findAll()).extracting(PortfolioReview::id).containsSubsequence(id, first);
  }

  @Test
  void aCodeIsTakenOnce() {
    review("PR-T-1", PortfolioReview.PREPARING);
    assertThatThrownBy(() -> review("PR-T-1", PortfolioReview.PREPARING)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aNewRoundGoesBackToPreparationWithItsOwnScenarios() {
    long id = review("PR-T-1", PortfolioReview.PREPARING);
    mapper.insertRoundScenario(id, scenarioB, 1);
    mapper.insertRoundScenario(id, scenarioA, 1);
    assertThat(mapper.setStatus(id, PortfolioReview.IN_REVIEW)).isOne();

    assertThat(mapper.nextRound(id)).isOne();
    mapper.insertRoundScenario(id, scenarioB, 2);

    PortfolioReview read = mapper.findById(id).orElseThrow();
    assertThat(read.reviewRound()).isEqualTo(2);
    assertThat(read.status()).isEqualTo(PortfolioReview.PREPARING);
    assertThat(mapper.findRoundScenarios(id, 1)).containsExactly(Math.min(scenarioA, scenarioB),
        Math.max(scenarioA, scenarioB));
    assertThat(mapper.findRoundScenarios(id, 2)).containsExactly(scenarioB);
  }

  @Test
  void onlyAReviewAwaitingApprovalIsApprovedAndOnlyOnce() {
    long id = review("PR-T-1", PortfolioReview.IN_REVIEW);
    assertThat(mapper.approve(id, scenarioA, "sam", T0)).isZero();
    mapper.setStatus(id, PortfolioReview.AWAITING_APPROVAL);

    assertThat(mapper.approve(id, scenarioA, "sam", T0.plusDays(1))).isOne();
    assertThat(mapper.approve(id, scenarioB, "rita", T0.plusDays(2))).isZero();

    PortfolioReview read = mapper.findById(id).orElseThrow();
    assertThat(read.status()).isEqualTo(PortfolioReview.APPROVED);
    assertThat(read.approvedScenarioId()).isEqualTo(scenarioA);
    assertThat(read.decidedBy()).isEqualTo("sam");
    assertThat(read.decidedAt().toInstant()).isEqualTo(T0.plusDays(1).toInstant());
  }

  @Test
  void aTaskIsRecordedAndReadBack() {
    long id = review("PR-T-1", PortfolioReview.IN_REVIEW);
    mapper.insertTask(new PortfolioReview.Task("task-1", id, 1, "REVIEW", "investment-committee", T0));

    PortfolioReview.Task read = mapper.findTask("task-1").orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("createdAt")
        .isEqualTo(new PortfolioReview.Task("task-1", id, 1, "REVIEW", "investment-committee", null));
    assertThat(read.createdAt().toInstant()).isEqualTo(T0.toInstant());
    assertThat(mapper.findTask("task-none")).isEmpty();
  }

  @Test
  void decisionsAreListedByTimeWithTheScenarioTheyName() {
    long id = review("PR-T-1", PortfolioReview.IN_REVIEW);
    mapper.insertDecision(decision(id, 1, "rita", "REWORK", null, "task-2", T0.plusHours(1)));
    mapper.insertDecision(decision(id, 1, "paul", "ENDORSE", scenarioB, "task-1", T0));

    var decisions = mapper.findDecisions(id);
    assertThat(decisions).extracting(PortfolioReview.Decision::decidedBy).containsExactly("paul", "rita");
    assertThat(decisions.get(0)).usingRecursiveComparison().ignoringFields("id", "decidedAt")
        .isEqualTo(new PortfolioReview.Decision(null, id, 1, "REVIEW", "investment-committee", "paul", "ENDORSE",
            scenarioB, "PR-SC-B", "because", "task-1", null));
    assertThat(decisions.get(1).scenarioCode()).isNull();
    assertThat(mapper.findDecisions(review("PR-T-2", PortfolioReview.IN_REVIEW))).isEmpty();
  }

  @Test
  void aPersonDecidesOncePerRoundAndStage() {
    long id = review("PR-T-1", PortfolioReview.IN_REVIEW);
    mapper.insertDecision(decision(id, 1, "paul", "ENDORSE", scenarioA, "task-1", T0));
    mapper.insertDecision(decision(id, 2, "paul", "ENDORSE", scenarioA, "task-2", T0));

    assertThatThrownBy(() -> mapper.insertDecision(decision(id, 1, "paul", "REWORK", null, "task-3", T0)))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void theDatabaseRefusesADecisionOutsideTheVocabulary() {
    long id = review("PR-T-1", PortfolioReview.IN_REVIEW);
    assertThatThrownBy(() -> mapper.insertDecision(decision(id, 1, "paul", "SHRUG", null, "task-1", T0)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  PortfolioReview.Plan plan(LocalDate from, int months, long scenarioId, long reviewId, OffsetDateTime at) {
    return new PortfolioReview.Plan(null, from, months, scenarioId, null, reviewId, null, "IN_FORCE", "sam", at);
  }

  @Test
  void aLaterPlanForTheSamePeriodSupersedesTheEarlierOne() {
    long review = review("PR-T-1", PortfolioReview.APPROVED);
    long scenarioC = scenario("PR-SC-C");
    mapper.insertPlan(plan(JAN, 12, scenarioA, review, T0));
    mapper.insertPlan(plan(JAN.plusYears(1), 12, scenarioC, review, T0));

    assertThat(mapper.supersedePlans(JAN, 12)).isOne();
    assertThat(mapper.supersedePlans(JAN, 6)).isZero();
    mapper.insertPlan(plan(JAN, 12, scenarioB, review, T0.plusDays(1)));

    assertThat(mapper.findPlans(true)).extracting(PortfolioReview.Plan::scenarioCode)
        .containsSubsequence("PR-SC-C", "PR-SC-B").doesNotContain("PR-SC-A");
    var all = mapper.findPlans(false).stream().filter(p -> p.reviewId() == review).toList();
    assertThat(all).extracting(PortfolioReview.Plan::scenarioCode).containsExactly("PR-SC-C", "PR-SC-B", "PR-SC-A");
    assertThat(all.get(2)).usingRecursiveComparison().ignoringFields("id", "approvedAt")
        .isEqualTo(new PortfolioReview.Plan(null, JAN, 12, scenarioA, "PR-SC-A", review, "PR-T-1", "SUPERSEDED", "sam",
            null));
    assertThat(all.get(2).approvedAt().toInstant()).isEqualTo(T0.toInstant());
  }

  @Test
  void aScenarioBecomesAPlanOnce() {
    long review = review("PR-T-1", PortfolioReview.APPROVED);
    mapper.insertPlan(plan(JAN, 12, scenarioA, review, T0));
    assertThatThrownBy(() -> mapper.insertPlan(plan(JAN, 12, scenarioA, review, T0)))
        .isInstanceOf(DuplicateKeyException.class);
  }
}
