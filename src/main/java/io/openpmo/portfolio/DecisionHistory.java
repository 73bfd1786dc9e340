package io.openpmo.portfolio;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Which rules of which decision tables fired for a project, from the engine's decision history (history
 * level full), with the rule descriptions the business wrote in the tables: the "why" of every score.
 */
@Component
class DecisionHistory {

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final Map<String, DmnModelInstance> models = new ConcurrentHashMap<>();

  DecisionHistory(HistoryService historyService, RepositoryService repositoryService) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
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
              description(instance.getDecisionDefinitionId(), rule.getKey()), rule.getValue()))
          .toList();
      evaluations.add(new ProjectView.DecisionEvaluation(instance.getDecisionDefinitionKey(),
          instance.getDecisionDefinitionName(),
          instance.getEvaluationTime().toInstant().atOffset(ZoneOffset.UTC), rules));
    }
    return evaluations;
  }

  private String description(String decisionDefinitionId, String ruleId) {
    DmnModelInstance model = models.computeIfAbsent(decisionDefinitionId, repositoryService::getDmnModelInstance);
    ModelElementInstance element = model.getModelElementById(ruleId);
    if (element instanceof Rule rule && rule.getDescription() != null) {
      return rule.getDescription().getTextContent().strip();
    }
    return null;
  }
}
