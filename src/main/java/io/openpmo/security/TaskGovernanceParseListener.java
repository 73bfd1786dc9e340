package io.openpmo.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every user task of every deployed process the application's task governance (record the task when
 * it is created, refuse an ineligible assignee, record what a deputy completed), as a built-in listener: it runs before the model's own
 * listeners, a model cannot leave it out, and skipping custom listeners does not skip it.
 */
class TaskGovernanceParseListener extends AbstractBpmnParseListener {

  static final String LISTENER_BEAN = "taskGovernanceListener";

  private final TaskListener governance;

  TaskGovernanceParseListener(Supplier<TaskListener> listener) {
    // the bean is looked up when the first task event fires: the engine is parsed before all beans exist
    this.governance = new TaskListener() {
      private volatile TaskListener resolved;

      @Override
      public void notify(DelegateTask task) {
        TaskListener target = resolved;
        if (target == null) {
          target = listener.get();
          resolved = target;
        }
        target.notify(task);
      }
    };
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      TaskDefinition definition = behavior.getTaskDefinition();
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, governance);
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, governance);
      // a deputy's completion records whom they acted for; an ended stand-in completes nothing
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, governance);
    }
  }
}
