package io.openpmo.portfolio;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.openpmo.core.FiredRules;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.springframework.stereotype.Component;

/**
 * Which rules of which decision tables fired for a project, from the engine's decision history (history
 * level full), with the rule descriptions the business wrote in the tables: the "why" of every score.
 */
@Component
class DecisionHistory {

  private final HistoryService historyService;
  private final FiredRules firedRules;

  DecisionHistory(HistoryService historyService, FiredRules firedRules) {
    this.historyService = historyService;
    this.firedRules = firedRules;
  }

  /** The latest evaluation of each decision in the given process instances. */
  List<ProjectView.DecisionEvaluation> latest(List<String> processInstanceIds) {
    Map<String, HistoricDecisionInstance> latestPerDecision = new LinkedHashMap<>();
    for (String processInstanceId : processInstanceIds) {
      historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
          .includeOutputs().disableCustomObjectDeserialization().list().stream()
          .sorted(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime))
          .forEach(instance -> latestPerDecision.put(instance.getDecisionDefinitionKey(), instance));
    }
    List<ProjectView.DecisionEvaluation> evaluations = new ArrayList<>();
    for (HistoricDecisionInstance instance : latestPerDecision.values()) {
      Map<String, Map<String, Object>> outputsPerRule = new LinkedHashMap<>();
      for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
        outputsPerRule.computeIfAbsent(output.getRuleId(), id -> new LinkedHashMap<>())
            .put(output.getVariableName(), output.getValue());
      }
      List<ProjectView.FiredRule> rules = outputsPerRule.entrySet().stream()
          .map(rule -> new ProjectView.FiredRule(rule.getKey(),
              firedRules.description(instance.getDecisionDefinitionId(), rule.getKey()), rule.getValue()))
          .toList();
      evaluations.add(new ProjectView.DecisionEvaluation(instance.getDecisionDefinitionKey(),
          instance.getDecisionDefinitionName(),
          instance.getEvaluationTime().toInstant().atOffset(ZoneOffset.UTC), rules));
    }
    return evaluations;
  }
}
