package io.openpmo.report;

import io.openpmo.project.Health;
import io.openpmo.core.EngineAccess;
import io.openpmo.closure.ClosureVariables;
import io.openpmo.intake.InitiationVariables;
import io.openpmo.project.Lifecycles;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import io.openpmo.project.RiskTier;
import io.openpmo.report.PortfolioReport.Attention;
import io.openpmo.report.PortfolioReport.Group;
import io.openpmo.report.PortfolioReport.ProjectLine;
import io.openpmo.report.PortfolioReport.Reason;
import io.openpmo.report.PortfolioReport.Totals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio report: the figures of every project from our tables in one query, the running process of
 * each project and the overdue tasks from the engine (read on the system's behalf: the caller is a portfolio
 * reader), "now" from the engine's clock.
 */
@Service
public class PortfolioReportService {

  static final List<String> HEALTH_ORDER = List.of(Health.GREEN.name(), Health.AMBER.name(), Health.RED.name(), PortfolioReport.NO_HEALTH);
  private static final int INDEX_SCALE = 4;

  private final ReportMapper mapper;
  private final OpenTasks openTasks;
  private final HistoryService historyService;
  private final EngineAccess engineAccess;
  private final Clock clock;

  PortfolioReportService(ReportMapper mapper, OpenTasks openTasks, HistoryService historyService,
      EngineAccess engineAccess, Clock clock) {
    this.mapper = mapper;
    this.openTasks = openTasks;
    this.historyService = historyService;
    this.engineAccess = engineAccess;
    this.clock = clock;
  }

  /** The portfolio without REJECTED and WITHDRAWN projects, unless includeFinished. */
  @Transactional(readOnly = true)
  public PortfolioReport report(boolean includeFinished) {
    Instant now = clock.instant();
    List<ProjectLine> rows = mapper.portfolio(includeFinished);
    return engineAccess.asSystem(() -> {
      Map<String, String> running = runningProcesses();
      List<ProjectLine> lines = rows.stream().map(line -> line.withProcessInstanceId(running.get(line.code())))
          .toList();
      return new PortfolioReport(now.truncatedTo(ChronoUnit.SECONDS), lines.size(), totals(lines),
          groups(lines, Arrays.asList(ProjectStatus.values()), ProjectLine::status, false),
          groups(lines, Arrays.asList(ProjectPhase.values()), ProjectLine::phase, false),
          groups(lines, Arrays.asList(PriorityClass.values()), ProjectLine::priorityClass, false),
          groups(lines, Arrays.asList(RiskTier.values()), ProjectLine::riskTier, false),
          groups(lines, HEALTH_ORDER, PortfolioReportService::health, true),
          lines, attention(lines, now));
    });
  }

  /**
   * The process that matters per project code, in one query: the running lifecycle or closure (never both),
   * else the running initiation (the project row only knows the initiation instance).
   */
  private Map<String, String> runningProcesses() {
    Map<String, String> running = new HashMap<>();
    for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery().unfinished()
        .processDefinitionKeyIn(Lifecycles.PROCESS_KEY, ClosureVariables.PROCESS_KEY,
            InitiationVariables.PROCESS_KEY).list()) {
      if (instance.getBusinessKey() == null) {
        continue;
      }
      if (!InitiationVariables.PROCESS_KEY.equals(instance.getProcessDefinitionKey())) {
        running.put(instance.getBusinessKey(), instance.getId());
      } else {
        running.putIfAbsent(instance.getBusinessKey(), instance.getId());
      }
    }
    return running;
  }

  static Totals totals(List<ProjectLine> lines) {
    BigDecimal earned = sum(lines, ProjectLine::earnedValue);
    BigDecimal actual = sum(lines, ProjectLine::actualCost);
    BigDecimal planned = sum(lines, ProjectLine::plannedValue);
    // AC, PV and EV come together from the latest status report: the sums run over the projects with a report
    return new Totals(sum(lines, ProjectLine::budget), sum(lines, ProjectLine::budgetAtCompletion), actual, planned,
        earned, ratio(earned, actual), ratio(earned, planned));
  }

  private static BigDecimal sum(List<ProjectLine> lines, Function<ProjectLine, BigDecimal> figure) {
    return lines.stream().map(figure).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal ratio(BigDecimal dividend, BigDecimal divisor) {
    return divisor.signum() == 0 ? null : dividend.divide(divisor, INDEX_SCALE, RoundingMode.HALF_UP);
  }

  /** Count and budget per key in the given order; keys without projects only when all keys are wanted. */
  static <K> List<Group> groups(List<ProjectLine> lines, List<K> order, Function<ProjectLine, K> key,
      boolean allKeys) {
    Map<K, List<ProjectLine>> byKey = lines.stream().filter(line -> key.apply(line) != null)
        .collect(Collectors.groupingBy(key));
    List<Group> groups = new ArrayList<>();
    for (K k : order) {
      List<ProjectLine> members = byKey.getOrDefault(k, List.of());
      if (allKeys || !members.isEmpty()) {
        groups.add(new Group(k.toString(), members.size(), sum(members, ProjectLine::budget)));
      }
    }
    return groups;
  }

  private static String health(ProjectLine line) {
    return line.health() == null ? PortfolioReport.NO_HEALTH : line.health();
  }

  private List<Attention> attention(List<ProjectLine> lines, Instant now) {
    Map<String, ProjectLine> byCode = lines.stream().collect(Collectors.toMap(ProjectLine::code, l -> l));
    List<Attention> attention = new ArrayList<>();
    for (ProjectLine line : lines) {
      if (line.status().isFinal()) {
        continue;
      }
      if (Health.RED.is(line.health())) {
        attention.add(new Attention(line.code(), line.title(), Reason.RED, "Health RED (CPI " + orNa(line.cpi())
            + ", SPI " + orNa(line.spi()) + ")", null, null, line.processInstanceId()));
      }
      if (line.missedReports() >= 1) {
        attention.add(new Attention(line.code(), line.title(), Reason.MISSED_REPORTS, line.missedReports()
            + (line.missedReports() == 1 ? " status report missed" : " status reports missed in a row"), null, null,
            line.processInstanceId()));
      }
    }
    for (OpenTasks.OpenTask open : openTasks.overdue(Date.from(now))) {
      ProjectLine line = byCode.get(open.code());
      if (line == null) {
        continue;
      }
      Reason reason = open.ofGateReview() ? Reason.OVERDUE_GATE : Reason.OVERDUE_REVIEW;
      // task names carry the reviewing group already ("... (Finance)"): name it once
      String name = open.task().getName();
      List<String> unnamed = open.groups().stream().map(io.openpmo.core.Labels::group)
          .filter(group -> !name.contains("(" + group + ")")).toList();
      String detail = name + (unnamed.isEmpty() ? "" : " (" + String.join(", ", unnamed) + ")");
      attention.add(new Attention(line.code(), line.title(), reason, detail, open.task().getDueDate().toInstant(),
          open.task().getId(), open.task().getProcessInstanceId()));
    }
    attention.sort(Comparator.comparing(Attention::reason)
        .thenComparing(Attention::due, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Attention::code));
    return attention;
  }

  private static String orNa(BigDecimal value) {
    return value == null ? "n/a" : value.stripTrailingZeros().toPlainString();
  }
}
