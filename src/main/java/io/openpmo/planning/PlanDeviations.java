package io.openpmo.planning;

import io.openpmo.planning.optimiser.Candidate;
import io.openpmo.planning.optimiser.Exclusion;
import io.openpmo.planning.optimiser.Ledger;
import io.openpmo.planning.optimiser.PortfolioProblem;
import io.openpmo.planning.optimiser.PortfolioResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deviations from the portfolio plans in force, worked out from the live portfolio each time they are asked for:
 * funded projects over their planned cost or late to start, dropped ones, cut ones started anyway, and requests made
 * after the plan that do not fit what the plan leaves (checked like an exclusion: what adding the request at its
 * best start would break).
 */
@Service
public class PlanDeviations {

  private final PortfolioReviewMapper reviews;
  private final ScenarioMapper scenarioMapper;
  private final ScenarioService scenarios;
  private final Clock clock;

  public PlanDeviations(PortfolioReviewMapper reviews, ScenarioMapper scenarioMapper, ScenarioService scenarios,
      Clock clock) {
    this.reviews = reviews;
    this.scenarioMapper = scenarioMapper;
    this.scenarios = scenarios;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<PlanDeviation> all() {
    List<PlanDeviation> deviations = new ArrayList<>();
    YearMonth now = YearMonth.now(clock);
    for (PortfolioReview.Plan plan : reviews.findPlans(true)) {
      deviations.addAll(of(plan, now));
    }
    return deviations;
  }

  private List<PlanDeviation> of(PortfolioReview.Plan plan, YearMonth now) {
    List<PlanDeviation> deviations = new ArrayList<>();
    String period = YearMonth.from(plan.periodFrom()).toString();
    for (PortfolioSource.PlanLine line : scenarioMapper.planLines(plan.scenarioId())) {
      boolean funded = Boolean.TRUE.equals(line.funded());
      boolean started = "ACTIVE".equals(line.status()) && line.baselineStart() != null;
      if (funded && List.of("REJECTED", "WITHDRAWN", "CANCELLED", "STOPPED").contains(line.status())) {
        deviations.add(new PlanDeviation(plan.scenarioCode(), period, line.code(), line.title(),
            PlanDeviation.Kind.DROPPED, "Funded by the plan, now " + line.status()));
        continue;
      }
      if (funded) {
        BigDecimal current = line.budgetAtCompletion() != null ? line.budgetAtCompletion() : line.budget();
        if (current != null && line.referenceCost() != null && current.compareTo(line.referenceCost()) > 0) {
          BigDecimal over = current.subtract(line.referenceCost());
          deviations.add(new PlanDeviation(plan.scenarioCode(), period, line.code(), line.title(),
              PlanDeviation.Kind.COST_OVER_PLAN, (line.budgetAtCompletion() != null ? "BAC " : "Budget ")
              + money(current) + " is " + money(over) + " over the planned " + money(line.referenceCost()) + " ("
              + over.multiply(BigDecimal.valueOf(100)).divide(line.referenceCost(), 1, RoundingMode.HALF_UP)
                  .toPlainString() + "%)"));
        }
        YearMonth planned = line.plannedStart() == null ? null : YearMonth.from(line.plannedStart());
        if (planned != null && !ScenarioRows.Candidate.IN_DELIVERY.equals(line.kind())) {
          if (!started && planned.isBefore(now)) {
            deviations.add(new PlanDeviation(plan.scenarioCode(), period, line.code(), line.title(),
                PlanDeviation.Kind.START_LATE, "Planned to start " + planned + ", not started (" + line.status()
                + ")"));
          } else if (started && YearMonth.from(line.baselineStart()).isAfter(planned)) {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(planned, YearMonth.from(line.baselineStart()));
            deviations.add(new PlanDeviation(plan.scenarioCode(), period, line.code(), line.title(),
                PlanDeviation.Kind.START_LATE, "Baseline starts " + YearMonth.from(line.baselineStart()) + ", "
                + months + (months == 1 ? " month" : " months") + " after the planned " + planned));
          }
        }
      } else if (started && !ScenarioRows.Candidate.IN_DELIVERY.equals(line.kind())) {
        deviations.add(new PlanDeviation(plan.scenarioCode(), period, line.code(), line.title(),
            PlanDeviation.Kind.UNPLANNED_START, "Cut from the plan (" + line.exclusion() + "), in delivery all the same"));
      }
    }
    deviations.addAll(newRequests(plan, period, now));
    return deviations;
  }

  private List<PlanDeviation> newRequests(PortfolioReview.Plan plan, String period, YearMonth now) {
    List<PortfolioSource.Project> fresh = scenarioMapper.requestsSince(plan.approvedAt(), plan.scenarioId());
    if (fresh.isEmpty()) {
      return List.of();
    }
    ScenarioProblem stored = scenarios.problem(scenarios.get(plan.scenarioId()).code());
    PortfolioProblem base = stored.problem();
    int nowIndex = Math.max(0, (int) java.time.temporal.ChronoUnit.MONTHS.between(base.firstMonth(), now));
    List<PlanDeviation> deviations = new ArrayList<>();
    for (PortfolioSource.Project request : fresh) {
      int earliest = Math.max(nowIndex, ScenarioProblem.monthIndex(base.firstMonth(), request.startDate()));
      if (earliest >= base.months()) {
        continue;
      }
      int latest = Math.min(base.months() - 1, earliest + ScenarioService.DEFAULT_WINDOW_MONTHS);
      long total = ScenarioProblem.whole(request.budget());
      int duration = request.durationMonths();
      long[] monthly = new long[duration];
      for (int k = 0; k < duration; k++) {
        monthly[k] = k < duration - 1 ? total / duration : total - (total / duration) * (duration - 1);
      }
      List<Candidate> candidates = new ArrayList<>(base.candidates());
      candidates.add(new Candidate(request.code(), 0, 0, false, false, earliest, latest, monthly, List.of()));
      PortfolioProblem withRequest = new PortfolioProblem(base.firstMonth(), base.months(), base.budgetTotal(),
          base.quarterBudget(), base.roles(), base.capacity(), candidates);
      Integer[] starts = java.util.Arrays.copyOf(stored.storedStarts(), candidates.size());
      Exclusion fit = PortfolioResult.explain(withRequest, Ledger.of(withRequest, starts), candidates.size() - 1);
      if (!fit.wouldBreak().isEmpty()) {
        deviations.add(new PlanDeviation(plan.scenarioCode(), period, request.code(), request.title(),
            PlanDeviation.Kind.NEW_REQUEST_DOES_NOT_FIT, "Requested after the plan; at its best start ("
            + base.month(fit.bestStart()) + ") it would break: " + fit.describe()));
      }
    }
    return deviations;
  }

  private static String money(BigDecimal amount) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(amount);
  }
}
