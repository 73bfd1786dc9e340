package io.openpmo.boardpack;

import io.openpmo.project.Health;
import io.openpmo.core.EngineAccess;
import io.openpmo.planning.PortfolioReview;
import io.openpmo.planning.PortfolioReviews;
import io.openpmo.planning.ScenarioRows;
import io.openpmo.planning.ScenarioService;
import io.openpmo.planning.ScenarioView;
import io.openpmo.report.OpenTasks;
import io.openpmo.report.PortfolioReport;
import io.openpmo.report.PortfolioReportService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles what the management body's pack says about a period, from the portfolio report, the status history,
 * the risk register, the portfolio plan in force, the audit trail, the open tasks and the benefits reviews.
 */
@Service
public class BoardPackContents {

  /** What counts as a decision or change of the period, from the audit trail. */
  static final List<String> DECISIONS = List.of("PROJECT_APPROVED", "PROJECT_REJECTED", "GATE_DECIDED",
      "BASELINE_IN_FORCE", "CHANGE_APPLIED", "CHANGE_REJECTED", "EMERGENCY_CHANGE_APPLIED",
      "EMERGENCY_CHANGE_ROLLED_BACK", "PROJECT_ON_HOLD", "PROJECT_RESUMED", "PROJECT_STOPPED", "PROJECT_CANCELLED",
      "PROJECT_CLOSED", "PORTFOLIO_PLAN_ADOPTED", "OBJECTIVE_CREATED", "OBJECTIVE_UPDATED");
  static final int TOP_RISKS = 10;
  static final int TREND_MONTHS = 6;
  private static final int DETAILS = 300;

  private final BoardPackMapper mapper;
  private final PortfolioReportService portfolio;
  private final OpenTasks openTasks;
  private final PortfolioReviews reviews;
  private final ScenarioService scenarios;
  private final EngineAccess engineAccess;
  private final Clock clock;

  public BoardPackContents(BoardPackMapper mapper, PortfolioReportService portfolio, OpenTasks openTasks,
      PortfolioReviews reviews, ScenarioService scenarios, EngineAccess engineAccess, Clock clock) {
    this.mapper = mapper;
    this.portfolio = portfolio;
    this.openTasks = openTasks;
    this.reviews = reviews;
    this.scenarios = scenarios;
    this.engineAccess = engineAccess;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public BoardPackContent assemble(LocalDate from, LocalDate to) {
    Instant now = clock.instant();
    PortfolioReport report = portfolio.report(false);
    List<BoardPackContent.RiskLine> register = mapper.openRisksAndIssues();
    return new BoardPackContent(now.truncatedTo(ChronoUnit.SECONDS), from, to, health(report, to),
        budget(report, from, to),
        register.stream().filter(r -> "RISK".equals(r.kind()))
            .sorted(Comparator.comparing((BoardPackContent.RiskLine r) -> r.score() == null ? 0 : r.score())
                .reversed().thenComparing(BoardPackContent.RiskLine::code))
            .limit(TOP_RISKS).toList(),
        register.stream().filter(r -> "ISSUE".equals(r.kind()) && "CRITICAL".equals(r.severity())).toList(),
        mapper.doraProjects(),
        mapper.decisions(from.atStartOfDay().atOffset(ZoneOffset.UTC),
            to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), DECISIONS).stream()
            .map(d -> new BoardPackContent.DecisionLine(d.at(), d.code(), d.action(), d.actor(),
                d.details() != null && d.details().length() > DETAILS ? d.details().substring(0, DETAILS) + " ..."
                    : d.details()))
            .toList(),
        overdue(now), benefits());
  }

