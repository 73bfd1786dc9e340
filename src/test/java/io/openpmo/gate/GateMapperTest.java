package io.openpmo.gate;

import io.openpmo.project.GateOutcome;
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

/** Gate reviews and their conditions on PostgreSQL. */
class GateMapperTest extends PostgresMapperTest {

  @Autowired GateMapper mapper;

  long projectId;

  @BeforeEach
  void aProject() {
    projectId = given.project();
  }

  long open(String gate, OffsetDateTime openedAt) {
    int attempt = mapper.nextAttempt(projectId, gate);
    return mapper.insert(new GateReview(null, projectId, gate, attempt, null, null, null, null, "process-" + gate,
        openedAt, null));
  }

  @Test
  void aReviewOpensAndIsDecidedWithEveryColumnReadBack() {
    long id = open("G1", TestRows.NOW);
    String checklist = "[{\"item\":\"Business case signed\",\"done\":true}]";
    assertThat(mapper.setReviewers(id, "pmo,risk")).isOne();
    assertThat(mapper.setChecklist(id, checklist)).isOne();
    assertThat(mapper.decide(id, "GO_WITH_CONDITIONS", TestRows.NOW.plusDays(2))).isOne();

    GateReview read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("openedAt", "decidedAt").isEqualTo(new GateReview(id,
        projectId, "G1", 1, GateReview.DECIDED, GateOutcome.GO_WITH_CONDITIONS, "pmo,risk", checklist, "process-G1", null,
        null));
    assertThat(read.openedAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(read.decidedAt().toInstant()).isEqualTo(TestRows.NOW.plusDays(2).toInstant());
  }

  @Test
  void aGateIsDecidedOnceTheSecondDecisionChangesNothing() {
    long id = open("G1", TestRows.NOW);
    assertThat(mapper.decide(id, "GO", TestRows.NOW.plusDays(1))).isOne();
    assertThat(mapper.decide(id, "STOP", TestRows.NOW.plusDays(2))).isZero();
    GateReview read = mapper.findById(id).orElseThrow();
    assertThat(read.outcome()).isEqualTo(GateOutcome.GO);
    assertThat(read.decidedAt().toInstant()).isEqualTo(TestRows.NOW.plusDays(1).toInstant());
  }

  @Test
  void aNewReviewIsOpenAndUndecided() {
    GateReview read = mapper.findById(open("G2", TestRows.NOW)).orElseThrow();
    assertThat(read.status()).isEqualTo(GateReview.OPEN);
    assertThat(read.outcome()).isNull();
    assertThat(read.reviewerGroups()).isNull();
    assertThat(read.checklist()).isNull();
    assertThat(read.decidedAt()).isNull();
  }

  @Test
  void attemptsAreCountedPerProjectAndGate() {
    assertThat(mapper.nextAttempt(projectId, "G1")).isOne();
    assertThat(mapper.nextAttempt(projectId, "G1")).isEqualTo(2);
    assertThat(mapper.nextAttempt(projectId, "G2")).isOne();
    assertThat(mapper.nextAttempt(given.project(), "G1")).isOne();
  }

  @Test
  void aProjectsReviewsAreListedInTheOrderTheyOpened() {
    long second = open("G2", TestRows.NOW.plusDays(30));
    long first = open("G1", TestRows.NOW);
    long otherProjects = mapper.insert(new GateReview(null, given.project(), "G1", 1, null, null, null, null, null,
        TestRows.NOW, null));

    assertThat(mapper.findByProject(projectId)).extracting(GateReview::id).containsExactly(first, second)
        .doesNotContain(otherProjects);
  }

  @Test
  void anAttemptOfAGateIsTakenOnce() {
    mapper.insert(new GateReview(null, projectId, "G1", 1, null, null, null, null, null, TestRows.NOW, null));

    assertThatThrownBy(() -> mapper.insert(new GateReview(null, projectId, "G1", 1, null, null, null, null, null,
        TestRows.NOW, null))).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void theDatabaseRefusesAnOutcomeOutsideTheVocabulary() {
    long id = open("G1", TestRows.NOW);
    assertThatThrownBy(() -> mapper.decide(id, "MAYBE", TestRows.NOW)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aConditionIsReadBackOpenAndClosedOnce() {
    long reviewId = open("G1", TestRows.NOW);
    mapper.insertCondition(new GateCondition(null, reviewId, projectId, "Hire a test lead", "nora", "paul",
        LocalDate.of(2027, 3, 1), null, null, null, null));
    mapper.insertCondition(new GateCondition(null, reviewId, projectId, "Fix the DPIA", "nora", null, null, null, null,
        null, null));
    var conditions = mapper.findConditions(projectId);
    assertThat(conditions).extracting(GateCondition::description).containsExactly("Hire a test lead", "Fix the DPIA");
    long id = conditions.get(0).id();
    assertThat(mapper.findCondition(id)).contains(new GateCondition(id, reviewId, projectId, "Hire a test lead",
        "nora", "paul", LocalDate.of(2027, 3, 1), GateCondition.OPEN, null, null, null));

    assertThat(mapper.closeCondition(id, GateCondition.MET, "paul", TestRows.NOW, "hired")).isOne();
    assertThat(mapper.closeCondition(id, GateCondition.WAIVED, "sam", TestRows.NOW, "too late")).isZero();

    GateCondition closed = mapper.findCondition(id).orElseThrow();
    assertThat(closed.status()).isEqualTo(GateCondition.MET);
    assertThat(closed.closedBy()).isEqualTo("paul");
    assertThat(closed.note()).isEqualTo("hired");
    assertThat(closed.closedAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findCondition(conditions.get(1).id()).orElseThrow().status()).isEqualTo(GateCondition.OPEN);
  }

  @Test
  void aConditionBelongsToAnExistingReview() {
    assertThatThrownBy(() -> mapper.insertCondition(new GateCondition(null, -1L, projectId, "Orphan", "nora", null,
        null, null, null, null, null))).isInstanceOf(DataIntegrityViolationException.class);
  }
}
