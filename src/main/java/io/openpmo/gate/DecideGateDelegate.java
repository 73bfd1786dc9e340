package io.openpmo.gate;

import static io.openpmo.gate.GateVariables.GATE_OUTCOME;
import static io.openpmo.gate.GateVariables.gateReviewId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("decideGateDelegate")
class DecideGateDelegate implements JavaDelegate {

  private final GateService gates;

  DecideGateDelegate(GateService gates) {
    this.gates = gates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(GATE_OUTCOME, gates.decide(gateReviewId(execution)));
  }
}