  private BoardPackContent.Health health(PortfolioReport report, LocalDate to) {
    Map<String, Integer> current = new LinkedHashMap<>();
    report.byHealth().forEach(group -> current.put(group.key(), group.count()));
    List<BoardPackMapper.Rating> ratings = mapper.ratings();
    List<BoardPackContent.HealthMonth> trend = new ArrayList<>();
    YearMonth last = YearMonth.from(to);
    for (int back = TREND_MONTHS - 1; back >= 0; back--) {
      YearMonth month = last.minusMonths(back);
      LocalDate end = month.atEndOfMonth();
      Map<Long, String> latest = new HashMap<>();
      for (BoardPackMapper.Rating r : ratings) {
        if (!r.reportDate().isAfter(end)) {
          latest.put(r.projectId(), r.health());
        }
      }
      int green = count(latest, Health.GREEN.name());
      int amber = count(latest, Health.AMBER.name());
      int red = count(latest, Health.RED.name());
      trend.add(new BoardPackContent.HealthMonth(month.toString(), green, amber, red,
          Math.max(0, report.projectCount() - green - amber - red)));
    }
    return new BoardPackContent.Health(current, trend);
  }

  private static int count(Map<Long, String> latest, String health) {
    return (int) latest.values().stream().filter(health::equals).count();
  }

  private BoardPackContent.Budget budget(PortfolioReport report, LocalDate from, LocalDate to) {
    PortfolioReview.Plan plan = reviews.plans(true).stream()
        .filter(p -> !p.periodFrom().isAfter(to) && !p.periodFrom().plusMonths(p.months()).isBefore(from.plusDays(1)))
        .findFirst().orElse(null);
    Map<String, ScenarioRows.Candidate> planned = new HashMap<>();
    BigDecimal plannedSpend = null;
    if (plan != null) {
      ScenarioView view = scenarios.view(plan.scenarioCode());
      view.candidates().forEach(c -> planned.put(c.projectCode(), c));
      plannedSpend = BigDecimal.ZERO;
      for (ScenarioView.QuarterLine q : view.quarters()) {
        plannedSpend = plannedSpend.add(q.spend());
      }
    }
    List<BoardPackContent.ProjectBudget> lines = new ArrayList<>();
    for (PortfolioReport.ProjectLine line : report.projects()) {
      ScenarioRows.Candidate c = planned.get(line.code());
      String inPlan = plan == null ? "no plan" : c == null ? "not in plan"
          : Boolean.TRUE.equals(c.funded()) ? "funded from " + YearMonth.from(c.plannedStart()) : "cut";
      lines.add(new BoardPackContent.ProjectBudget(line.code(), line.title(), line.health(), line.budget(),
          line.budgetAtCompletion(), line.actualCost(), line.cpi(), inPlan,
          c != null && Boolean.TRUE.equals(c.funded()) ? c.totalCost() : null));
    }
    return new BoardPackContent.Budget(report.totals(), plan == null ? null : plan.scenarioCode(), plannedSpend, lines);
  }

  private List<BoardPackContent.OverdueLine> overdue(Instant now) {
    return engineAccess.asSystem(() -> openTasks.overdue(Date.from(now)).stream()
        .filter(open -> open.code() != null)
        .map(open -> new BoardPackContent.OverdueLine(open.code(), open.task().getName(), open.groupList(),
            open.task().getAssignee(), open.task().getDueDate().toInstant(),
            ChronoUnit.DAYS.between(open.task().getDueDate().toInstant(), now)))
        .toList());
  }

  private BoardPackContent.Benefits benefits() {
    List<BoardPackContent.BenefitLine> lines = mapper.benefits();
    List<BoardPackContent.BenefitLine> reviewed = lines.stream().filter(b -> b.realised() != null).toList();
    BigDecimal expected = reviewed.stream().map(BoardPackContent.BenefitLine::expected).filter(Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal realised = reviewed.stream().map(BoardPackContent.BenefitLine::realised)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new BoardPackContent.Benefits(expected, realised,
        expected.signum() == 0 ? null : realised.divide(expected, 4, RoundingMode.HALF_UP), lines);
  }

  static OffsetDateTime utc(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }
}
