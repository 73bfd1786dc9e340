package io.openpmo.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.project.PriorityClass;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import io.openpmo.report.PortfolioReport.Group;
import io.openpmo.report.PortfolioReport.ProjectLine;
import io.openpmo.support.PostgresMapperTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portfolio report's one query on PostgreSQL: a line per project with the BAC of its baseline in force and the
 * figures of its latest status report, and the totals and groups the report sums from those lines.
 */
class ReportMapperTest extends PostgresMapperTest {

  static final LocalDate MARCH = LocalDate.of(2027, 3, 31);
  static final LocalDate APRIL = LocalDate.of(2027, 4, 30);

  @Autowired ReportMapper mapper;

  long delivering;
  long requested;
  long closed;
  long rejected;
  long withdrawn;
  Set<String> codes;

  @BeforeEach
  void aPortfolio() {
    delivering = given.project(ProjectStatus.ACTIVE, ProjectPhase.DELIVERY);
    given.setProject(delivering, "priority_class = ?, risk_tier = ?, health = ?, project_manager = ?,"
        + " process_instance_id = ?, missed_reports = ?, budget = ?", "P1", "HIGH", "RED", "paul", "process-1", 2,
        new BigDecimal("2000000.00"));
    long inForce = given.baselineInForce(delivering, "1800000.00");
    given.baseline(delivering, 2, "DRAFT", "2500000.00", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30));
    given.statusReport(delivering, inForce, APRIL, "500000.00", "600000.00", "450000.00", "AMBER");
    given.statusReport(delivering, inForce, MARCH, "300000.00", "350000.00", "300000.00", "GREEN");
    given.statusReport(delivering, inForce, APRIL, "520000.00", "600000.00", "480000.00", "RED");

    requested = given.project();
    given.setProject(requested, "budget = ?, priority_class = ?, risk_tier = ?", new BigDecimal("400000.00"), "P3",
        "LOW");

    closed = given.project(ProjectStatus.CLOSED, ProjectPhase.CLOSED);
    given.setProject(closed, "budget = ?, health = ?", new BigDecimal("100000.00"), "GREEN");
    long closedBaseline = given.baselineInForce(closed, "90000.00");
    given.statusReport(closed, closedBaseline, MARCH, "80000.00", "90000.00", "90000.00", "GREEN");

    rejected = given.project(ProjectStatus.REJECTED, ProjectPhase.INITIATION);
    withdrawn = given.project(ProjectStatus.WITHDRAWN, ProjectPhase.INITIATION);
    codes = Set.of(given.code(delivering), given.code(requested), given.code(closed), given.code(rejected),
        given.code(withdrawn));
  }

  List<ProjectLine> lines(boolean includeFinished) {
    return mapper.portfolio(includeFinished).stream().filter(line -> codes.contains(line.code())).toList();
  }

  ProjectLine line(List<ProjectLine> lines, long projectId) {
    String code = given.code(projectId);
    return lines.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void aLineCarriesTheProjectTheBaselineInForceAndTheLatestStatusReport() {
    ProjectLine line = line(lines(false), delivering);

    assertThat(line).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(new ProjectLine(given.code(delivering), given.projectRow(delivering).title(), ProjectStatus.ACTIVE,
            ProjectPhase.DELIVERY, PriorityClass.P1, RiskTier.HIGH, "RED", new BigDecimal("2000000"),
            new BigDecimal("1800000"), new BigDecimal("520000"), new BigDecimal("600000"), new BigDecimal("480000"),
            new BigDecimal("0.9231"), new BigDecimal("0.8000"), "paul", "sam", "process-1", 2));
  }

  @Test
  void aProjectWithoutBaselineOrReportHasNoFigures() {
    ProjectLine line = line(lines(false), requested);

    assertThat(line.status()).isEqualTo(ProjectStatus.SUBMITTED);
    assertThat(line.priorityClass()).isEqualTo(PriorityClass.P3);
    assertThat(line.riskTier()).isEqualTo(RiskTier.LOW);
    assertThat(line.health()).isNull();
    assertThat(line.budgetAtCompletion()).isNull();
    assertThat(Arrays.asList(line.actualCost(), line.plannedValue(), line.earnedValue(), line.cpi(), line.spi()))
        .containsOnlyNulls();
    assertThat(line.projectManager()).isNull();
    assertThat(line.missedReports()).isZero();
  }

  @Test
  void rejectedAndWithdrawnProjectsOnlyWhenFinishedOnesAreWanted() {
    List<String> ordered = codes.stream().sorted().toList();

    assertThat(lines(true)).extracting(ProjectLine::code).containsExactlyElementsOf(ordered);
    assertThat(lines(false)).extracting(ProjectLine::code).containsExactlyElementsOf(ordered.stream()
        .filter(c -> !c.equals(given.code(rejected)) && !c.equals(given.code(withdrawn))).toList());
  }

  @Test
  void theTotalsSumTheLinesAndTheIndicesComeFromTheSums() {
    PortfolioReport.Totals totals = PortfolioReportService.totals(lines(false));

    assertThat(totals.budget()).isEqualByComparingTo("2500000");
    assertThat(totals.budgetAtCompletion()).isEqualByComparingTo("1890000");
    assertThat(totals.actualCost()).isEqualByComparingTo("600000");
    assertThat(totals.plannedValue()).isEqualByComparingTo("690000");
    assertThat(totals.earnedValue()).isEqualByComparingTo("570000");
    assertThat(totals.cpi()).isEqualByComparingTo("0.9500");
    assertThat(totals.spi()).isEqualByComparingTo("0.8261");
  }

  @Test
  void theGroupsCountAndSumTheBudgetPerKey() {
    List<ProjectLine> lines = lines(true);

    assertThat(PortfolioReportService.groups(lines, Arrays.asList(ProjectStatus.values()), ProjectLine::status, false))
        .containsExactly(new Group("SUBMITTED", 1, new BigDecimal("400000.00")),
            new Group("REJECTED", 1, new BigDecimal("1500000.00")),
            new Group("WITHDRAWN", 1, new BigDecimal("1500000.00")),
            new Group("ACTIVE", 1, new BigDecimal("2000000.00")),
            new Group("CLOSED", 1, new BigDecimal("100000.00")));
    assertThat(PortfolioReportService.groups(lines, Arrays.asList(ProjectPhase.values()), ProjectLine::phase, false))
        .extracting(Group::key, Group::count).containsExactly(
            org.assertj.core.groups.Tuple.tuple("INITIATION", 3), org.assertj.core.groups.Tuple.tuple("DELIVERY", 1),
            org.assertj.core.groups.Tuple.tuple("CLOSED", 1));
    assertThat(PortfolioReportService.groups(lines, PortfolioReportService.HEALTH_ORDER,
        l -> l.health() == null ? PortfolioReport.NO_HEALTH : l.health(), true))
        .extracting(Group::key, Group::count).containsExactly(
            org.assertj.core.groups.Tuple.tuple("GREEN", 1), org.assertj.core.groups.Tuple.tuple("AMBER", 0),
            org.assertj.core.groups.Tuple.tuple("RED", 1), org.assertj.core.groups.Tuple.tuple("NONE", 3));
  }
}
