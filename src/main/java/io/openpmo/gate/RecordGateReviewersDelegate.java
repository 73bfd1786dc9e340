package io.openpmo.gate;

import static io.openpmo.gate.GateVariables.DECISION_FACTS;
import static io.openpmo.gate.GateVariables.REVIEWER_GROUPS;
import static io.openpmo.gate.GateVariables.gateReviewId;

import io.openpmo.security.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps the reviewer groups, without duplicates and in a fixed order; the decision's facts go. */
@Component("recordGateReviewersDelegate")
class RecordGateReviewersDelegate implements JavaDelegate {

  static final List<String> REVIEWER_ORDER = List.of(Groups.PMO, Groups.FINANCE, Groups.RISK, Groups.COMPLIANCE,
      Groups.INFOSEC, Groups.STEERING_COMMITTEE, Groups.EXECUTIVE_COMMITTEE);

  private final GateService gates;

  RecordGateReviewersDelegate(GateService gates) {
    this.gates = gates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Collection<?> raw = (Collection<?>) execution.getVariable(REVIEWER_GROUPS);
    List<String> named = raw.stream().map(Object::toString).toList();
    List<String> groups = new ArrayList<>(REVIEWER_ORDER.stream().filter(named::contains).toList());
    if (!groups.contains(Groups.PMO)) {
      groups.add(0, Groups.PMO);
    }
    gates.setReviewers(gateReviewId(execution), groups);
    execution.setVariable(REVIEWER_GROUPS, groups);
    DECISION_FACTS.forEach(execution::removeVariable);
  }
}
