package io.openpmo.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Runs on every user task of every process, before the model's own listeners (the engine plugin adds it
 * as a built-in listener, which skipping custom listeners does not skip): records the task when it is
 * created and refuses an assignee who may not hold it, whoever assigns them.
 */
@Component("taskGovernanceListener")
public class TaskGovernanceListener implements TaskListener {

  private final TaskRecords records;
  private final TaskEligibility eligibility;

  TaskGovernanceListener(TaskRecords records, TaskEligibility eligibility) {
    this.records = records;
    this.eligibility = eligibility;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> records.recordCreated(task);
      case EVENTNAME_ASSIGNMENT -> records.find(task.getId())
          // no record yet: the engine is creating the task with the assignee its model names
          .ifPresent(record -> eligibility.checkMayHold(record, task.getName(), task.getAssignee()));
      default -> {
        // other events carry no rule
      }
    }
  }
}
