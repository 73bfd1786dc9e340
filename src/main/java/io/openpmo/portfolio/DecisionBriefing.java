package io.openpmo.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openpmo.audit.AuditEvent;
import io.openpmo.audit.AuditTrail;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.Labels;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewService;
import io.openpmo.review.VoteHistory;
import io.openpmo.task.TaskCreationHook;
import io.openpmo.task.TaskRecord;
import io.openpmo.task.TaskRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What everybody who decides on a project reads on their form, whatever the task: why the project scored as it
 * did (the rules of the decision tables that fired, with the descriptions the business wrote, as the audit trail
 * recorded them when the request was assessed and each change classified) and every decision taken so far (every
 * vote of every round of the request, the gates and the changes, each round summed up). Set when the task is
 * created, and brought up to date when somebody takes the task and whenever a vote is cast on the project, as
 * task-local variables the forms show without submitting them:
 * <ul>
 *   <li>{@value #CONTEXT}: the Markdown above;</li>
 *   <li>{@value #PROJECT}, {@value #RISK}, {@value #PRIORITY}, {@value #GROUP}: short labels for Tasklist's lists.</li>
 * </ul>
 * A recusal appears without its reason, which is for the PMO and internal audit only.
 */
@Component
class DecisionBriefing implements TaskCreationHook {

  static final String CONTEXT = "decisionContext";
  static final String PROJECT = "projectLabel";
  static final String RISK = "riskLabel";
  static final String PRIORITY = "priorityLabel";
  static final String GROUP = "reviewingGroup";

  /** Audit actions that carry the rules that fired ({@code core.FiredRules}), and what they explain. */
  private static final List<String> ASSESSMENTS = List.of("ASSESSED", "CHANGE_CLASSIFIED");

  private final ProjectMapper projects;
  private final AuditTrail auditTrail;
  private final ReviewService reviews;
  private final VoteHistory voteHistory;
  private final ObjectMapper json;
  private final TaskService taskService;
  private final EngineAccess engineAccess;
  private final TaskRecords taskRecords;

  DecisionBriefing(ProjectMapper projects, AuditTrail auditTrail, ReviewService reviews, VoteHistory voteHistory,
      ObjectMapper json, TaskService taskService, EngineAccess engineAccess, TaskRecords taskRecords) {
    this.taskRecords = taskRecords;
    this.taskService = taskService;
    this.engineAccess = engineAccess;
    this.projects = projects;
    this.auditTrail = auditTrail;
    this.reviews = reviews;
    this.voteHistory = voteHistory;
    this.json = json;
  }

  /** Whoever takes the task reads the decisions taken since it was created. */
  @Override
  public void assigned(DelegateTask task, TaskRecord record) {
    if (record.projectId() != null) {
      projects.findById(record.projectId()).ifPresent(project -> task.setVariableLocal(CONTEXT, markdown(project)));
    }
  }

  /** A vote was cast: every other open task of the project shows it (in the vote's transaction). */
  @EventListener
  public void voted(ReviewService.VoteRecorded vote) {
    Project project = projects.findById(vote.projectId()).orElse(null);
    if (project == null) {
      return;
    }
    // the project's tasks from our task records (indexed by project), the open ones among them from the engine by
    // id: a query by the processes' projectId variable read every running process's variables
    List<String> others = taskRecords.taskIdsOfProject(project.id()).stream()
        .filter(id -> !id.equals(vote.taskId())).toList();
    if (others.isEmpty()) {
      return;
    }
    engineAccess.asSystem(() -> {
      List<Task> open = taskService.createTaskQuery().taskIdIn(others.toArray(String[]::new)).list();
      if (!open.isEmpty()) {
        String context = markdown(project);
        open.forEach(task -> taskService.setVariableLocal(task.getId(), CONTEXT, context));
      }
    });
  }

  @Override
  public void created(DelegateTask task, TaskRecord record) {
    if (record.projectId() == null) {
      return;
    }
    Project project = projects.findById(record.projectId()).orElse(null);
    if (project == null) {
      return;
    }
    task.setVariableLocal(CONTEXT, markdown(project));
    task.setVariableLocal(PROJECT, project.code() + " · " + project.title());
    if (project.riskTier() != null) {
      task.setVariableLocal(RISK, Labels.value(project.riskTier()) + " (" + project.riskScore() + " points)");
    }
    if (project.priorityClass() != null) {
      task.setVariableLocal(PRIORITY, project.priorityClass() + " (" + project.priorityScore() + " points)");
    }
    List<String> groups = record.candidateGroupList();
    if (!groups.isEmpty()) {
      task.setVariableLocal(GROUP, groups.stream().map(Labels::group).collect(Collectors.joining(", ")));
    }
  }

  /** The scores and why, then every decision so far. */
  String markdown(Project project) {
    List<AuditEvent> events = auditTrail.forProject(project.id());
    StringBuilder text = new StringBuilder("#### Why these scores\n\n");
    text.append(scores(project, events));
    List<ReviewDecision> decisions = reviews.decisionsOnProject(project.id()).stream()
        .map(ReviewDecision::withoutConflictReason).toList();
    text.append("\n\n#### Decisions so far\n\n").append(voteHistory.markdown(decisions));
    return text.toString();
  }

  private String scores(Project project, List<AuditEvent> events) {
    JsonNode assessed = latest(events, "ASSESSED");
    if (assessed == null) {
      return "Not scored yet.";
    }
    Map<String, List<String>> rules = rules(assessed);
    StringBuilder text = new StringBuilder();
    section(text, "Risk " + project.riskScore() + " points: " + Labels.value(project.riskTier()),
        rules, "riskPoints", "projectRisk");
    section(text, "Priority " + project.priorityScore() + " points: " + project.priorityClass(),
        rules, "priorityPoints", "projectPriority");
    List<String> approvers = new ArrayList<>();
    assessed.path("functionalReviews").forEach(group -> approvers.add(Labels.group(group.asText())));
    assessed.path("committees").forEach(group -> approvers.add(Labels.group(group.asText())));
    section(text, "Approvals required: " + String.join(", ", approvers), rules, "approvalRouting");
    JsonNode change = latest(events, "CHANGE_CLASSIFIED");
    if (change != null) {
      List<String> changeApprovers = new ArrayList<>();
      change.path("approvers").forEach(group -> changeApprovers.add(Labels.group(group.asText())));
      section(text, "Change " + change.path("change").asText() + ": " + Labels.value(change.path("class").asText())
          + ", approved by " + String.join(", ", changeApprovers), rules(change), "changeClassification",
          "changeApprovers");
    }
    return text.toString().strip();
  }

  private static void section(StringBuilder text, String heading, Map<String, List<String>> rules, String... keys) {
    text.append("**").append(heading).append("**\n\n");
    List<String> fired = new ArrayList<>();
    for (String key : keys) {
      fired.addAll(rules.getOrDefault(key, List.of()));
    }
    if (fired.isEmpty()) {
      text.append("- no rule recorded\n");
    }
    fired.forEach(rule -> text.append("- ").append(rule).append('\n'));
    text.append('\n');
  }

  /** The latest event of the action, as JSON details; null when there is none. */
  private JsonNode latest(List<AuditEvent> events, String action) {
    for (int i = events.size() - 1; i >= 0; i--) {
      AuditEvent event = events.get(i);
      if (action.equals(event.action()) && ASSESSMENTS.contains(action)) {
        try {
          return json.readTree(event.details());
        } catch (JsonProcessingException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** "riskPoints: Budget 250k to 2M: 10 points" grouped by decision key, in the order they fired. */
  private static Map<String, List<String>> rules(JsonNode details) {
    Map<String, List<String>> rules = new LinkedHashMap<>();
    for (JsonNode rule : details.path("rules")) {
      String text = rule.asText();
      int colon = text.indexOf(": ");
      String key = colon < 0 ? "" : text.substring(0, colon);
      rules.computeIfAbsent(key, k -> new ArrayList<>()).add(colon < 0 ? text : text.substring(colon + 2));
    }
    return rules;
  }
}
