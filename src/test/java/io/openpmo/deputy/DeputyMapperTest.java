package io.openpmo.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** Deputyships and what deputies did, on PostgreSQL: the period queries and ending a deputyship once. */
class DeputyMapperTest extends PostgresMapperTest {

  static final LocalDate MAY_1 = LocalDate.of(2027, 5, 1);

  @Autowired DeputyMapper mapper;

  long name(String principal, String deputy, LocalDate from, LocalDate to) {
    DeputyMapper.NewDeputyship row = new DeputyMapper.NewDeputyship(new Deputyship(null, principal, deputy, from, to,
        "holiday", principal, TestRows.NOW, null, null, null));
    mapper.insert(row);
    return row.id;
  }

  @Test
  void aDeputyshipIsReadBackAsWrittenWithTheIdTheDatabaseGave() {
    long id = name("sam", "paul", MAY_1, MAY_1.plusDays(13));
    assertThat(mapper.attachProcess(id, "process-9")).isOne();

    Deputyship read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("namedAt").isEqualTo(new Deputyship(id, "sam", "paul",
        MAY_1, MAY_1.plusDays(13), "holiday", "sam", null, null, null, "process-9"));
    assertThat(read.namedAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
    assertThat(mapper.findById(id + 1000)).isEmpty();
  }

  @Test
  void theActiveQueriesIncludeTheFirstAndLastDayAndLeaveEndedOnesOut() {
    long may = name("sam", "paul", MAY_1, MAY_1.plusDays(9));
    long ended = name("sam", "paul", MAY_1, MAY_1.plusDays(9));
    assertThat(mapper.end(ended, TestRows.NOW, "sam")).isOne();
    name("nora", "paul", MAY_1.plusDays(20), MAY_1.plusDays(30));

    assertThat(mapper.activeAsDeputy("paul", MAY_1)).extracting(Deputyship::id).containsExactly(may);
    assertThat(mapper.activeAsDeputy("paul", MAY_1.plusDays(9))).extracting(Deputyship::id).containsExactly(may);
    assertThat(mapper.activeAsDeputy("paul", MAY_1.plusDays(10))).isEmpty();
    assertThat(mapper.activeAsDeputy("paul", MAY_1.minusDays(1))).isEmpty();
    assertThat(mapper.activeForPrincipal("sam", MAY_1.plusDays(5))).extracting(Deputyship::id).containsExactly(may);
    assertThat(mapper.activeForPrincipal("paul", MAY_1.plusDays(5))).isEmpty();
  }

  @Test
  void overlappingFindsPeriodsTouchingTheRangeForPrincipalOrDeputy() {
    long early = name("sam", "paul", MAY_1, MAY_1.plusDays(9));
    long late = name("nora", "sam", MAY_1.plusDays(20), MAY_1.plusDays(30));
    name("nora", "paul", MAY_1, MAY_1.plusDays(30));

    assertThat(mapper.overlapping("sam", MAY_1.plusDays(9), MAY_1.plusDays(20))).extracting(Deputyship::id)
        .containsExactly(early, late);
    assertThat(mapper.overlapping("sam", MAY_1.plusDays(10), MAY_1.plusDays(19))).isEmpty();
  }

  @Test
  void searchFiltersByPersonAndPeriodNewestFirst() {
    long old = name("sam", "paul", MAY_1.minusMonths(2), MAY_1.minusMonths(1));
    long current = name("sam", "paul", MAY_1, MAY_1.plusDays(9));
    long namedByPmo = name("nora", "rita", MAY_1.plusDays(1), MAY_1.plusDays(2));

    assertThat(mapper.search("sam", null)).extracting(Deputyship::id).containsExactly(current, old);
    assertThat(mapper.search("sam", MAY_1)).extracting(Deputyship::id).containsExactly(current);
    assertThat(mapper.search(null, MAY_1)).extracting(Deputyship::id).containsExactly(namedByPmo, current);
    assertThat(mapper.asDeputy("paul")).extracting(Deputyship::id).containsExactly(current, old);
  }

  @Test
  void aDeputyshipEndsOnce() {
    long id = name("sam", "paul", MAY_1, MAY_1.plusDays(9));

    assertThat(mapper.end(id, TestRows.NOW, "sam")).isOne();
    assertThat(mapper.end(id, TestRows.NOW.plusHours(1), "pmo-lead")).isZero();

    Deputyship ended = mapper.findById(id).orElseThrow();
    assertThat(ended.endedBy()).isEqualTo("sam");
    assertThat(ended.endedAt().toInstant()).isEqualTo(TestRows.NOW.toInstant());
  }

  @Test
  void actionsOnAProjectAreListedInTheOrderTheyWereDone() {
    long projectId = given.project();
    long id = name("sam", "paul", MAY_1, MAY_1.plusDays(9));
    mapper.insertAction("task-2", id, "paul", "sam", projectId, "Decide hold", TestRows.NOW.plusMinutes(5));
    mapper.insertAction("task-1", id, "paul", "sam", projectId, "Accept closure", TestRows.NOW);
    mapper.insertAction("task-3", id, "paul", "sam", null, "Not about a project", TestRows.NOW);

    assertThat(mapper.actionsOnProject(projectId)).containsExactly(
        new DeputyAction("task-1", id, "paul", "sam", projectId, "Accept closure", TestRows.NOW),
        new DeputyAction("task-2", id, "paul", "sam", projectId, "Decide hold", TestRows.NOW.plusMinutes(5)));
  }

  @Test
  void nobodyIsTheirOwnDeputy() {
    assertThatThrownBy(() -> name("sam", "sam", MAY_1, MAY_1.plusDays(1)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aPeriodEndsOnOrAfterItsStart() {
    assertThatThrownBy(() -> name("sam", "paul", MAY_1, MAY_1.minusDays(1)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
