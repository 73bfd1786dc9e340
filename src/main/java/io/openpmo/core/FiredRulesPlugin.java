package io.openpmo.core;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.stereotype.Component;

/** Lets {@link FiredRules} hear every decision table evaluation of the engine. */
@Component
class FiredRulesPlugin extends AbstractProcessEnginePlugin {

  private final FiredRules firedRules;

  FiredRulesPlugin(FiredRules firedRules) {
    this.firedRules = firedRules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
    if (dmn.getCustomPostDecisionTableEvaluationListeners() != null) {
      listeners.addAll(dmn.getCustomPostDecisionTableEvaluationListeners());
    }
    listeners.add(firedRules);
    dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
    configuration.setDmnEngineConfiguration(dmn);
  }
}
