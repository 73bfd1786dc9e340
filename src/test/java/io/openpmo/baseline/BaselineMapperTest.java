package io.openpmo.baseline;

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

/** Baselines and milestones on PostgreSQL: versions, the draft, the version in force at a moment. */
class BaselineMapperTest extends PostgresMapperTest {

  static final LocalDate START = LocalDate.of(2027, 1, 1);
  static final LocalDate END = LocalDate.of(2027, 12, 31);

  @Autowired BaselineMapper mapper;

  long projectId;

  @BeforeEach
  void aProject() {
    projectId = given.project();
  }

  long insert(long project, int version, String status, OffsetDateTime effectiveFrom) {
    return mapper.insert(new Baseline(null, project, version, status, new BigDecimal("1000000.00"), START, END,
        "plan v" + version, "paul", TestRows.NOW, effectiveFrom, null));
  }

  @Test
  void aBaselineIsReadBackAsWritten() {
    Baseline written = new Baseline(null, projectId, 1, Baseline.IN_FORCE, new BigDecimal("1234567.89"), START, END,
        "approved at G1", "paul", TestRows.NOW, TestRows.NOW.plusDays(1), 77L);
    long id = mapper.insert(written);

    Baseline read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "createdAt", "effectiveFrom").isEqualTo(written);
    assertThat(read.createdAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(read.effectiveFrom().toInstant()).isEqualTo(TestRows.NOW.plusDays(1).toInstant());
  }

  @Test
  void versionsCountPerProject() {
    assertThat(mapper.nextVersion(projectId)).isOne();
    assertThat(mapper.nextVersion(projectId)).isEqualTo(2);
    assertThat(mapper.nextVersion(given.project())).isOne();
  }

  @Test
  void theDraftAndTheVersionsOfAProject() {
    long v2 = insert(projectId, 2, Baseline.DRAFT, null);
    long v1 = insert(projectId, 1, Baseline.IN_FORCE, TestRows.NOW);
    insert(given.project(), 1, Baseline.DRAFT, null);

    assertThat(mapper.findDraft(projectId)).map(Baseline::id).contains(v2);
    assertThat(mapper.findByProject(projectId)).extracting(Baseline::id).containsExactly(v1, v2);
  }

  @Test
  void theVersionInForceAtAMomentIsTheLatestEffectiveOneThen() {
    OffsetDateTime t0 = TestRows.NOW;
    long v1 = insert(projectId, 1, Baseline.SUPERSEDED, t0);
    long v2 = insert(projectId, 2, Baseline.IN_FORCE, t0.plusDays(10));
    insert(projectId, 3, Baseline.DRAFT, null);
    insert(projectId, 4, Baseline.DISCARDED, t0.plusDays(5));

    assertThat(mapper.findInForceAt(projectId, t0.minusSeconds(1))).isEmpty();
    assertThat(mapper.findInForceAt(projectId, t0)).map(Baseline::id).contains(v1);
    assertThat(mapper.findInForceAt(projectId, t0.plusDays(9))).map(Baseline::id).contains(v1);
    assertThat(mapper.findInForceAt(projectId, t0.plusDays(10))).map(Baseline::id).contains(v2);
  }

  @Test
  void aStatusChangeSetsTheEffectiveMomentOnlyWhenGiven() {
    long id = insert(projectId, 1, Baseline.DRAFT, null);

    assertThat(mapper.setStatus(id, Baseline.IN_FORCE, TestRows.NOW)).isOne();
    assertThat(mapper.setStatus(id, Baseline.SUPERSEDED, null)).isOne();

    Baseline read = mapper.findById(id).orElseThrow();
    assertThat(read.status()).isEqualTo(Baseline.SUPERSEDED);
    assertThat(read.effectiveFrom().toInstant()).isEqualTo(TestRows.NOW.toInstant());
  }

