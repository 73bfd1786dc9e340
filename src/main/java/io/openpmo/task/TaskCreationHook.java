package io.openpmo.task;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Runs for every user task of every process right after the task is recorded, before the model's own listeners:
 * features add what every task needs (the deputies of absent candidates, the decision context on the form); and
 * again when somebody takes the task, so that what they read is up to date.
 */
public interface TaskCreationHook {

  void created(DelegateTask task, TaskRecord record);

  /** Somebody now holds the task (claimed or assigned); nothing by default. */
  default void assigned(DelegateTask task, TaskRecord record) {
  }
}
