package io.openpmo.support;

import io.openpmo.intake.ProjectRequest;
import io.openpmo.intake.ProjectSubmissions;
import io.openpmo.intake.SubmissionResult;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives projects through their processes as people would: submit, review, plan, pass gates, report.
 * Every step goes through the engine with the acting person authenticated.
 */
public final class Journeys {

  private final People people;
  private final ProjectSubmissions submissions;
  private final ProjectMapper projects;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  public Journeys(People people, ProjectSubmissions submissions, ProjectMapper projects, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService) {
    this.people = people;
    this.submissions = submissions;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /** Journeys with the engine services and mappers of a running application. */
  public static Journeys of(org.springframework.context.ApplicationContext context) {
    return new Journeys(new People(context.getBean(org.camunda.bpm.engine.IdentityService.class)),
        context.getBean(ProjectSubmissions.class), context.getBean(ProjectMapper.class),
        context.getBean(RuntimeService.class), context.getBean(TaskService.class),
        context.getBean(ManagementService.class));
  }

  public Project project(String code) {
    return projects.findByCode(code).orElseThrow();
  }

  public SubmissionResult submit(String requester, ProjectRequest request) {
    return people.as(requester, () -> submissions.submit(request, requester, null).result());
  }

  /** Submits the request and has every required review approved by the demo reviewer of its group. */
  public String approved(ProjectRequest request) {
    SubmissionResult submitted = submit("rita", request);
    for (String group : submitted.requiredApprovals()) {
      decide(reviewer(group), task(submitted.code(), group), Map.of("decision", "APPROVE"));
    }
    executeJobs(submitted.processInstanceId());
    return submitted.code();
  }

  public static String reviewer(String group) {
    return io.openpmo.demo.DemoIdentities.reviewer(group);
  }

  public ProcessInstance lifecycle(String code) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("projectLifecycle")
        .processInstanceBusinessKey(code).singleResult();
  }

  public ProcessInstance gateReview(String code) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("stageGateReview")
        .processInstanceBusinessKey(code).singleResult();
  }

  /** The one open task of the project with this definition key (in any of its processes). */
  public Task task(String code, String taskDefinitionKey, String candidateGroup) {
    var query = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskDefinitionKey);
    if (candidateGroup != null) {
      query = query.taskCandidateGroup(candidateGroup).includeAssignedTasks();
    }
    List<Task> tasks = query.list();
    if (tasks.size() != 1) {
      throw new AssertionError("expected one open " + taskDefinitionKey + " of " + code
          + (candidateGroup == null ? "" : " for " + candidateGroup) + " but found " + tasks.size() + ": "
          + taskService.createTaskQuery().processInstanceBusinessKey(code).list().stream()
              .map(t -> t.getTaskDefinitionKey() + "/" + t.getName()).toList());
    }
    return tasks.get(0);
  }

  public Task task(String code, String group) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(code).taskCandidateGroup(group)
        .includeAssignedTasks().list();
    if (tasks.size() != 1) {
      throw new AssertionError("expected one open task of " + group + " on " + code + " but found " + tasks.size());
    }
    return tasks.get(0);
  }

  /** Claims (if nobody holds it) and completes a task as the person, with form values. */
  public void decide(String user, Task task, Map<String, Object> form) {
    people.as(user, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), new HashMap<>(form));
    });
  }

  /**
   * The planning form as the project manager fills it in Tasklist: started a month ago, five months to go, two
   * milestones, and the resource plan as lines of text (ROLE person YYYY-MM FTE).
   */
  public static Map<String, Object> plan(String budget, List<Map<String, Object>> allocations) {
    LocalDate start = LocalDate.now().minusMonths(1);
    Map<String, Object> form = new HashMap<>();
    form.put("budgetAtCompletion", Double.valueOf(budget));
    form.put("startDate", start.toString());
    form.put("endDate", start.plusMonths(6).toString());
    form.put("milestonesText", start.plusMonths(2) + " Design signed off\n" + start.plusMonths(6).minusDays(1)
        + " Go-live");
    form.put("allocationsText", String.join("\n", allocations.stream().map(a -> a.get("role") + " "
        + (a.get("resourceUserId") == null || a.get("resourceUserId").toString().isBlank() ? "-" : a.get("resourceUserId"))
        + " " + a.get("month") + " " + a.get("fte")).toList()));
    return form;
  }

  public static Map<String, Object> allocation(String role, String userId, LocalDate month, double fte) {
    Map<String, Object> line = new HashMap<>();
    line.put("role", role);
    line.put("resourceUserId", userId == null ? "" : userId);
    line.put("month", month.toString().substring(0, 7));
    line.put("fte", fte);
    return line;
  }

  /** The project manager submits the plan; answers the code. */
  public void plan(String code, String manager, Map<String, Object> plan) {
    decide(manager, task(code, "Task_PlanProject", null), plan);
  }

  /** Approves the request, has paul plan it with this budget at completion and no resources, and passes G1. */
  public String inDelivery(ProjectRequest request, String budgetAtCompletion) {
    String code = approved(request);
    plan(code, "paul", plan(budgetAtCompletion, List.of()));
    checklist(code, "paul", List.of());
    gate(code, "GO", Map.of());
    return code;
  }

  /** Answers the gate checklist (all items done) as the project manager. */
  public void checklist(String code, String manager, List<String> done) {
    decide(manager, task(code, "Task_CompleteGateChecklist", null), Map.of("checklistDone", done));
  }

  /** Every reviewer group of the open gate review votes the same decision. */
  public void gate(String code, String decision, Map<String, Object> extra) {
    List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ReviewGate")
        .list();
    for (Task review : reviews) {
      if (taskService.createTaskQuery().taskId(review.getId()).count() == 0) {
        continue;   // a STOP ended the review before this vote
      }
      String group = taskService.getIdentityLinksForTask(review.getId()).stream()
          .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
      Map<String, Object> form = new HashMap<>(extra);
      form.put("decision", decision);
      if (!"GO".equals(decision) && !form.containsKey("comment")) {
        form.put("comment", decision + " because the test says so");
      }
      decide(reviewer(group), review, form);
    }
  }

  public void executeJobs(String processInstanceId) {
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).messages().list()) {
      managementService.executeJob(job.getId());
    }
  }

  public void executeJobs() {
    for (Job job : managementService.createJobQuery().messages().executable().list()) {
      managementService.executeJob(job.getId());
    }
  }
}
