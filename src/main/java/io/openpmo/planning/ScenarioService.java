package io.openpmo.planning;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.planning.optimiser.Ledger;
import io.openpmo.planning.optimiser.PortfolioProblem;
import io.openpmo.planning.optimiser.PortfolioResult;
import io.openpmo.planning.optimiser.Violation;
import io.openpmo.strategy.ObjectiveCatalogue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning scenarios: made from the live portfolio (requests in initiation, approved projects, projects in delivery
 * with what is left of them), changed by the PMO (budget, pins, windows, demand estimates), solved by the optimiser
 * ({@link ScenarioSolving}), read and compared. Every change is on the audit trail; a scenario under review or
 * decided cannot change (409).
 */
@Service
public class ScenarioService {

  /** A request may start up to this many months after its requested start, unless the PMO says otherwise. */
  static final int DEFAULT_WINDOW_MONTHS = 3;
  static final int DEFAULT_PERIOD_MONTHS = 12;

  private final ScenarioMapper mapper;
  private final ObjectiveCatalogue objectives;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public ScenarioService(ScenarioMapper mapper, ObjectiveCatalogue objectives, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.objectives = objectives;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Scenario> list() {
    return mapper.findAll();
  }

  @Transactional(readOnly = true)
  public Scenario get(String code) {
    return mapper.findByCode(code).orElseThrow(() -> new NotFoundException("No scenario " + code));
  }

  @Transactional(readOnly = true)
  public Scenario get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No scenario with id " + id));
  }

