package io.openpmo.core;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Variables every OpenPMO process carries. */
public final class ProcessVariables {

  /** The id of the project row the process works on (every process has it). */
  public static final String PROJECT_ID = "projectId";
  /** The project's code (PRJ-yyyy-nnnn), for mails, escalations and Cockpit. */
  public static final String PROJECT_CODE = "projectCode";
  /**
   * The code of the change request last raised for the project: set by the change process when it registers one
   * and by the lifecycle when the PMO's intervention raises one; read by the lifecycle and the status cycle.
   */
  public static final String LAST_CHANGE_REQUEST = "lastChangeRequest";

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
