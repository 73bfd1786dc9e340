package io.openpmo.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * The engine side of the security baseline, whatever the configuration files say:
 * no expressions in queries (on any surface, nested or-queries included), no Java serialization,
 * no XXE, no scripts in deployed models, and authorization checks on.
 */
@Component
public class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(false);
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setEnableXxeProcessing(false);

    configuration.setCustomPreCommandInterceptorsTxRequired(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));

    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(new ScriptRejectingDeployer());
    configuration.setCustomPreDeployers(deployers);
  }

  private static List<CommandInterceptor> withGuard(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    // one instance per chain: an interceptor holds its successor
    interceptors.add(0, new QueryExpressionGuard());
    interceptors.add(0, new ClientErrorTranslator());
    return interceptors;
  }
}