  @Transactional
  public Scenario create(ScenarioInput.NewScenario input, String by) {
    if (input.basedOn() != null && !input.basedOn().isBlank()) {
      return copy(input, by);
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (input.periodFrom() == null) {
      problems.add(new FieldProblem("periodFrom", "is required as YYYY-MM"));
    }
    int months = input.months() == null ? DEFAULT_PERIOD_MONTHS : input.months();
    if (months < 1 || months > 36) {
      problems.add(new FieldProblem("months", "must be between 1 and 36"));
    }
    YearMonth now = YearMonth.now(clock);
    if (input.periodFrom() != null && !input.periodFrom().plusMonths(months - 1L).isAfter(now.minusMonths(1))) {
      problems.add(new FieldProblem("periodFrom", "the period is over: it must end this month or later"));
    }
    checkBudget(input.budgetTotal(), problems);
    if (input.periodFrom() != null && months >= 1 && months <= 36) {
      checkQuarters(input.quarterBudgets(), input.periodFrom(), months, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    YearMonth first = input.periodFrom();
    Scenario scenario = insertHead(input.name(), first, months, input.budgetTotal(), null, by);
    insertQuarters(scenario.id(), input.quarterBudgets());
    gather(scenario, now);
    auditTrail.record(by, "SCENARIO_CREATED", null, null, head(scenario));
    return get(scenario.id());
  }

  private Scenario copy(ScenarioInput.NewScenario input, String by) {
    Scenario base = mapper.findByCode(input.basedOn())
        .orElseThrow(() -> new InvalidRequestException("basedOn", "is not a scenario: " + input.basedOn()));
    List<FieldProblem> problems = new ArrayList<>();
    if (input.periodFrom() != null && !input.periodFrom().equals(base.firstMonth())) {
      problems.add(new FieldProblem("periodFrom", "a variant keeps the period of " + base.code()));
    }
    if (input.months() != null && !input.months().equals(base.months())) {
      problems.add(new FieldProblem("months", "a variant keeps the period of " + base.code()));
    }
    BigDecimal budget = input.budgetTotal() == null ? base.budgetTotal() : input.budgetTotal();
    checkBudget(budget, problems);
    Map<String, BigDecimal> quarters = input.quarterBudgets();
    if (quarters == null) {
      quarters = new LinkedHashMap<>();
      for (ScenarioRows.QuarterBudget q : mapper.findQuarterBudgets(base.id())) {
        quarters.put(q.quarter(), q.budget());
      }
    }
    checkQuarters(quarters, base.firstMonth(), base.months(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Scenario scenario = insertHead(input.name() == null ? base.name() + " (variant)" : input.name(), base.firstMonth(),
        base.months(), budget, base.id(), by);
    insertQuarters(scenario.id(), quarters);
    mapper.findCapacity(base.id()).forEach(row -> mapper.insertCapacity(scenario.id(), row));
    for (ScenarioRows.Candidate c : mapper.findCandidates(base.id())) {
      mapper.insertCandidate(new ScenarioRows.Candidate(scenario.id(), c.projectId(), c.projectCode(), c.title(),
          c.kind(), c.priorityScore(), c.expectedAnnualBenefit(), c.objectiveWeight(), c.valuePoints(), c.mandatory(),
          c.mandatoryReason(), c.pin(), c.earliestStart(), c.latestStart(), c.durationMonths(), c.totalCost(),
          c.referenceCost(), null, null, null, null));
    }
    mapper.findCosts(base.id()).forEach(row -> mapper.insertCost(scenario.id(), row));
    mapper.findDemand(base.id()).forEach(row -> mapper.insertDemand(scenario.id(), row));
    Map<String, Object> details = head(scenario);
    details.put("basedOn", base.code());
    auditTrail.record(by, "SCENARIO_CREATED", null, null, details);
    return get(scenario.id());
  }

  private Scenario insertHead(String name, YearMonth first, int months, BigDecimal budget, Long basedOn, String by) {
    OffsetDateTime now = now();
    String code = String.format("SCN-%d-%03d", first.getYear(), mapper.nextCodeNumber());
    String title = name == null || name.isBlank() ? "Portfolio " + first + " (" + months + " months)" : name.strip();
    if (title.length() > 200) {
      throw new InvalidRequestException("name", "must be at most 200 characters");
    }
    long id = mapper.insert(new Scenario(null, code, title, first.atDay(1), months, budget, Scenario.DRAFT, basedOn,
        by, now, by, now, null, null, null, null, null, null, null, null, null, null, 0));
    return get(id);
  }

  private void insertQuarters(long scenarioId, Map<String, BigDecimal> quarters) {
    if (quarters != null) {
      quarters.forEach((quarter, budget) -> mapper.insertQuarterBudget(scenarioId, quarter, budget));
    }
  }

  /** The candidates of a new scenario from the live portfolio, and the capacity left for them. */
  private void gather(Scenario scenario, YearMonth today) {
    YearMonth first = scenario.firstMonth();
    int months = scenario.months();
    int nowIndex = Math.max(0, ScenarioProblem.monthIndex(first, today.atDay(1)));
    LocalDate lastDay = first.plusMonths(months - 1L).atEndOfMonth();
    Set<Long> candidateIds = new LinkedHashSet<>();
    for (PortfolioSource.Project p : mapper.sourceProjects()) {
      int weight = objectives.weightOf(p.id());
      long value = CandidateValue.points(p.priorityScore(), weight, p.expectedAnnualBenefit());
      if (p.inDelivery()) {
        YearMonth end = YearMonth.from(p.baselineEnd());
        if (end.isBefore(first.plusMonths(nowIndex))) {
          continue;
        }
        int start = nowIndex;
        int remaining = (int) ChronoUnit.MONTHS.between(first.plusMonths(start), end) + 1;
        int total = Math.max(1, (int) ChronoUnit.MONTHS.between(YearMonth.from(p.baselineStart()), end) + 1);
        BigDecimal left = p.actualCost() != null ? p.budgetAtCompletion().subtract(p.actualCost()).max(BigDecimal.ZERO)
            : p.budgetAtCompletion().multiply(BigDecimal.valueOf(Math.min(remaining, total)))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        LocalDate startMonth = first.plusMonths(start).atDay(1);
        insert(scenario, p, ScenarioRows.Candidate.IN_DELIVERY, value, weight, true, "In delivery: already committed",
            startMonth, startMonth, remaining, left, p.budgetAtCompletion());
        for (PortfolioSource.Allocation a : mapper.allocations(p.currentBaselineId())) {
          int offset = ScenarioProblem.monthIndex(first, a.monthStart()) - start;
          if (offset >= 0 && offset < remaining) {
            mapper.insertDemand(scenario.id(), new ScenarioRows.Demand(p.id(), a.role(), offset, a.fte()));
          }
        }
      } else {
        int requested = ScenarioProblem.monthIndex(first, p.startDate());
        int earliest = Math.max(nowIndex, requested);
        if (earliest >= months) {
          continue;
        }
        int latest = Math.min(months - 1, earliest + DEFAULT_WINDOW_MONTHS);
        String kind = "APPROVED".equals(p.status()) || "ACTIVE".equals(p.status()) ? ScenarioRows.Candidate.APPROVED
            : ScenarioRows.Candidate.REQUEST;
        boolean regulatory = p.regulatoryDeadline() != null && !p.regulatoryDeadline().isAfter(lastDay);
        insert(scenario, p, kind, value, weight, regulatory,
            regulatory ? "Regulatory deadline " + p.regulatoryDeadline() : null, first.plusMonths(earliest).atDay(1),
            first.plusMonths(latest).atDay(1), p.durationMonths(), p.budget(), p.budget());
        Long draft = mapper.latestDraftBaseline(p.id());
        if (draft != null) {
          for (PortfolioSource.Allocation a : mapper.allocations(draft)) {
            int offset = (int) ChronoUnit.MONTHS.between(YearMonth.from(p.startDate()), YearMonth.from(a.monthStart()));
            if (offset >= 0 && offset < p.durationMonths()) {
              mapper.insertDemand(scenario.id(), new ScenarioRows.Demand(p.id(), a.role(), offset, a.fte()));
            }
          }
        }
      }
      candidateIds.add(p.id());
    }
    Map<String, BigDecimal> pool = new HashMap<>();
    mapper.poolCapacity().forEach(r -> pool.put(r.role(), r.capacityFte()));
    Map<String, Map<LocalDate, BigDecimal>> committed = new HashMap<>();
    for (PortfolioSource.Allocation a : mapper.committedOutside(first.atDay(1), first.plusMonths(months - 1L).atDay(1),
        candidateIds)) {
      committed.computeIfAbsent(a.role(), r -> new HashMap<>()).put(a.monthStart(), a.fte());
    }
    Set<String> roles = new java.util.TreeSet<>(pool.keySet());
    roles.addAll(committed.keySet());
    mapper.findDemand(scenario.id()).forEach(d -> roles.add(d.role()));
    for (String role : roles) {
      for (int m = 0; m < months; m++) {
        LocalDate month = first.plusMonths(m).atDay(1);
        mapper.insertCapacity(scenario.id(), new ScenarioRows.Capacity(role, month,
            pool.getOrDefault(role, BigDecimal.ZERO),
            committed.getOrDefault(role, Map.of()).getOrDefault(month, BigDecimal.ZERO)));
      }
    }
  }

  private void insert(Scenario scenario, PortfolioSource.Project p, String kind, long value, int weight,
      boolean mandatory, String reason, LocalDate earliest, LocalDate latest, int duration, BigDecimal cost,
      BigDecimal reference) {
    mapper.insertCandidate(new ScenarioRows.Candidate(scenario.id(), p.id(), p.code(), p.title(), kind,
        p.priorityScore() == null ? 0 : p.priorityScore(), p.expectedAnnualBenefit(), weight, value, mandatory, reason,
        "NONE", earliest, latest, duration, cost, reference, null, null, null, null));
    // whole units a month (the optimiser counts whole units), the rest in the last month
    BigDecimal perMonth = cost.divide(BigDecimal.valueOf(duration), 0, RoundingMode.DOWN);
    BigDecimal rest = cost.subtract(perMonth.multiply(BigDecimal.valueOf(duration - 1L)));
    for (int k = 0; k < duration; k++) {
      mapper.insertCost(scenario.id(), new ScenarioRows.Cost(p.id(), k, k == duration - 1 ? rest : perMonth));
    }
  }

  @Transactional
  public Scenario change(String code, ScenarioInput.ScenarioChange change, String by) {
    Scenario scenario = editable(code);
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal budget = change.budgetTotal() == null ? scenario.budgetTotal() : change.budgetTotal();
    checkBudget(budget, problems);
    checkQuarters(change.quarterBudgets(), scenario.firstMonth(), scenario.months(), problems);
    String name = change.name() == null ? scenario.name() : change.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      problems.add(new FieldProblem("name", "must have 1 to 200 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    bump(scenario, name, budget, by);
    if (change.quarterBudgets() != null) {
      mapper.deleteQuarterBudgets(scenario.id());
      insertQuarters(scenario.id(), change.quarterBudgets());
    }
    Map<String, Object> details = head(get(scenario.id()));
    if (change.quarterBudgets() != null) {
      details.put("quarterBudgets", new java.util.TreeMap<>(change.quarterBudgets()));
    }
    auditTrail.record(by, "SCENARIO_CHANGED", null, null, details);
    return get(scenario.id());
  }

  @Transactional
  public ScenarioRows.Candidate changeCandidate(String code, String projectCode, ScenarioInput.CandidateChange change,
      String by) {
    Scenario scenario = editable(code);
    ScenarioRows.Candidate c = mapper.findCandidates(scenario.id()).stream()
        .filter(candidate -> candidate.projectCode().equals(projectCode)).findFirst()
        .orElseThrow(() -> new NotFoundException("No candidate " + projectCode + " in " + code));
    List<FieldProblem> problems = new ArrayList<>();
    String pin = change.pin() == null ? c.pin() : change.pin().strip().toUpperCase(java.util.Locale.ROOT);
    if (!List.of("IN", "OUT", "NONE").contains(pin)) {
      problems.add(new FieldProblem("pin", "must be one of IN, OUT, NONE (was " + change.pin() + ")"));
    }
    boolean mandatory = change.mandatory() == null ? c.mandatory() : change.mandatory();
    String reason = change.mandatoryReason() != null ? change.mandatoryReason().strip()
        : mandatory == c.mandatory() ? c.mandatoryReason() : null;
    if (mandatory && (reason == null || reason.isBlank())) {
      problems.add(new FieldProblem("mandatoryReason", "is required: why must it be funded?"));
    }
    if (reason != null && reason.length() > 200) {
      problems.add(new FieldProblem("mandatoryReason", "must be at most 200 characters"));
    }
    if ("OUT".equals(pin) && mandatory) {
      problems.add(new FieldProblem("pin", "a mandatory candidate cannot be pinned out"));
    }
    LocalDate earliest = change.earliestStart() == null ? c.earliestStart() : change.earliestStart().atDay(1);
    LocalDate latest = change.latestStart() == null ? c.latestStart() : change.latestStart().atDay(1);
    boolean windowChanged = !earliest.equals(c.earliestStart()) || !latest.equals(c.latestStart());
    if (windowChanged && ScenarioRows.Candidate.IN_DELIVERY.equals(c.kind())) {
      problems.add(new FieldProblem("earliestStart", "a project in delivery has started: its start cannot move"));
    } else if (windowChanged) {
      LocalDate first = scenario.periodFrom();
      LocalDate last = scenario.periodTo();
      if (earliest.isBefore(first) || earliest.isAfter(last)) {
        problems.add(new FieldProblem("earliestStart", "must lie in the period " + YearMonth.from(first) + " to "
            + YearMonth.from(last)));
      }
      if (latest.isBefore(earliest) || latest.isAfter(last)) {
        problems.add(new FieldProblem("latestStart", "must lie between earliestStart and " + YearMonth.from(last)));
      }
    }
    List<ScenarioInput.DemandEstimate> demand = change.demand();
    if (demand != null) {
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < demand.size(); i++) {
        ScenarioInput.DemandEstimate d = demand.get(i);
        if (d == null || d.role() == null || !d.role().matches("[A-Z][A-Z_]{1,49}")) {
          problems.add(new FieldProblem("demand[" + i + "].role", "must be an upper-case role such as DEVELOPER"));
        } else if (!seen.add(d.role())) {
          problems.add(new FieldProblem("demand[" + i + "].role", "appears twice: " + d.role()));
        }
        if (d == null || d.fte() == null || d.fte().signum() <= 0 || d.fte().compareTo(new BigDecimal("50")) > 0
            || d.fte().scale() > 2) {
          problems.add(new FieldProblem("demand[" + i + "].fte", "must be more than 0 and at most 50, in hundredths"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    bump(scenario, scenario.name(), scenario.budgetTotal(), by);
    ScenarioRows.Candidate updated = new ScenarioRows.Candidate(scenario.id(), c.projectId(), c.projectCode(),
        c.title(), c.kind(), c.priorityScore(), c.expectedAnnualBenefit(), c.objectiveWeight(), c.valuePoints(),
        mandatory, mandatory ? reason : null, pin, earliest, latest, c.durationMonths(), c.totalCost(),
        c.referenceCost(), null, null, null, null);
    mapper.updateCandidateSettings(updated);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scenario", code);
    details.put("pin", pin);
    details.put("mandatory", mandatory);
    details.put("earliestStart", YearMonth.from(earliest).toString());
    details.put("latestStart", YearMonth.from(latest).toString());
    if (demand != null) {
      mapper.deleteDemand(scenario.id(), c.projectId());
      for (ScenarioInput.DemandEstimate d : demand) {
        for (int k = 0; k < c.durationMonths(); k++) {
          mapper.insertDemand(scenario.id(), new ScenarioRows.Demand(c.projectId(), d.role(), k, d.fte()));
        }
      }
      details.put("demand", demand.stream().map(d -> d.role() + " " + d.fte().toPlainString() + " FTE").toList());
      ensureCapacityRows(scenario, demand.stream().map(ScenarioInput.DemandEstimate::role).toList());
    }
    auditTrail.record(by, "SCENARIO_CANDIDATE_CHANGED", c.projectId(), c.projectCode(), details);
    return mapper.findCandidates(scenario.id()).stream().filter(x -> x.projectId().equals(c.projectId()))
        .findFirst().orElseThrow();
  }

  /** A role the pool does not have yet gets capacity rows of 0, so that it shows (and binds) in the scenario. */
  private void ensureCapacityRows(Scenario scenario, List<String> roles) {
    Set<String> known = mapper.findCapacity(scenario.id()).stream().map(ScenarioRows.Capacity::role)
        .collect(Collectors.toSet());
    for (String role : roles) {
      if (!known.contains(role)) {
        for (int m = 0; m < scenario.months(); m++) {
          mapper.insertCapacity(scenario.id(), new ScenarioRows.Capacity(role, scenario.periodFrom().plusMonths(m),
              BigDecimal.ZERO, BigDecimal.ZERO));
        }
      }
    }
  }

  /** A change makes the scenario a draft again: the previous solution no longer answers it. */
  private void bump(Scenario scenario, String name, BigDecimal budget, String by) {
    if (mapper.updateHead(scenario.id(), scenario.version(), name, budget, Scenario.DRAFT, by, now()) == 0) {
      throw BusinessRuleException.conflict("Scenario " + scenario.code() + " was changed by someone else meanwhile;"
          + " reload it and try again");
    }
    mapper.clearResults(scenario.id());
  }

  private Scenario editable(String code) {
    Scenario scenario = get(code);
    if (!scenario.editable()) {
      throw BusinessRuleException.conflict("Scenario " + code + " is " + scenario.status()
          + ": it cannot change; make a variant (basedOn) instead");
    }
    return scenario;
  }

  /** Everything the optimiser needs, read in one transaction. */
  @Transactional(readOnly = true)
  public ScenarioProblem problem(String code) {
    Scenario scenario = get(code);
    return ScenarioProblem.of(scenario, mapper.findQuarterBudgets(scenario.id()), mapper.findCapacity(scenario.id()),
        mapper.findCandidates(scenario.id()), mapper.findCosts(scenario.id()), mapper.findDemand(scenario.id()));
  }

  /**
   * Stores what the optimiser chose, if the scenario did not change while it was solving (else 409: solve again).
   */
  @Transactional
  public Scenario recordSolution(ScenarioProblem solved, PortfolioResult result, PortfolioResult greedy, String by) {
    Scenario scenario = solved.scenario();
    PortfolioProblem problem = solved.problem();
    Ledger ledger = Ledger.of(problem, result.starts());
    Map<String, String> exclusions = new HashMap<>();
    result.exclusions().forEach(e -> exclusions.put(e.code(), e.describe()));
    String violations = result.violations().isEmpty() ? null
        : result.violations().stream().map(Violation::describe).collect(Collectors.joining("; "));
    if (violations != null && violations.length() > 4000) {
      violations = violations.substring(0, 3990) + " ...";
    }
    int updated = mapper.recordSolution(new Scenario(scenario.id(), scenario.code(), scenario.name(),
        scenario.periodFrom(), scenario.months(), scenario.budgetTotal(), Scenario.SOLVED, scenario.basedOnId(),
        scenario.createdBy(), scenario.createdAt(), scenario.updatedBy(), scenario.updatedAt(), by, now(),
        result.elapsed().toMillis(), result.method(), result.score(), result.feasible(), result.value(), greedy.value(),
        BigDecimal.valueOf(ledger.spend()), violations, scenario.version()));
    if (updated == 0) {
      throw BusinessRuleException.conflict("Scenario " + scenario.code() + " changed while it was being solved;"
          + " solve it again");
    }
    for (int i = 0; i < solved.candidates().size(); i++) {
      ScenarioRows.Candidate c = solved.candidates().get(i);
      Integer start = result.starts()[i];
      BigDecimal inPeriod = null;
      if (start != null) {
        long spend = 0;
        long[] monthly = problem.candidate(i).monthlyCost();
        for (int k = 0; k < monthly.length && start + k < problem.months(); k++) {
          spend += monthly[k];
        }
        inPeriod = BigDecimal.valueOf(spend);
      }
      String exclusion = exclusions.get(c.projectCode());
      if (exclusion != null && exclusion.length() > 4000) {
        exclusion = exclusion.substring(0, 3990) + " ...";
      }
      mapper.recordCandidateResult(new ScenarioRows.Candidate(scenario.id(), c.projectId(), c.projectCode(), c.title(),
          c.kind(), c.priorityScore(), c.expectedAnnualBenefit(), c.objectiveWeight(), c.valuePoints(), c.mandatory(),
          c.mandatoryReason(), c.pin(), c.earliestStart(), c.latestStart(), c.durationMonths(), c.totalCost(),
          c.referenceCost(), start != null, start == null ? null : problem.month(start).atDay(1), inPeriod,
          start == null ? exclusion : null));
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scenario", scenario.code());
    details.put("method", result.method());
    details.put("valueFunded", result.value());
    details.put("greedyValue", greedy.value());
    details.put("funded", result.fundedCount());
    details.put("feasible", result.feasible());
    details.put("millis", result.elapsed().toMillis());
    auditTrail.record(by, "SCENARIO_SOLVED", null, null, details);
    return get(scenario.id());
  }

  /** Status changes of the portfolio review (in review, back to solved, approved, rejected). */
  @Transactional
  public void setStatus(long scenarioId, String status) {
    mapper.setStatus(scenarioId, status);
  }

  @Transactional(readOnly = true)
  public ScenarioView view(String code) {
    return view(problem(code), mapper.findQuarterBudgets(get(code).id()), mapper.findCapacity(get(code).id()));
  }

  private ScenarioView view(ScenarioProblem solved, List<ScenarioRows.QuarterBudget> budgets,
      List<ScenarioRows.Capacity> capacity) {
    Scenario scenario = solved.scenario();
    PortfolioProblem problem = solved.problem();
    boolean isSolved = scenario.solvedAt() != null && !Scenario.DRAFT.equals(scenario.status());
    Ledger ledger = Ledger.of(problem, isSolved ? solved.storedStarts() : new Integer[solved.candidates().size()]);
    List<ScenarioView.QuarterLine> quarters = new ArrayList<>();
    Map<String, BigDecimal> budgetOf = budgets.stream()
        .collect(Collectors.toMap(ScenarioRows.QuarterBudget::quarter, ScenarioRows.QuarterBudget::budget));
    for (int q = 0; q < problem.quarterCount(); q++) {
      String name = problem.quarterName(q);
      quarters.add(new ScenarioView.QuarterLine(name, budgetOf.get(name), BigDecimal.valueOf(ledger.quarterSpend(q))));
    }
    List<ScenarioView.UtilisationLine> utilisation = new ArrayList<>();
    for (ScenarioRows.Capacity c : capacity) {
      int r = problem.roles().indexOf(c.role());
      int m = ScenarioProblem.monthIndex(scenario.firstMonth(), c.monthStart());
      BigDecimal load = BigDecimal.valueOf(ledger.load(r, m), 2);
      BigDecimal taken = c.committedFte().add(load);
      if (c.capacityFte().signum() == 0 && taken.signum() == 0) {
        continue;
      }
      utilisation.add(new ScenarioView.UtilisationLine(c.role(), c.monthStart(), c.capacityFte(), c.committedFte(),
          load, c.capacityFte().signum() == 0 ? null : taken.divide(c.capacityFte(), 4, RoundingMode.HALF_UP)));
    }
    List<ScenarioRows.Candidate> candidates = solved.candidates();
    int funded = (int) candidates.stream().filter(c -> Boolean.TRUE.equals(c.funded())).count();
    ScenarioView.Summary summary = new ScenarioView.Summary(candidates.size(),
        (int) candidates.stream().filter(ScenarioRows.Candidate::mustFund).count(), funded,
        isSolved ? candidates.size() - funded : 0, scenario.valueFunded(), scenario.greedyValue(),
        scenario.budgetTotal(), BigDecimal.valueOf(ledger.spend()), scenario.feasible(), scenario.violations(),
        isSolved);
    return new ScenarioView(scenario, summary, quarters, candidates, utilisation);
  }

  @Transactional(readOnly = true)
  public ScenarioComparison compare(List<String> codes) {
    if (codes.size() < 2 || codes.size() > 5) {
      throw new InvalidRequestException("codes", "names 2 to 5 scenarios to compare");
    }
    List<ScenarioView> views = new ArrayList<>();
    for (String code : codes) {
      views.add(view(mapper.findByCode(code).map(Scenario::code)
          .orElseThrow(() -> new InvalidRequestException("codes", "is not a scenario: " + code))));
    }
    Map<String, ScenarioComparison.CandidateRow> rows = new java.util.TreeMap<>();
    for (ScenarioView view : views) {
      for (ScenarioRows.Candidate c : view.candidates()) {
        ScenarioComparison.CandidateRow row = rows.computeIfAbsent(c.projectCode(),
            k -> new ScenarioComparison.CandidateRow(c.projectCode(), c.title(), new LinkedHashMap<>(),
                new LinkedHashMap<>(), false));
        row.decisions().put(view.scenario().code(), Boolean.TRUE.equals(c.funded())
            ? YearMonth.from(c.plannedStart()).toString() : c.funded() == null ? "not solved" : "cut");
        if (c.exclusion() != null) {
          row.exclusions().put(view.scenario().code(), c.exclusion());
        }
      }
    }
    List<ScenarioComparison.CandidateRow> list = rows.values().stream()
        .map(r -> new ScenarioComparison.CandidateRow(r.projectCode(), r.title(), r.decisions(), r.exclusions(),
            r.decisions().size() != views.size() || new LinkedHashSet<>(r.decisions().values()).size() > 1))
        .toList();
    return new ScenarioComparison(views, list);
  }

  private static void checkBudget(BigDecimal budget, List<FieldProblem> problems) {
    if (budget == null || budget.signum() < 0 || budget.scale() > 2 || budget.precision() - budget.scale() > 17) {
      problems.add(new FieldProblem("budgetTotal", "is required: an amount of at least 0"));
    }
  }

  private static void checkQuarters(Map<String, BigDecimal> quarters, YearMonth first, int months,
      List<FieldProblem> problems) {
    if (quarters == null) {
      return;
    }
    Set<String> valid = new LinkedHashSet<>();
    PortfolioProblem probe = new PortfolioProblem(first, months, 0,
        new Long[PortfolioProblem.quarterCount(first, months)], List.of(), new long[0][], List.of());
    for (int q = 0; q < probe.quarterCount(); q++) {
      valid.add(probe.quarterName(q));
    }
    quarters.forEach((quarter, budget) -> {
      if (!valid.contains(quarter)) {
        problems.add(new FieldProblem("quarterBudgets." + quarter, "is not a quarter of the period (" + String.join(
            ", ", valid) + ")"));
      } else if (budget == null || budget.signum() < 0 || budget.scale() > 2) {
        problems.add(new FieldProblem("quarterBudgets." + quarter, "must be an amount of at least 0"));
      }
    });
  }

  private static Map<String, Object> head(Scenario s) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scenario", s.code());
    details.put("name", s.name());
    details.put("periodFrom", s.firstMonth().toString());
    details.put("months", s.months());
    details.put("budgetTotal", s.budgetTotal());
    return details;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  static boolean same(Object a, Object b) {
    return Objects.equals(a, b);
  }
}
