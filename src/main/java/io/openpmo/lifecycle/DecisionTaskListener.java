package io.openpmo.lifecycle;

import io.openpmo.core.CurrentUser;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectFormListener;
import io.openpmo.project.ProjectMapper;
import io.openpmo.project.ProjectSummary;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A PMO (or resource manager) decision with a few named options, described in the model itself by the
 * task's input parameters: {@code decisionOptions} (comma separated), {@code decisionVariable} (the process
 * variable that receives the choice, for the gateway after the task) and {@code decisionAction} (the
 * audit trail's name for it). The form's {@code decision} must be one of the options; {@code comment}
 * explains it. Used for hold decisions, PM qualification exceptions, interventions on RED projects and
 * chasing missed reports, so that each is validated and on record the same way.
 */
@Component("decisionTaskListener")
class DecisionTaskListener extends ProjectFormListener {

  static final String OPTIONS = "decisionOptions";
  static final String VARIABLE = "decisionVariable";
  static final String ACTION = "decisionAction";
  static final String DECISION = "decision";
  static final String COMMENT = "comment";

  private final LifecycleService lifecycle;

  DecisionTaskListener(ProjectMapper projects, CurrentUser currentUser, LifecycleService lifecycle) {
    super(id -> projects.findById(id).orElseThrow(), currentUser);
    this.lifecycle = lifecycle;
  }

  @Override
  protected void prepare(DelegateTask task, Project project) {
    ProjectSummary.showOn(task, project, "");
  }

  @Override
  protected void complete(DelegateTask task, Project project, String by) {
    List<String> options = Arrays.stream(String.valueOf(task.getExecution().getVariable(OPTIONS)).split(","))
        .map(String::strip).toList();
    Object decision = task.getVariableLocal(DECISION);
    if (decision == null || !options.contains(decision.toString())) {
      throw new InvalidRequestException(DECISION, "must be one of " + String.join(", ", options)
          + " (was " + decision + ")");
    }
    Object comment = task.getVariableLocal(COMMENT);
    if (comment == null || comment.toString().isBlank()) {
      throw new InvalidRequestException(COMMENT, "is required to explain the decision");
    }
    if (comment.toString().length() > 4000) {
      throw new InvalidRequestException(COMMENT, "must be at most 4000 characters");
    }
    lifecycle.recordDecision(project, task.getId(), task.getTaskDefinitionKey(),
        String.valueOf(task.getExecution().getVariable(ACTION)), decision.toString(), comment.toString(), by);
    task.getExecution().getProcessInstance().setVariable(String.valueOf(task.getExecution().getVariable(VARIABLE)),
        decision.toString());
  }
}
