package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.CHANGE_APPROVER_GROUPS;
import static io.openpmo.change.ChangeVariables.CHANGE_CLASS;
import static io.openpmo.change.ChangeVariables.CHANGE_REJECTED;
import static io.openpmo.change.ChangeVariables.CLASSIFICATION_FACTS;
import static io.openpmo.change.ChangeVariables.changeId;
import static io.openpmo.change.ChangeVariables.strings;

import io.openpmo.core.FiredRules;
import io.openpmo.security.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps class and approvers (without duplicates, in a fixed order) on the change; the facts go. */
@Component("recordChangeClassificationDelegate")
class RecordChangeClassificationDelegate implements JavaDelegate {

  static final List<String> APPROVER_ORDER = List.of(Groups.PMO, Groups.FINANCE, Groups.RISK, Groups.COMPLIANCE,
      Groups.STEERING_COMMITTEE);

  private final ChangeService changes;
  private final FiredRules firedRules;

  RecordChangeClassificationDelegate(ChangeService changes, FiredRules firedRules) {
    this.changes = changes;
    this.firedRules = firedRules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> named = strings(execution.getVariable(CHANGE_APPROVER_GROUPS));
    List<String> approvers = new ArrayList<>(APPROVER_ORDER.stream().filter(named::contains).toList());
    changes.recordClassification(changeId(execution), (String) execution.getVariable(CHANGE_CLASS), approvers,
        firedRules.take(execution, "changeClassification", "changeApprovers"));
    execution.setVariable(CHANGE_APPROVER_GROUPS, approvers);
    execution.setVariable(CHANGE_REJECTED, false);
    CLASSIFICATION_FACTS.forEach(execution::removeVariable);
  }
}
