package io.openpmo.modelchange;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * A DMN engine of its own (no process engine, no history, nothing deployed) to evaluate decisions that are not in
 * force yet: the test cases of a proposal and the simulation on past inputs. It is the engine the process engine
 * embeds, with the same FEEL, so a proposed table is evaluated exactly as it will be once deployed. Each
 * evaluation tells which rules fired in which table.
 */
@Component
class StandaloneDecisions {

  /** The result of one evaluation: the decision's result entries and, per table, the rules that fired. */
  record Evaluation(List<Map<String, Object>> results, Map<String, List<String>> firedRules) {
  }

  private static final ThreadLocal<Map<String, List<String>>> FIRED = ThreadLocal.withInitial(LinkedHashMap::new);

  private final DmnEngine engine;

  StandaloneDecisions() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(StandaloneDecisions::recordFiredRules));
    engine = configuration.buildEngine();
  }

  private static void recordFiredRules(DmnDecisionEvaluationEvent event) {
    for (DmnDecisionLogicEvaluationEvent required : event.getRequiredDecisionResults()) {
      record(required);
    }
    record(event.getDecisionResult());
  }

  private static void record(DmnDecisionLogicEvaluationEvent event) {
    if (event instanceof DmnDecisionTableEvaluationEvent table) {
      FIRED.get().put(table.getDecision().getKey(),
          table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());
    }
  }

  /** The decisions of a DMN file. */
  List<DmnDecision> parse(byte[] dmn) {
    return engine.parseDecisions(new ByteArrayInputStream(dmn));
  }

  Optional<DmnDecision> decision(byte[] dmn, String key) {
    return parse(dmn).stream().filter(d -> d.getKey().equals(key)).findFirst();
  }

  Evaluation evaluate(DmnDecision decision, Map<String, Object> variables) {
    FIRED.get().clear();
    try {
      DmnDecisionResult result = engine.evaluateDecision(decision, variables);
      List<Map<String, Object>> entries = new ArrayList<>();
      result.forEach(entry -> entries.add(new LinkedHashMap<>(entry.getEntryMap())));
      return new Evaluation(entries, new LinkedHashMap<>(FIRED.get()));
    } finally {
      FIRED.get().clear();
    }
  }
}
