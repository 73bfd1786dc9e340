package io.openpmo.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.support.PostgresMapperTest;
import io.openpmo.support.TestRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Scenarios, what they are made of, and what the portfolio offers when one is made, on PostgreSQL. */
class ScenarioMapperTest extends PostgresMapperTest {

  static final LocalDate JAN = LocalDate.of(2027, 1, 1);

  @Autowired ScenarioMapper mapper;

  static Scenario draft(String code) {
    return new Scenario(null, code, "Plan " + code, JAN, 12, new BigDecimal("5000000.00"), Scenario.DRAFT, null,
        "nora", TestRows.NOW, "nora", TestRows.NOW, null, null, null, null, null, null, null, null, null, null, null);
  }

  long insert(String code) {
    return mapper.insert(draft(code));
  }

  static ScenarioRows.Candidate candidate(long scenarioId, long projectId, String kind) {
    return new ScenarioRows.Candidate(scenarioId, projectId, null, null, kind, 80, new BigDecimal("900000.00"), 4,
        1200L, false, null, "NONE", JAN, JAN.plusMonths(3), 12, new BigDecimal("1500000.00"),
        new BigDecimal("1500000.00"), null, null, null, null);
  }

  @Test
  void aScenarioIsReadBackAsWrittenAndCodesComeFromASequence() {
    long number = mapper.nextCodeNumber();
    assertThat(mapper.nextCodeNumber()).isEqualTo(number + 1);
    long base = insert("SC-T-BASE");
    Scenario written = new Scenario(null, "SC-T-" + number, "Growth", JAN, 18, new BigDecimal("7500000.50"),
        Scenario.DRAFT, base, "nora", TestRows.NOW, "paul", TestRows.NOW.plusHours(1), null, null, null, null, null,
        null, null, null, null, null, 0);
    long id = mapper.insert(written);

    Scenario read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison().ignoringFields("id", "createdAt", "updatedAt")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(written);
    assertThat(read.updatedAt().toInstant()).isEqualTo(TestRows.NOW.plusHours(1).toInstant());
    assertThat(mapper.findByCode("SC-T-" + number)).map(Scenario::id).contains(id);
    assertThat(mapper.findAll()).extracting(Scenario::id).containsSubsequence(id, base);
  }

  @Test
  void aHeadChangeWinsOnlyOnTheVersionItRead() {
    long id = insert("SC-T-1");

    assertThat(mapper.updateHead(id, 0, "Renamed", new BigDecimal("4000000"), Scenario.DRAFT, "paul",
        TestRows.NOW.plusMinutes(1))).isOne();
    assertThat(mapper.updateHead(id, 0, "Lost update", BigDecimal.ONE, Scenario.DRAFT, "rita", TestRows.NOW))
        .isZero();

    Scenario read = mapper.findById(id).orElseThrow();
    assertThat(read.name()).isEqualTo("Renamed");
    assertThat(read.budgetTotal()).isEqualByComparingTo("4000000");
    assertThat(read.updatedBy()).isEqualTo("paul");
    assertThat(read.version()).isOne();
  }

  @Test
  void aSolutionIsRecordedOnlyOnTheVersionItWasSolvedFrom() {
    long id = insert("SC-T-1");
    Scenario solved = new Scenario(id, null, null, null, null, null, Scenario.SOLVED, null, null, null, null, null,
        "nora", TestRows.NOW.plusMinutes(5), 1234L, "CP_SAT", "0hard/-12soft", true, 5400L, 5100L,
        new BigDecimal("4800000.00"), "[]", 0);

    assertThat(mapper.recordSolution(solved)).isOne();
    assertThat(mapper.recordSolution(solved)).isZero();
    assertThat(mapper.setStatus(id, Scenario.IN_REVIEW)).isOne();

    Scenario read = mapper.findById(id).orElseThrow();
    assertThat(read).usingRecursiveComparison()
        .comparingOnlyFields("solvedBy", "solveMillis", "solveMethod", "score", "feasible", "valueFunded",
            "greedyValue", "costInPeriod", "violations")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(solved);
    assertThat(read.solvedAt().toInstant()).isEqualTo(TestRows.NOW.plusMinutes(5).toInstant());
    assertThat(read.status()).isEqualTo(Scenario.IN_REVIEW);
    assertThat(read.version()).isEqualTo(2);
  }

