package io.openpmo.portfolio;

import io.openpmo.closure.ClosureViews;
import io.openpmo.deputy.Deputies;
import io.openpmo.core.EngineAccess;
import io.openpmo.gate.GateService;
import io.openpmo.baseline.BaselineService;
import io.openpmo.status.StatusReport;
import io.openpmo.status.StatusReportService;
import io.openpmo.intake.InitiationService;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectAccess;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSearch;
import io.openpmo.review.ReviewService;
import io.openpmo.core.CurrentUser;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds what the API shows of projects, for the caller's eyes only. */
@Service
public class ProjectViews {

  /** A page of projects. */
  public record Page<T>(List<T> items, int page, int size, long total) {
  }

  private final ProjectAccess access;
  private final ProjectMapper projects;
  private final InitiationService initiation;
  private final ReviewService reviews;
  private final DecisionHistory decisionHistory;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final EngineAccess engineAccess;
  private final CurrentUser currentUser;
  private final BaselineService baselines;
  private final GateService gates;
  private final StatusReportService reports;
  private final ClosureViews closureViews;
  private final Deputies deputies;

  public ProjectViews(ProjectAccess access, ProjectMapper projects, InitiationService initiation,
      ReviewService reviews, DecisionHistory decisionHistory, TaskService taskService, HistoryService historyService,
      EngineAccess engineAccess, CurrentUser currentUser, BaselineService baselines, GateService gates,
      StatusReportService reports, ClosureViews closureViews, Deputies deputies) {
    this.deputies = deputies;
    this.closureViews = closureViews;
    this.baselines = baselines;
    this.gates = gates;
    this.reports = reports;
    this.access = access;
    this.projects = projects;
    this.initiation = initiation;
    this.reviews = reviews;
    this.decisionHistory = decisionHistory;
    this.taskService = taskService;
    this.historyService = historyService;
    this.engineAccess = engineAccess;
    this.currentUser = currentUser;
  }

  @Transactional(readOnly = true)
  public ProjectView view(String code) {
    return view(access.visible(code));
  }

  /**
   * The view of a project whose visibility the caller has already checked, or which the system reads on its
   * own behalf (e.g. a report archived by a process).
   */
  @Transactional(readOnly = true)
  public ProjectView view(Project project) {
    String code = project.code();
    List<ProjectView.Approval> approvals = initiation.requiredApprovals(project.id()).stream()
        .map(a -> new ProjectView.Approval(a.groupId(), a.stage())).toList();
    List<ProjectView.Review> decisions = reviews.asSeenByCaller(reviews.decisionsOnProject(project.id())).stream()
        .map(d -> new ProjectView.Review(d.subjectType().name(), d.subjectId(), reviews.subjectLabel(d),
            d.reviewRound(), d.stage(), d.groupId(), d.reviewer(), d.actingFor(), d.decision(), d.comment(),
            d.decidedAt()))
        .toList();
    List<StatusReport> statusReports = reports.reports(project.id());
    ProjectView.Health health = statusReports.isEmpty() ? null : health(statusReports.get(statusReports.size() - 1));
    return engineAccess.asSystem(() -> {
      List<HistoricProcessInstance> instances = processInstances(code);
      java.util.Map<String, String> processKeys = new java.util.HashMap<>();
      instances.forEach(i -> processKeys.put(i.getId(), i.getProcessDefinitionKey()));
      var evaluations = decisionHistory.evaluations(instances.stream().map(HistoricProcessInstance::getId).toList());
      DecisionHistory.Versions versions = decisionHistory.versions();
      return new ProjectView(project, approvals, decisions, openTasks(code),
          decisionHistory.latest(evaluations, versions),
          project.currentBaselineId() == null ? null : baselines.get(project.currentBaselineId()),
          gates.reviews(project.id()), gates.conditions(project.id()), health, statusReports,
          closureViews.summary(project.id()).orElse(null), decisionHistory.uses(evaluations, processKeys, versions),
          deputies.actionsOnProject(project.id()));
    });
  }

  @Transactional(readOnly = true)
  public Page<Project> search(ProjectSearch filter, int page, int size) {
    ProjectSearch scoped = new ProjectSearch(filter.status(), filter.priorityClass(), filter.riskTier(), filter.phase(),
        currentUser.id().orElse(""), currentUser.groups(), access.seesWholePortfolio(), size, page * size);
    return new Page<>(projects.search(scoped), page, size, projects.count(scoped));
  }

  private static ProjectView.Health health(StatusReport last) {
    return new ProjectView.Health(last.health() == null ? null : last.health().name(), last.reportDate(), last.percentComplete(), last.cpi(), last.spi());
  }

  private List<ProjectView.OpenTask> openTasks(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).orderByTaskCreateTime().asc().list()
        .stream().map(this::openTask).toList();
  }

  private ProjectView.OpenTask openTask(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
    return new ProjectView.OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), groups,
        task.getAssignee(), utc(task.getCreateTime()), utc(task.getDueDate()));
  }

  private List<HistoricProcessInstance> processInstances(String code) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .orderByProcessInstanceStartTime().asc().list();
  }

  private static java.time.OffsetDateTime utc(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
