package io.openpmo.task;

import io.openpmo.core.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs on every user task of every process, before the model's own listeners (the engine plugin adds it
 * as a built-in listener, which skipping custom listeners does not skip): records the task when it is
 * created (and lets the {@link TaskCreationHook}s add to it), refuses an assignee who may not hold it, whoever
 * assigns them, and on completion by a deputy records for whom they acted (votes record it with the vote) or
 * refuses a deputy whose deputyship is over.
 */
@Component("taskGovernanceListener")
public class TaskGovernanceListener implements TaskListener {

  private final TaskRecords records;
  private final TaskEligibility eligibility;
  private final CurrentUser currentUser;
  private final ObjectProvider<TaskCreationHook> hooks;

  TaskGovernanceListener(TaskRecords records, TaskEligibility eligibility, CurrentUser currentUser,
      ObjectProvider<TaskCreationHook> hooks) {
    this.records = records;
    this.eligibility = eligibility;
    this.currentUser = currentUser;
    this.hooks = hooks;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> {
        TaskRecord record = records.recordCreated(task);
        hooks.orderedStream().forEach(hook -> hook.created(task, record));
      }
      case EVENTNAME_ASSIGNMENT -> records.find(task.getId())
          // no record yet: the engine is creating the task with the assignee its model names
          .ifPresent(record -> {
            eligibility.checkMayHold(record, task.getName(), task.getAssignee());
            if (task.getAssignee() != null) {
              hooks.orderedStream().forEach(hook -> hook.assigned(task, record));
            }
          });
      case EVENTNAME_COMPLETE -> records.find(task.getId()).ifPresent(record -> completed(task, record));
      default -> {
        // other events carry no rule
      }
    }
  }

  private void completed(DelegateTask task, TaskRecord record) {
    String user = currentUser.id().orElse(task.getAssignee());
    if (user == null || record.isReview() || eligibility.mayHoldInOwnRight(record, user)) {
      return;
    }
    TaskEligibility.Standing standing;
    try {
      standing = eligibility.checkMayHold(record, task.getName(), user);
    } catch (TaskEligibilityException refused) {
      if (!eligibility.endedStandIn(user, record).isEmpty()) {
        throw refused;   // a deputy whose deputyship is over decides nothing more
      }
      return;   // the task's own listener judges who completes it
    }
    eligibility.recordDeputyAction(standing, task.getId(), record.projectId(), task.getName());
  }
}
