package io.openpmo.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * The engine side of the security baseline, whatever the configuration files say: authorization checks
 * on, and the narrow default task permission (work on a task, not update it); no expressions in queries
 * (on any surface, nested or-queries included); no Java serialization and deserialization only of an
 * allow-list of types; no XXE; models that run no code ({@link ModelCodeGuard}) and expressions that reach
 * our delegates and nothing else; the engine surface limited to what the processes intend
 * ({@link GovernanceCommandGuard}); every user task under the application's task governance; and a task call that
 * met another request's change of the same process retried before its caller hears of it
 * ({@link ConcurrentTaskChangeRetry}); the task queries of someone who may read every task not checked row by row,
 * with the same result ({@link TaskReadAuthorizations}).
 */
@Component
public class EngineHardeningPlugin extends AbstractProcessEnginePlugin implements ApplicationContextAware {

  private ApplicationContext applicationContext;

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationEnabled(true);
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(false);
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setEnableXxeProcessing(false);

    DelegateBeans delegates = new DelegateBeans(applicationContext);
    // expressions see our delegates and listeners only, not the whole application context
    configuration.setBeans(delegates);
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, delegates));

    Supplier<AssignmentCheck> assignmentCheck = () -> applicationContext.getBean(AssignmentCheck.class);
    Supplier<ModelDeploymentPolicy> models = () -> applicationContext.getBeanProvider(ModelDeploymentPolicy.class)
        .getIfAvailable();
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withGuards(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration, models, assignmentCheck));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withGuards(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration, models,
            assignmentCheck));

    // a task query of someone who may read every task is not checked task by task (same rows, README "Cost as the
    // data grows")
    List<SessionFactory> sessionFactories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessionFactories.addAll(configuration.getCustomSessionFactories());
    }
    sessionFactories.add(new TaskReadAuthorizations.Factory());
    configuration.setCustomSessionFactories(sessionFactories);

    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(new ModelCodeGuard(new ExpressionPolicy(delegates::isBean, delegates::isDelegate)));
    configuration.setCustomPreDeployers(deployers);

    List<BpmnParseListener> parseListeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    parseListeners.add(new TaskGovernanceParseListener(() ->
        applicationContext.getBean(TaskGovernanceParseListener.LISTENER_BEAN, TaskListener.class)));
    configuration.setCustomPreBPMNParseListeners(parseListeners);
  }

  private static List<CommandInterceptor> withGuards(List<CommandInterceptor> existing,
      ProcessEngineConfigurationImpl configuration, Supplier<ModelDeploymentPolicy> models,
      Supplier<AssignmentCheck> assignmentCheck) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    // one instance per chain: an interceptor holds its successor; outermost first: errors in words, no query
    // expressions, the governance guard (checked once), then the retry of a task call that met a concurrent change
    interceptors.add(0, new ConcurrentTaskChangeRetry());
    interceptors.add(0, new GovernanceCommandGuard(configuration.getIdentityService(),
        configuration.getRepositoryService(), models, assignmentCheck));
    interceptors.add(0, new QueryExpressionGuard());
    interceptors.add(0, new ClientErrorTranslator());
    return interceptors;
  }
}
