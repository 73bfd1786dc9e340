package io.openpmo.status;

import static io.openpmo.core.FormValues.amount;

import com.fasterxml.jackson.core.type.TypeReference;
import io.openpmo.project.ProjectFormListener;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.FormJson;
import io.openpmo.baseline.BaselineService;
import io.openpmo.baseline.Milestone;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The project manager's periodic status report task: the baseline's open milestones on the form; on
 * completion the report is recorded with its earned value (unless a report sent through the API already
 * fulfilled the task) and its id handed on for the health check.
 */
@Component("statusReportListener")
class StatusReportListener extends ProjectFormListener {

  private final StatusReportService reports;
  private final BaselineService baselines;

  StatusReportListener(ProjectMapper projects, StatusReportService reports, BaselineService baselines,
      CurrentUser currentUser) {
    super(id -> projects.findById(id).orElseThrow(), currentUser);
    this.reports = reports;
    this.baselines = baselines;
  }

  @Override
  protected void prepare(DelegateTask task, Project project) {
    Optional<StatusReport> last = reports.latest(project.id());
    ProjectSummary.showOn(task, project, last.map(r -> "\n\nLast report " + r.reportDate() + ": " + r.percentComplete().stripTrailingZeros()
            .toPlainString() + "% complete, actual cost " + r.actualCost().toPlainString() + ", CPI "
            + orNa(r.cpi()) + ", SPI " + orNa(r.spi()) + ", health " + r.health()).orElse(""));
    List<Milestone> milestones = project.currentBaselineId() == null ? List.of()
        : baselines.milestones(project.currentBaselineId());
    task.setVariableLocal(StatusVariables.MILESTONE_OPTIONS, FormJson.of(milestones.stream()
        .map(m -> Map.of("label", m.dueDate() + ": " + m.name(), "value", m.id().toString())).toList()));
  }

  @Override
  protected void complete(DelegateTask task, Project project, String user) {
    Object fulfilled = task.getVariableLocal(StatusVariables.FULFILLED_BY_REPORT);
    long reportId;
    if (fulfilled != null) {
      reportId = ((Number) fulfilled).longValue();
    } else {
      VariableScope scope = task;
      List<String> done = FormJson.read(scope.getVariableLocal(StatusVariables.MILESTONES_DONE),
          new TypeReference<List<String>>() { }, StatusVariables.MILESTONES_DONE);
      StatusReportInput input = new StatusReportInput(null, amount(scope.getVariableLocal(StatusVariables.PERCENT_COMPLETE),
          StatusVariables.PERCENT_COMPLETE), amount(scope.getVariableLocal(StatusVariables.ACTUAL_COST),
          StatusVariables.ACTUAL_COST),
          done == null ? List.of() : done.stream().map(id -> new StatusReportInput.MilestoneStatus(Long.valueOf(id),
              "DONE", null, null)).collect(Collectors.toList()),
          scope.getVariableLocal(StatusVariables.NOTES) == null ? null
              : scope.getVariableLocal(StatusVariables.NOTES).toString());
      reportId = reports.record(project, input, user, "TASKLIST").id();
    }
    task.getExecution().getProcessInstance().setVariable(StatusVariables.STATUS_REPORT_ID, reportId);
  }

  private static String orNa(BigDecimal value) {
    return value == null ? "n/a" : value.stripTrailingZeros().toPlainString();
  }
}