  @Test
  void aCodeIsTakenOnce() {
    insert("SC-T-1");
    assertThatThrownBy(() -> insert("SC-T-1")).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void quarterBudgetsAndCapacityAreKeptPerScenarioInOrder() {
    long id = insert("SC-T-1");
    long other = insert("SC-T-2");
    mapper.insertQuarterBudget(id, "2027-Q2", new BigDecimal("1000000"));
    mapper.insertQuarterBudget(id, "2027-Q1", new BigDecimal("1500000"));
    mapper.insertQuarterBudget(other, "2027-Q1", BigDecimal.ONE);
    mapper.insertCapacity(id, new ScenarioRows.Capacity("tester", JAN, new BigDecimal("4.00"), new BigDecimal("1.50")));
    mapper.insertCapacity(id, new ScenarioRows.Capacity("architect", JAN.plusMonths(1), new BigDecimal("2.00"),
        BigDecimal.ZERO));
    mapper.insertCapacity(id, new ScenarioRows.Capacity("architect", JAN, new BigDecimal("2.00"),
        new BigDecimal("0.50")));

    assertThat(mapper.findQuarterBudgets(id)).extracting(ScenarioRows.QuarterBudget::quarter)
        .containsExactly("2027-Q1", "2027-Q2");
    assertThat(mapper.findCapacity(id)).extracting(ScenarioRows.Capacity::role, ScenarioRows.Capacity::monthStart)
        .containsExactly(tuple("architect", JAN), tuple("architect", JAN.plusMonths(1)), tuple("tester", JAN));
    assertThat(mapper.findCapacity(id).get(2).committedFte()).isEqualByComparingTo("1.5");
    assertThat(mapper.deleteQuarterBudgets(id)).isEqualTo(2);
    assertThat(mapper.findQuarterBudgets(id)).isEmpty();
    assertThat(mapper.findQuarterBudgets(other)).hasSize(1);
  }

  @Test
  void candidatesCarryTheirProjectAndTheirSettingsAndResults() {
    long id = insert("SC-T-1");
    long project = given.project();
    long second = given.project();
    mapper.insertCandidate(candidate(id, project, ScenarioRows.Candidate.REQUEST));
    mapper.insertCandidate(candidate(id, second, ScenarioRows.Candidate.REQUEST));

    ScenarioRows.Candidate read = mapper.findCandidates(id).get(0);
    assertThat(read).usingRecursiveComparison().ignoringFields("projectCode", "title")
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(candidate(id, project, ScenarioRows.Candidate.REQUEST));
    assertThat(read.projectCode()).isEqualTo(given.code(project));
    assertThat(read.title()).isEqualTo(given.projectRow(project).title());

    ScenarioRows.Candidate settings = new ScenarioRows.Candidate(id, project, null, null, null, null, null, null, null,
        true, "DORA deadline", "IN", JAN.plusMonths(1), JAN.plusMonths(2), null, null, null, null, null, null, null);
    assertThat(mapper.updateCandidateSettings(settings)).isOne();
    ScenarioRows.Candidate result = new ScenarioRows.Candidate(id, project, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, true, JAN.plusMonths(1), new BigDecimal("1375000.00"), null);
    assertThat(mapper.recordCandidateResult(result)).isOne();
    assertThat(mapper.recordCandidateResult(new ScenarioRows.Candidate(id, second, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, false, null, null, "over budget"))).isOne();

    ScenarioRows.Candidate funded = mapper.findCandidates(id).get(0);
    assertThat(funded.mandatory()).isTrue();
    assertThat(funded.mandatoryReason()).isEqualTo("DORA deadline");
    assertThat(funded.pin()).isEqualTo("IN");
    assertThat(funded.earliestStart()).isEqualTo(JAN.plusMonths(1));
    assertThat(funded.funded()).isTrue();
    assertThat(funded.plannedStart()).isEqualTo(JAN.plusMonths(1));
    assertThat(funded.costInPeriod()).isEqualByComparingTo("1375000");
    assertThat(mapper.findCandidates(id).get(1).exclusion()).isEqualTo("over budget");

    assertThat(mapper.clearResults(id)).isEqualTo(2);
    assertThat(mapper.findCandidates(id)).allSatisfy(c -> {
      assertThat(c.funded()).isNull();
      assertThat(c.plannedStart()).isNull();
      assertThat(c.costInPeriod()).isNull();
      assertThat(c.exclusion()).isNull();
      assertThat(c.totalCost()).isEqualByComparingTo("1500000");
    });
  }

  @Test
  void costsAndDemandBelongToACandidate() {
    long id = insert("SC-T-1");
    long project = given.project();
    long other = given.project();
    mapper.insertCandidate(candidate(id, project, ScenarioRows.Candidate.REQUEST));
    mapper.insertCandidate(candidate(id, other, ScenarioRows.Candidate.REQUEST));
    mapper.insertCost(id, new ScenarioRows.Cost(project, 1, new BigDecimal("120000")));
    mapper.insertCost(id, new ScenarioRows.Cost(project, 0, new BigDecimal("100000")));
    mapper.insertDemand(id, new ScenarioRows.Demand(project, "tester", 0, new BigDecimal("1.00")));
    mapper.insertDemand(id, new ScenarioRows.Demand(project, "architect", 1, new BigDecimal("0.50")));
    mapper.insertDemand(id, new ScenarioRows.Demand(project, "architect", 0, new BigDecimal("0.50")));
    mapper.insertDemand(id, new ScenarioRows.Demand(other, "architect", 0, new BigDecimal("1.00")));

    assertThat(mapper.findCosts(id)).extracting(ScenarioRows.Cost::monthOffset).containsExactly(0, 1);
    assertThat(mapper.findDemand(id)).filteredOn(d -> d.projectId() == project)
        .extracting(ScenarioRows.Demand::role, ScenarioRows.Demand::monthOffset)
        .containsExactly(tuple("architect", 0), tuple("architect", 1), tuple("tester", 0));
    assertThat(mapper.deleteDemand(id, project)).isEqualTo(3);
    assertThat(mapper.findDemand(id)).extracting(ScenarioRows.Demand::projectId).containsExactly(other);
  }

  @Test
  void aCostNeedsItsCandidate() {
    long id = insert("SC-T-1");
    long project = given.project();
    assertThatThrownBy(() -> mapper.insertCost(id, new ScenarioRows.Cost(project, 0, BigDecimal.ONE)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theSourceIsTheLiveProjectsWithTheirBaselineInForceAndLatestActualCost() {
    long request = given.project();
    long delivering = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    long baseline = given.baselineInForce(delivering, "1400000.00");
    given.statusReport(delivering, baseline, LocalDate.of(2027, 3, 31), "300000", "300000", "300000", "GREEN");
    given.statusReport(delivering, baseline, LocalDate.of(2027, 4, 30), "420000", "400000", "380000", "AMBER");
    long rejected = given.project(ProjectStatus.REJECTED, ProjectPhase.INITIATION);
    long closed = given.project(ProjectStatus.CLOSED, ProjectPhase.CLOSED);
    Set<String> mine = Set.of(given.code(request), given.code(delivering), given.code(rejected), given.code(closed));

    List<PortfolioSource.Project> source = mapper.sourceProjects().stream().filter(p -> mine.contains(p.code()))
        .toList();

    assertThat(source).extracting(PortfolioSource.Project::id)
        .containsExactlyInAnyOrder(request, delivering);
    PortfolioSource.Project inDelivery = source.stream().filter(p -> p.id() == delivering).findFirst().orElseThrow();
    assertThat(inDelivery.inDelivery()).isTrue();
    assertThat(inDelivery.currentBaselineId()).isEqualTo(baseline);
    assertThat(inDelivery.budgetAtCompletion()).isEqualByComparingTo("1400000");
    assertThat(inDelivery.baselineStart()).isEqualTo(JAN);
    assertThat(inDelivery.baselineEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(inDelivery.actualCost()).isEqualByComparingTo("420000");
    PortfolioSource.Project requested = source.stream().filter(p -> p.id() == request).findFirst().orElseThrow();
    assertThat(requested.budgetAtCompletion()).isNull();
    assertThat(requested.actualCost()).isNull();
    assertThat(requested.budget()).isEqualByComparingTo("1500000");
    assertThat(requested.durationMonths()).isEqualTo(12);
    assertThat(requested.startDate()).isEqualTo(JAN);
  }

  @Test
  void allocationsOfABaselineAreSummedPerRoleAndMonthWithoutReleasedOnes() {
    long project = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    long draft = given.baseline(project, 1, "DRAFT", "1000000", JAN, JAN.plusYears(1));
    long newerDraft = given.baseline(project, 2, "DRAFT", "1000000", JAN, JAN.plusYears(1));
    given.allocation(draft, project, "sc-tester", JAN, "0.50");
    given.allocation(draft, project, "sc-tester", JAN, "0.25");
    given.allocation(draft, project, "sc-architect", JAN.plusMonths(1), "1.00");
    given.allocation(draft, project, "sc-architect", JAN, "1.00");
    given.allocation(newerDraft, project, "sc-architect", JAN, "1.00");

    assertThat(mapper.allocations(draft)).extracting(PortfolioSource.Allocation::role,
        PortfolioSource.Allocation::monthStart).containsExactly(tuple("sc-architect", JAN),
            tuple("sc-architect", JAN.plusMonths(1)), tuple("sc-tester", JAN));
    assertThat(mapper.allocations(draft).get(2).fte()).isEqualByComparingTo("0.75");
    assertThat(mapper.latestDraftBaseline(project)).isEqualTo(newerDraft);
    assertThat(mapper.latestDraftBaseline(given.project())).isNull();
  }

  @Test
  void thePoolsCapacityIsTheSumOfItsActiveMembersPerRole() {
    given.resource("sc-anna", "sc-role-a", "1.0", true);
    given.resource("sc-ben", "sc-role-a", "0.5", true);
    given.resource("sc-cara", "sc-role-a", "1.0", false);
    given.resource("sc-dan", "sc-role-b", "0.8", true);

    assertThat(mapper.poolCapacity()).filteredOn(c -> c.role().startsWith("sc-role-"))
        .extracting(PortfolioSource.RoleCapacity::role, c -> c.capacityFte().stripTrailingZeros().toPlainString())
        .containsExactly(tuple("sc-role-a", "1.5"), tuple("sc-role-b", "0.8"));
  }

  @Test
  void planLinesShowTheCandidatesAsTheirProjectsAreNow() {
    long id = insert("SC-T-1");
    long project = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    given.baselineInForce(project, "1600000.00");
    mapper.insertCandidate(candidate(id, project, ScenarioRows.Candidate.IN_DELIVERY));

    assertThat(mapper.planLines(id)).singleElement().satisfies(line -> {
      assertThat(line.projectId()).isEqualTo(project);
      assertThat(line.code()).isEqualTo(given.code(project));
      assertThat(line.status()).isEqualTo("ACTIVE");
      assertThat(line.kind()).isEqualTo("IN_DELIVERY");
      assertThat(line.referenceCost()).isEqualByComparingTo("1500000");
      assertThat(line.budget()).isEqualByComparingTo("1500000");
      assertThat(line.budgetAtCompletion()).isEqualByComparingTo("1600000");
      assertThat(line.baselineStart()).isEqualTo(JAN);
    });
  }

  @Test
  void requestsSinceLeaveOutOlderOnesFinishedOnesAndCandidates() {
    long id = insert("SC-T-1");
    long fresh = given.project();
    long approved = given.project(ProjectStatus.APPROVED, ProjectPhase.PLANNING);
    long candidate = given.project();
    long old = given.project();
    long rejected = given.project(ProjectStatus.REJECTED, ProjectPhase.INITIATION);
    long active = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    given.setProject(old, "created_at = ?", TestRows.NOW.minusDays(10));
    mapper.insertCandidate(candidate(id, candidate, ScenarioRows.Candidate.REQUEST));
    Set<Long> mine = Set.of(fresh, approved, candidate, old, rejected, active);

    assertThat(mapper.requestsSince(TestRows.NOW.minusDays(1), id)).extracting(PortfolioSource.Project::id)
        .filteredOn(mine::contains).containsExactlyInAnyOrder(fresh, approved);
  }

  @Test
  void committedCapacityCountsPlansInForceOfProjectsOutsideTheScenario() {
    long inside = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    long outside = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    long withdrawn = given.project(ProjectStatus.WITHDRAWN, ProjectPhase.INITIATION);
    long insideBaseline = given.baselineInForce(inside, "1000000");
    long outsideBaseline = given.baselineInForce(outside, "1000000");
    long withdrawnBaseline = given.baselineInForce(withdrawn, "1000000");
    long outsideDraft = given.baseline(outside, 2, "DRAFT", "1000000", JAN, JAN.plusYears(1));
    given.allocation(insideBaseline, inside, "sc-pm", JAN, "1.00");
    given.allocation(outsideBaseline, outside, "sc-pm", JAN, "0.50");
    given.allocation(outsideBaseline, outside, "sc-pm", JAN.plusMonths(12), "0.50");
    given.allocation(outsideDraft, outside, "sc-pm", JAN, "1.00");
    given.allocation(withdrawnBaseline, withdrawn, "sc-pm", JAN, "1.00");

    assertThat(mapper.committedOutside(JAN, JAN.plusMonths(11), List.of(inside)))
        .filteredOn(a -> a.role().equals("sc-pm")).singleElement().satisfies(a -> {
          assertThat(a.monthStart()).isEqualTo(JAN);
          assertThat(a.fte()).isEqualByComparingTo("0.50");
          assertThat(a.projectId()).isNull();
        });
    assertThat(mapper.committedOutside(JAN, JAN, List.of())).filteredOn(a -> a.role().equals("sc-pm"))
        .singleElement().satisfies(a -> assertThat(a.fte()).isEqualByComparingTo("1.50"));
  }
}
