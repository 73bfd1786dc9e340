package io.openpmo.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXParseException;

/**
 * Checks a model as the engine would at deployment, without deploying it: the engine's own BPMN parser (schema,
 * semantics, history time-to-live, with the parse listeners of this application) and DMN transformer run on the
 * bytes inside a command, and the deployment guard ({@link ModelCodeGuard}, the same class the engine runs on every
 * deployment) says whether the model would run code. Nothing is written: the parse builds definitions in memory
 * and throws them away, so no ids are drawn, no deployment lock is taken and the deployment cache is untouched.
 * A dry-run deployment rolled back would also run the deployers, but it takes the engine's deployment lock and
 * fills the cache with definitions that never existed; parsing is enough to find what the engine would refuse.
 */
@Component
public class ModelVerifier {

  /** A problem in a model: the element (when known), its line (0 when unknown) and what is wrong. */
  public record Problem(String elementId, int line, String message) {
  }

  private final ProcessEngineConfigurationImpl engine;
  private final ModelCodeGuard guard;
  private final DelegateBeans delegates;

  ModelVerifier(@Lazy ProcessEngineConfigurationImpl engine, ApplicationContext context) {
    this.engine = engine;
    this.delegates = new DelegateBeans(context);
    this.guard = new ModelCodeGuard(new ExpressionPolicy(delegates::isBean, delegates::isDelegate));
  }

  /** What the deployment guard refuses in the model: code in any form (scripts, classes, method calls, ...). */
  public List<Problem> codeInModel(String resourceName, byte[] bytes) {
    return guard.findings(resourceName, bytes).stream()
        .map(f -> new Problem(f.elementId(), f.line(), f.message())).toList();
  }

  /** Whether the name is one of our delegate or listener beans (what a delegateExpression may name). */
  public boolean isDelegate(String beanName) {
    return delegates.isDelegate(beanName);
  }

  /** What the engine's parser (BPMN) or transformer (DMN) refuses in the model; empty when it would deploy. */
  public List<Problem> engineParse(String resourceName, byte[] bytes) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn")) {
      return engine.getCommandExecutorTxRequired().execute(context -> parseBpmn(resourceName, bytes));
    }
    if (name.endsWith(".dmn")) {
      return engine.getCommandExecutorTxRequired().execute(context -> transformDmn(bytes));
    }
    return List.of();
  }

  private List<Problem> parseBpmn(String resourceName, byte[] bytes) {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setId("model-check");
    deployment.setName("model check");
    try {
      bpmnParser().createParse().deployment(deployment).sourceInputStream(new ByteArrayInputStream(bytes))
          .name(resourceName).execute();
      return List.of();
    } catch (ParseException e) {
      List<Problem> problems = new ArrayList<>();
      for (ResourceReport report : e.getResorceReports()) {
        for (org.camunda.bpm.engine.Problem error : report.getErrors()) {
          problems.add(new Problem(error.getMainElementId(), error.getLine(), error.getMessage()));
        }
      }
      return problems.isEmpty() ? List.of(new Problem(null, 0, e.getMessage())) : problems;
    } catch (ProcessEngineException e) {
      return List.of(fromException(e));
    }
  }

  private org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser bpmnParser() {
    return engine.getDeployers().stream()
        .filter(org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer.class::isInstance)
        .map(d -> ((org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer) d).getBpmnParser())
        .findFirst().orElseThrow(() -> new IllegalStateException("The engine has no BPMN deployer"));
  }

  private List<Problem> transformDmn(byte[] bytes) {
    try {
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
      engine.getDmnEngineConfiguration().getTransformer().createTransform().modelInstance(model)
          .transformDecisionRequirementsGraph();
      return List.of();
    } catch (RuntimeException e) {
      return List.of(fromException(e));
    }
  }

  private static Problem fromException(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException sax) {
        return new Problem(null, sax.getLineNumber(), sax.getMessage());
      }
    }
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !message.toString().contains(root.getMessage())) {
      message.append(": ").append(root.getMessage());
    }
    return new Problem(null, 0, message.toString());
  }
}