  @Test
  void supersedingTouchesOnlyTheOtherVersionsInForceOfTheProject() {
    long old = insert(projectId, 1, Baseline.IN_FORCE, TestRows.NOW);
    long draft = insert(projectId, 2, Baseline.DRAFT, null);
    long current = insert(projectId, 3, Baseline.IN_FORCE, TestRows.NOW.plusDays(1));
    long elsewhere = insert(given.project(), 1, Baseline.IN_FORCE, TestRows.NOW);

    assertThat(mapper.supersedeInForce(projectId, current)).isOne();

    assertThat(mapper.findById(old).orElseThrow().status()).isEqualTo(Baseline.SUPERSEDED);
    assertThat(mapper.findById(draft).orElseThrow().status()).isEqualTo(Baseline.DRAFT);
    assertThat(mapper.findById(current).orElseThrow().status()).isEqualTo(Baseline.IN_FORCE);
    assertThat(mapper.findById(elsewhere).orElseThrow().status()).isEqualTo(Baseline.IN_FORCE);
  }

  @Test
  void anUpdateRewritesTheDraftsFigures() {
    long id = insert(projectId, 1, Baseline.DRAFT, null);
    long other = insert(projectId, 2, Baseline.DRAFT, null);

    assertThat(mapper.update(new Baseline(id, projectId, 1, Baseline.DRAFT, new BigDecimal("900000.00"),
        START.plusMonths(1), END.plusMonths(2), "replanned", "nora", TestRows.NOW.plusHours(1), null, 5L))).isOne();

    Baseline read = mapper.findById(id).orElseThrow();
    assertThat(read.budgetAtCompletion()).isEqualByComparingTo("900000");
    assertThat(read.startDate()).isEqualTo(START.plusMonths(1));
    assertThat(read.endDate()).isEqualTo(END.plusMonths(2));
    assertThat(read.reason()).isEqualTo("replanned");
    assertThat(read.createdBy()).isEqualTo("nora");
    assertThat(read.changeRequestId()).isEqualTo(5L);
    assertThat(mapper.findById(other).orElseThrow().reason()).isEqualTo("plan v2");
  }

  @Test
  void milestonesComeInOrderAndAreReplacedPerBaseline() {
    long id = insert(projectId, 1, Baseline.DRAFT, null);
    long other = insert(projectId, 2, Baseline.DRAFT, null);
    mapper.insertMilestone(new Milestone(null, id, "Go-live", END, 2));
    mapper.insertMilestone(new Milestone(null, id, "Design signed", START.plusMonths(2), 1));
    mapper.insertMilestone(new Milestone(null, other, "Go-live", END, 1));

    assertThat(mapper.findMilestones(id)).extracting(Milestone::name, Milestone::dueDate, Milestone::ordinal)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Design signed", START.plusMonths(2), 1),
            org.assertj.core.groups.Tuple.tuple("Go-live", END, 2));
    assertThat(mapper.findMilestones(id)).allSatisfy(m -> assertThat(m.baselineId()).isEqualTo(id));

    assertThat(mapper.deleteMilestones(id)).isEqualTo(2);
    assertThat(mapper.findMilestones(id)).isEmpty();
    assertThat(mapper.findMilestones(other)).hasSize(1);
  }

  @Test
  void theProjectsCurrentBaselineIsSetAndCleared() {
    long id = insert(projectId, 1, Baseline.IN_FORCE, TestRows.NOW);

    assertThat(mapper.setCurrentBaseline(projectId, id)).isOne();
    assertThat(given.projectRow(projectId).currentBaselineId()).isEqualTo(id);
    assertThat(mapper.setCurrentBaseline(projectId, null)).isOne();
    assertThat(given.projectRow(projectId).currentBaselineId()).isNull();
  }

  @Test
  void aVersionIsTakenOncePerProject() {
    insert(projectId, 1, Baseline.DRAFT, null);
    assertThatThrownBy(() -> insert(projectId, 1, Baseline.DRAFT, null)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aBaselineEndsAfterItStarts() {
    assertThatThrownBy(() -> mapper.insert(new Baseline(null, projectId, 1, Baseline.DRAFT, BigDecimal.TEN, END,
        START, null, "paul", TestRows.NOW, null, null))).isInstanceOf(DataIntegrityViolationException.class);
  }
}
