package io.openpmo.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets our beans hear the engine's decision evaluations: every bean that is a
 * {@link DmnDecisionTableEvaluationListener} (e.g. {@code core.FiredRules}, for the audit trail) or a
 * {@link DmnDecisionEvaluationListener} (e.g. the decision counters of {@code operations}) is registered with the
 * engine's DMN configuration. The listener interfaces are public API; only this plugin touches the configuration.
 */
@Component
class DecisionListenersPlugin extends AbstractProcessEnginePlugin {

  private final List<DmnDecisionTableEvaluationListener> tableListeners;
  private final List<DmnDecisionEvaluationListener> decisionListeners;

  DecisionListenersPlugin(List<DmnDecisionTableEvaluationListener> tableListeners,
      List<DmnDecisionEvaluationListener> decisionListeners) {
    this.tableListeners = tableListeners;
    this.decisionListeners = decisionListeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    List<DmnDecisionTableEvaluationListener> tables = new ArrayList<>();
    if (dmn.getCustomPostDecisionTableEvaluationListeners() != null) {
      tables.addAll(dmn.getCustomPostDecisionTableEvaluationListeners());
    }
    tables.addAll(tableListeners);
    dmn.setCustomPostDecisionTableEvaluationListeners(tables);
    List<DmnDecisionEvaluationListener> decisions = new ArrayList<>();
    if (dmn.getCustomPostDecisionEvaluationListeners() != null) {
      decisions.addAll(dmn.getCustomPostDecisionEvaluationListeners());
    }
    decisions.addAll(decisionListeners);
    dmn.setCustomPostDecisionEvaluationListeners(decisions);
    configuration.setDmnEngineConfiguration(dmn);
  }
}
