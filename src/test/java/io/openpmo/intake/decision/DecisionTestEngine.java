package io.openpmo.intake.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;

/**
 * The Camunda DMN engine alone (no process engine, no Spring), loading the decisions of {@code dmn/} from the
 * classpath. Every evaluation also reports which rules fired in which decision table, so that a test can name the
 * band of a factor and not only the points it adds up to. Public: the decision tests of the other packages
 * (lifecycle, change) use it too.
 */
public final class DecisionTestEngine {

  private static final ThreadLocal<Map<String, List<String>>> FIRED_RULES =
      ThreadLocal.withInitial(LinkedHashMap::new);

  private static final DmnEngine ENGINE = buildEngine();

  private static DmnEngine buildEngine() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(DecisionTestEngine::recordFiredRules));
    return configuration.buildEngine();
  }

  private static void recordFiredRules(DmnDecisionEvaluationEvent event) {
    for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
      record(required);
    }
    record(event.getDecisionResult());
  }

  private static void record(DmnDecisionLogicEvaluationEvent event) {
    if (event instanceof DmnDecisionTableEvaluationEvent table) {
      FIRED_RULES.get().put(table.getDecision().getKey(),
          table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());
    }
  }

  /** Parses a decision, with the decisions it requires, as the process engine will deploy it. */
  public static DmnDecision decision(String resource, String decisionKey) {
    return ENGINE.parseDecision(decisionKey, read(resource));
  }

  /**
   * Parses a decision without its information requirements, so that the outputs of the required decisions can be
   * given as variables: reaches boundaries (a risk score of 24, say) that no combination of inputs produces.
   */
  public static DmnDecision tableAlone(String resource, String decisionKey) {
    DmnModelInstance model = read(resource);
    Decision decision = model.getModelElementById(decisionKey);
    for (InformationRequirement requirement : new ArrayList<>(decision.getInformationRequirements())) {
      decision.removeChildElement(requirement);
    }
    return ENGINE.parseDecision(decisionKey, model);
  }

  public static Evaluation evaluate(DmnDecision decision, Map<String, Object> variables) {
    FIRED_RULES.get().clear();
    DmnDecisionResult result = ENGINE.evaluateDecision(decision, Variables.fromMap(variables));
    Map<String, List<String>> fired = new LinkedHashMap<>(FIRED_RULES.get());
    FIRED_RULES.get().clear();
    return new Evaluation(result, fired);
  }

  private static DmnModelInstance read(String resource) {
    try (InputStream in = DecisionTestEngine.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of the top decision, and the ids of the rules that fired, per decision key. */
  public record Evaluation(DmnDecisionResult result, Map<String, List<String>> firedRules) {

    public <T> T single(String output) {
      return result.getSingleResult().getEntry(output);
    }

    public List<String> firedRules(String decisionKey) {
      return firedRules.getOrDefault(decisionKey, List.of());
    }
  }

  private DecisionTestEngine() {
  }
}
