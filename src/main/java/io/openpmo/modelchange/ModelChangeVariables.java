package io.openpmo.modelchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The names of the process modelChange and its variables, in one place. */
final class ModelChangeVariables {

  static final String PROCESS_KEY = "modelChange";
  /** The model change the process governs (set by the service that starts it). */
  static final String MODEL_CHANGE_ID = "modelChangeId";
  /** System variable: the checks passed (set by the checks step). */
  static final String CHECKS_PASSED = "checksPassed";
  /** System variable: the reviewer rejected (set after the vote). */
  static final String REJECTED = "modelChangeRejected";

  /** The model change this instance works on. */
  static long modelChangeId(DelegateExecution execution) {
    return ((Number) execution.getVariable(MODEL_CHANGE_ID)).longValue();
  }

  private ModelChangeVariables() {
  }
}
