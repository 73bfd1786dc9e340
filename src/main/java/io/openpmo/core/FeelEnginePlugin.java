package io.openpmo.core;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The DMN engine evaluates FEEL with {@link CachingFeelEngine} (parsed expressions and built-in functions kept). */
@Component
class FeelEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the engine sets the custom function providers on the DMN configuration before it creates the FEEL engine
    dmn.setFeelEngineFactory(new FeelEngineFactory() {
      @Override
      public FeelEngine createInstance() {
        return new CachingFeelEngine(dmn.getFeelCustomFunctionProviders());
      }
    });
    configuration.setDmnEngineConfiguration(dmn);
  }
}
