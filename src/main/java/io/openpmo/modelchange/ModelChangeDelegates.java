package io.openpmo.modelchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of modelChange, each a thin delegate over {@link ModelChangeService}. */
@Configuration
class ModelChangeDelegates {

  static long modelChangeId(DelegateExecution execution) {
    return ((Number) execution.getVariable(ModelChangeVariables.MODEL_CHANGE_ID)).longValue();
  }

  /** Runs every check; the gateway reads the system variable checksPassed. */
  @Bean
  JavaDelegate checkModelChangeDelegate(ModelChangeService changes) {
    return execution -> execution.setVariable(ModelChangeVariables.CHECKS_PASSED,
        changes.check(modelChangeId(execution)));
  }

  @Bean
  JavaDelegate simulateModelChangeDelegate(ModelChangeService changes) {
    return execution -> changes.simulate(modelChangeId(execution));
  }

  @Bean
  JavaDelegate deployModelChangeDelegate(ModelChangeService changes) {
    return execution -> changes.deployApproved(modelChangeId(execution));
  }

  @Bean
  JavaDelegate recordModelChangeRejectionDelegate(ModelChangeService changes) {
    return execution -> changes.recordRejection(modelChangeId(execution));
  }
}
