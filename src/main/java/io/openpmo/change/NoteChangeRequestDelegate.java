package io.openpmo.change;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.core.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The lifecycle notes a change raised on its project (the change runs in its own process). */
@Component("noteChangeRequestDelegate")
class NoteChangeRequestDelegate implements JavaDelegate {

  private final ChangeNotices notices;

  NoteChangeRequestDelegate(ChangeNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.recordNotedByLifecycle(projectId(execution), execution.getProcessBusinessKey(),
        execution.getVariable(ProcessVariables.LAST_CHANGE_REQUEST));
  }
}
