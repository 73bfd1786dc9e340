package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.CHANGE_REJECTED;
import static io.openpmo.change.ChangeVariables.REAPPROVAL_GROUPS;
import static io.openpmo.change.ChangeVariables.ROUTING_FACTS;
import static io.openpmo.change.ChangeVariables.changeId;
import static io.openpmo.change.ChangeVariables.strings;

import io.openpmo.review.ApprovalRoute;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordReapprovalRouteDelegate")
class RecordReapprovalRouteDelegate implements JavaDelegate {

  private final ChangeService changes;

  RecordReapprovalRouteDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApprovalRoute route = ApprovalRoute.of(strings(execution.getVariable(REAPPROVAL_GROUPS)));
    changes.recordReapprovalRoute(changeId(execution), route.all());
    execution.setVariable(REAPPROVAL_GROUPS, new ArrayList<>(route.all()));
    execution.setVariable(CHANGE_REJECTED, false);
    ROUTING_FACTS.forEach(execution::removeVariable);
  }
}
