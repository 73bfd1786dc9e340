package io.openpmo.core;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Variables every OpenPMO process carries. */
public final class ProcessVariables {

  /** The id of the project row the process works on (every process has it). */
  public static final String PROJECT_ID = "projectId";

  public static long projectId(VariableScope scope) {
    return ((Number) scope.getVariable(PROJECT_ID)).longValue();
  }

  private ProcessVariables() {
  }
}
