package io.openpmo.report;

import io.openpmo.core.EngineAccess;
import io.openpmo.gate.GateVariables;
import io.openpmo.intake.InitiationVariables;
import io.openpmo.report.CycleTimeReport.OpenTaskAge;
import io.openpmo.report.CycleTimeReport.Stat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/**
 * Cycle times from the engine's history (not from our tables), read on the system's behalf.
 * <ul>
 *   <li>G0: finished {@code projectInitiation} instances, start to end;</li>
 *   <li>G1, G2, G3, GX: finished {@code stageGateReview} instances by their process variable {@code gate};</li>
 *   <li>review groups: completed user tasks that had a candidate group, creation to completion, per group (a
 *       task for two groups counts for each). Tasks cancelled unfinished (e.g. the other reviews when one
 *       rejects a request) are left out: nobody decided them.</li>
 * </ul>
 * Only what ended within [from 00:00, to + 1 day 00:00) of the application's time zone counts.
 */
@Service
class CycleTimeService {

  static final List<String> GATES = List.of("G0", "G1", "G2", "G3", "GX");
  static final int SLOWEST_OPEN = 10;
  /** The delete reason the engine writes on a task that was completed. */
  private static final String COMPLETED = "completed";

  private final HistoryService historyService;
  private final OpenTasks openTasks;
  private final EngineAccess engineAccess;
  private final Clock clock;

  CycleTimeService(HistoryService historyService, OpenTasks openTasks, EngineAccess engineAccess, Clock clock) {
    this.historyService = historyService;
    this.openTasks = openTasks;
    this.engineAccess = engineAccess;
    this.clock = clock;
  }

  /** The default period: the twelve months up to today. */
  LocalDate today() {
    return LocalDate.now(clock);
  }

  CycleTimeReport report(LocalDate from, LocalDate to) {
    Instant now = clock.instant();
    ZoneId zone = clock.getZone();
    Date start = Date.from(from.atStartOfDay(zone).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    return engineAccess.asSystem(() -> new CycleTimeReport(now.truncatedTo(ChronoUnit.SECONDS), from, to,
        gates(start, end), reviewGroups(start, end), slowestOpen(now)));
  }

  private List<Stat> gates(Date start, Date end) {
    Map<String, List<Double>> days = new TreeMap<>();
    GATES.forEach(gate -> days.put(gate, new ArrayList<>()));
    finished(InitiationVariables.PROCESS_KEY, start, end)
        .forEach(instance -> days.get("G0").add(Percentiles.days(instance.getDurationInMillis())));
    List<HistoricProcessInstance> gateReviews = finished(GateVariables.PROCESS_KEY, start, end);
    if (!gateReviews.isEmpty()) {
      Map<String, String> gateOf = new HashMap<>();
      for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(gateReviews.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
          .variableName(GateVariables.GATE).disableCustomObjectDeserialization().list()) {
        if (variable.getValue() != null) {
          gateOf.putIfAbsent(variable.getProcessInstanceId(), variable.getValue().toString());
        }
      }
      for (HistoricProcessInstance review : gateReviews) {
        String gate = gateOf.get(review.getId());
        if (gate != null) {
          days.computeIfAbsent(gate, g -> new ArrayList<>()).add(Percentiles.days(review.getDurationInMillis()));
        }
      }
    }
    // G0..G3 and GX always, in that order (TreeMap), then any other gate a process owner adds
    return days.entrySet().stream().map(e -> Stat.of(e.getKey(), e.getValue())).toList();
  }

  private List<HistoricProcessInstance> finished(String processKey, Date start, Date end) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).finished()
        .finishedAfter(start).finishedBefore(end).list().stream()
        .filter(instance -> within(instance.getEndTime(), start, end)).toList();
  }

  private List<Stat> reviewGroups(Date start, Date end) {
    List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery().finished()
        .withCandidateGroups().finishedAfter(start).finishedBefore(end).list().stream()
        .filter(task -> COMPLETED.equals(task.getDeleteReason()) && within(task.getEndTime(), start, end))
        .toList();
    if (tasks.isEmpty()) {
      return List.of();
    }
    Set<String> taskIds = tasks.stream().map(HistoricTaskInstance::getId).collect(Collectors.toSet());
    // every candidate group a task ever had, from the identity link log: one query, over the links written since the
    // earliest of these tasks was created (a link is written when the task gets it), not over the whole history
    Date earliest = tasks.stream().map(HistoricTaskInstance::getStartTime).min(Date::compareTo).orElse(start);
    Map<String, Set<String>> groupsOfTask = new HashMap<>();
    for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery()
        .type(IdentityLinkType.CANDIDATE).dateAfter(new Date(earliest.getTime() - 1000)).dateBefore(end).list()) {
      if (link.getGroupId() != null && link.getTaskId() != null && taskIds.contains(link.getTaskId())) {
        groupsOfTask.computeIfAbsent(link.getTaskId(), id -> new TreeSet<>()).add(link.getGroupId());
      }
    }
    Map<String, List<Double>> days = new TreeMap<>();
    for (HistoricTaskInstance task : tasks) {
      double duration = Percentiles.days(task.getEndTime().getTime() - task.getStartTime().getTime());
      groupsOfTask.getOrDefault(task.getId(), Set.of())
          .forEach(group -> days.computeIfAbsent(group, g -> new ArrayList<>()).add(duration));
    }
    return days.entrySet().stream().map(e -> Stat.of(e.getKey(), e.getValue())).toList();
  }

  private List<OpenTaskAge> slowestOpen(Instant now) {
    return openTasks.oldestWithCandidateGroup(SLOWEST_OPEN).stream().map(open -> new OpenTaskAge(open.code(),
        open.task().getName(), open.groupList(), open.task().getAssignee(), open.task().getCreateTime().toInstant(),
        open.task().getDueDate() == null ? null : open.task().getDueDate().toInstant(),
        Percentiles.round(Percentiles.days(now.toEpochMilli() - open.task().getCreateTime().getTime())),
        open.task().getId(), open.task().getProcessInstanceId())).toList();
  }

  private static boolean within(Date moment, Date start, Date end) {
    return moment != null && !moment.before(start) && moment.before(end);
  }
}
