package io.openpmo.status;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.EngineAccess;
import io.openpmo.project.Lifecycles;
import io.openpmo.project.Project;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A status report through the API: recorded like one from Tasklist, it fulfils the open report task if
 * there is one, and goes through the same health check (projectHealth decision, RED intervention) in the
 * project's lifecycle process, in one transaction.
 */
@Service
public class StatusReporting {

  static final String REPORT_TASK = "Task_SubmitStatusReport";

  private final StatusReportService reports;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final EngineAccess engineAccess;
  private final Lifecycles lifecycles;

  public StatusReporting(StatusReportService reports, RuntimeService runtimeService, TaskService taskService,
      EngineAccess engineAccess, Lifecycles lifecycles) {
    this.lifecycles = lifecycles;
    this.reports = reports;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.engineAccess = engineAccess;
  }

  @Transactional
  public StatusReport submit(Project project, StatusReportInput input, String by) {
    StatusReport report = reports.record(project, input, by, "API");
    ProcessInstance lifecycle = lifecycles.running(project.code())
        .orElseThrow(() -> BusinessRuleException.conflict(project.code() + " has no running lifecycle"));
    engineAccess.asSystem(() -> {
      Task open = taskService.createTaskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey(REPORT_TASK)
          .singleResult();
      if (open != null) {
        taskService.setVariableLocal(open.getId(), StatusVariables.FULFILLED_BY_REPORT, report.id());
        taskService.complete(open.getId());
      } else {
        try {
          runtimeService.createMessageCorrelation(StatusVariables.REPORT_RECORDED_MESSAGE)
              .processInstanceId(lifecycle.getId())
              .setVariableLocal(StatusVariables.STATUS_REPORT_ID, report.id())
              .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
          throw BusinessRuleException.conflict(project.code() + " is not in delivery: status reports are taken"
              + " during delivery");
        }
      }
    });
    return reports.report(report.id());
  }
}
