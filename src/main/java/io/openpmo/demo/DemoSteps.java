package io.openpmo.demo;

import io.openpmo.project.GateOutcome;
import io.openpmo.change.ChangeRequest;
import io.openpmo.engine.EngineClock;
import io.openpmo.change.ChangeRequestInput;
import io.openpmo.change.ChangeSubmissions;
import io.openpmo.intake.ProjectRequest;
import io.openpmo.intake.ProjectSubmissions;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.status.StatusReportInput;
import io.openpmo.status.StatusReporting;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the demo people do, step by step, through the same services and tasks as in Tasklist: used to seed
 * the demo portfolio with a history (the engine clock is set back for each step, so that cycle times and
 * status histories look like a real year of the PMO).
 */
@Component
class DemoSteps {

  private final IdentityService identityService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final ProjectSubmissions submissions;
  private final ProjectMapper projects;
  private final StatusReporting statusReporting;
  private final ChangeSubmissions changes;
  private final Instant today = Instant.now();
  private int daysAgo;

  DemoSteps(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
      ManagementService managementService,
      ProjectSubmissions submissions, ProjectMapper projects, StatusReporting statusReporting,
      ChangeSubmissions changes) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.submissions = submissions;
    this.projects = projects;
    this.statusReporting = statusReporting;
    this.changes = changes;
  }

  /** The engine clock (and every service's) at that many days before now, during office hours. */
  DemoSteps daysAgo(int days) {
    daysAgo = days;
    EngineClock.set(Date.from(today.minus(Duration.ofDays(days))));
    return this;
  }

  void resetClock() {
    EngineClock.reset();
  }

  LocalDate date() {
    return EngineClock.now().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  <T> T as(String user, Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  Project project(String code) {
    return projects.findByCode(code).orElseThrow();
  }

  String submit(ProjectRequest request) {
    return as("rita", () -> submissions.submit(request, "rita", null).result().code());
  }

  /** Every open task of the group on the project, decided by the group's demo reviewer. */
  boolean decideGroupTasks(String code, String taskKey, Map<String, Object> form) {
    return decideGroupTasks(tasks(code, taskKey), form);
  }

  /** Each of these tasks still open, decided by its group's demo reviewer. */
  private boolean decideGroupTasks(List<Task> open, Map<String, Object> form) {
    boolean any = false;
    for (Task task : open) {
      if (taskService.createTaskQuery().taskId(task.getId()).count() == 0) {
        continue;   // a decision before this one ended the review
      }
      String group = taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
          .map(l -> l.getGroupId()).findFirst().orElseThrow();
      complete(DemoIdentities.reviewer(group), task, form);
      any = true;
    }
    return any;
  }

  /** Reviews the request until it leaves initiation: every review round approved (or as given). */
  void reviews(String code, String decision, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("decision", decision);
    form.put("comment", comment);
    while (true) {
      // a committee decides at its next meeting what was waiting for it, not what the reviews hand it today
      List<Task> waitingForCommittee = tasks(code, "Task_DecideInCommittee");
      boolean decided = decideGroupTasks(code, "Task_ReviewRequest", form)
          | decideGroupTasks(waitingForCommittee, form);
      if (!decided) {
        break;
      }
      runJobs(code);
      daysAgo(Math.max(0, daysAgo - 2));   // the next committee meets two days later
    }
    runJobs(code);
  }

  List<Task> tasks(String code, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).active().list();
  }

  Task task(String code, String taskKey) {
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey)
        .active().list();
    if (open.size() != 1) {
      throw new IllegalStateException("Demo portfolio: expected one " + taskKey + " on " + code + ", found "
          + open.size());
    }
    return open.get(0);
  }

  void complete(String user, Task task, Map<String, Object> form) {
    as(user, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), new HashMap<>(form));
      return null;
    });
  }

  void complete(String user, String code, String taskKey, Map<String, Object> form) {
    complete(user, task(code, taskKey), form);
    runJobs(code);
  }

  /**
   * The plan: BAC, start and end in months from the engine clock's month, milestones as lines
   * {@code monthsFromStart name}, resource plan lines {@code ROLE person monthsFromToday FTE} (months from the
   * real today, so that the utilisation heat map shows them) turned into the form's {@code ROLE person YYYY-MM FTE}.
   */
  void plan(String code, String manager, String bac, int startMonths, int endMonths, String milestones,
      List<String> allocations) {
    LocalDate base = date().withDayOfMonth(1);
    LocalDate thisMonth = today.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    StringBuilder lines = new StringBuilder();
    for (String allocation : allocations) {
      String[] parts = allocation.split(" ");
      lines.append(parts[0]).append(' ').append(parts[1]).append(' ')
          .append(thisMonth.plusMonths(Integer.parseInt(parts[2])).toString(), 0, 7).append(' ').append(parts[3])
          .append('\n');
    }
    StringBuilder dated = new StringBuilder();
    for (String milestone : milestones.split("\n")) {
      int months = Integer.parseInt(milestone.substring(0, milestone.indexOf(' ')));
      dated.append(base.plusMonths(months).plusDays(14)).append(milestone.substring(milestone.indexOf(' ')))
          .append('\n');
    }
    Map<String, Object> form = new HashMap<>();
    form.put("budgetAtCompletion", Double.valueOf(bac));
    form.put("startDate", base.plusMonths(startMonths).toString());
    form.put("endDate", base.plusMonths(endMonths).minusDays(1).toString());
    form.put("milestonesText", dated.toString());
    form.put("allocationsText", lines.toString());
    complete(manager, code, "Task_PlanProject", form);
    // over-allocations the resource managers approve: the heat map shows them
    while (!tasks(code, "Task_ResolveOverallocation").isEmpty()) {
      complete("rosa", code, "Task_ResolveOverallocation", Map.of("resolution", "APPROVE",
          "note", "Agreed with the line manager for this month"));
    }
  }

  void checklist(String code, String manager, List<String> done) {
    complete(manager, code, "Task_CompleteGateChecklist", Map.of("checklistDone", done, "checklistNotes",
        "See the project file"));
  }

  void gate(String code, String decision, String comment, String conditions) {
    Map<String, Object> form = new HashMap<>();
    form.put("decision", decision);
    form.put("comment", comment);
    if (conditions != null) {
      form.put("conditions", conditions);
    }
    if (conditions != null) {
      // the PMO sets the conditions; the others vote GO
      Task pmo = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ReviewGate")
          .taskCandidateGroup("pmo").active().singleResult();
      complete("petra", pmo, form);
      form.put("decision", GateOutcome.GO.name());
      form.remove("conditions");
    }
    decideGroupTasks(code, "Task_ReviewGate", form);
    runJobs(code);
  }

  void report(String code, String manager, int percent, long actualCost, String notes) {
    Project project = project(code);
    as(manager, () -> statusReporting.submit(project, new StatusReportInput(date(), BigDecimal.valueOf(percent),
        BigDecimal.valueOf(actualCost), null, notes), manager));
    runJobs(code);
  }

  ChangeRequest change(String code, String by, ChangeRequestInput input) {
    Project project = project(code);
    ChangeRequest change = as(by, () -> changes.raise(project, input, by, "API"));
    runJobs(code);
    return change;
  }

  /**
   * Runs the project's asynchronous steps (notifications, archiving) now, with the engine clock where the demo
   * stands; a job the job executor took first is simply skipped.
   */
  void runJobs(String code) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).list().stream()
          .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages()
              .executable().list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          managementService.executeJob(job.getId());
        } catch (OptimisticLockingException e) {
          // the job executor ran it
        } catch (ProcessEngineException e) {
          if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
            throw e;
          }
        }
      }
    }
  }
}
