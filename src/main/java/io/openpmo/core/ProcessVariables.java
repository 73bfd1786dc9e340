package io.openpmo.core;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Variables every OpenPMO process carries. */
public final class ProcessVariables {

  /** The id of the project row the process works on (every process has it). */
  public static final String PROJECT_ID = "projectId";

  /**
   * The rules the decision tables of the business rule tasks fired, kept until the step that records the decision
   * takes them ({@link FiredRules}); a JSON text, written by the engine, never by a form.
   */
  public static final String FIRED_RULES = "firedRules";

  /**
   * The project a process (or a task of it) works on. For a task it is read from its execution, never from the
   * task's own variables, which hold what a person submitted.
   */
  public static long projectId(VariableScope scope) {
    VariableScope owner = scope instanceof DelegateTask task && task.getExecution() != null ? task.getExecution() : scope;
    return ((Number) owner.getVariable(PROJECT_ID)).longValue();
  }

  private ProcessVariables() {
  }
}
