package io.openpmo.change;

import static io.openpmo.change.ChangeVariables.changeId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("gatherChangeFactsDelegate")
class GatherChangeFactsDelegate implements JavaDelegate {

  private final ChangeService changes;

  GatherChangeFactsDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    changes.classificationFacts(changeId(execution)).forEach(execution::setVariable);
  }
}
