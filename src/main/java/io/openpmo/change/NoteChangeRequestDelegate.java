package io.openpmo.change;

import static io.openpmo.core.ProcessVariables.projectId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The lifecycle notes a change raised on its project (the change runs in its own process). */
@Component("noteChangeRequestDelegate")
class NoteChangeRequestDelegate implements JavaDelegate {

  private final io.openpmo.audit.AuditTrail auditTrail;

  NoteChangeRequestDelegate(io.openpmo.audit.AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    auditTrail.record("CHANGE_NOTED_BY_LIFECYCLE",
        projectId(execution), execution.getProcessBusinessKey(),
        java.util.Map.of("change", String.valueOf(execution.getVariable(io.openpmo.core.ProcessVariables.LAST_CHANGE_REQUEST))));
  }
}
