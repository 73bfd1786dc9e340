package io.openpmo.portfolio;

import io.openpmo.core.FiredRules;
import io.openpmo.modelchange.ModelChange;
import io.openpmo.modelchange.ModelVersion;
import io.openpmo.modelchange.ModelsInForce;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Which rules of which decision tables fired for a project, from the engine's decision history (history level
 * full), with the rule descriptions the business wrote in the tables: the "why" of every score. And which version of
 * each decision decided: the engine's version and version tag, and the model change that put it in force.
 */
@Component
class DecisionHistory {

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final FiredRules firedRules;
  private final ModelsInForce models;

  DecisionHistory(HistoryService historyService, RepositoryService repositoryService, FiredRules firedRules,
      ModelsInForce models) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.firedRules = firedRules;
    this.models = models;
  }

  /** The decision evaluations of the given process instances, oldest first. */
  List<HistoricDecisionInstance> evaluations(List<String> processInstanceIds) {
    List<HistoricDecisionInstance> all = new ArrayList<>();
    for (String processInstanceId : processInstanceIds) {
      all.addAll(historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
          .includeOutputs().disableCustomObjectDeserialization().list());
    }
    all.sort(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime));
    return all;
  }

  /** The latest evaluation of each decision. */
  List<ProjectView.DecisionEvaluation> latest(List<HistoricDecisionInstance> evaluations, Versions versions) {
    Map<String, HistoricDecisionInstance> latestPerDecision = new LinkedHashMap<>();
    evaluations.forEach(instance -> latestPerDecision.put(instance.getDecisionDefinitionKey(), instance));
    List<ProjectView.DecisionEvaluation> result = new ArrayList<>();
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
      result.add(new ProjectView.DecisionEvaluation(instance.getDecisionDefinitionKey(),
          instance.getDecisionDefinitionName(), instance.getEvaluationTime().toInstant().atOffset(ZoneOffset.UTC),
          rules, versions.of(instance.getDecisionDefinitionId())));
    }
    return result;
  }

  /** Every evaluation of a decision the processes made for the project (top decisions; required ones come with). */
  List<ProjectView.DecisionUse> uses(List<HistoricDecisionInstance> evaluations, Map<String, String> processKeys,
      Versions versions) {
    return evaluations.stream().filter(i -> i.getRootDecisionInstanceId() == null)
        .map(i -> new ProjectView.DecisionUse(i.getEvaluationTime().toInstant().atOffset(ZoneOffset.UTC),
            i.getDecisionDefinitionKey(), processKeys.getOrDefault(i.getProcessInstanceId(),
            i.getProcessDefinitionKey()), i.getActivityId(), outcome(i), versions.of(i.getDecisionDefinitionId())))
        .toList();
  }

  private static String outcome(HistoricDecisionInstance instance) {
    Map<String, List<String>> byOutput = new TreeMap<>();
    for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
      if (output.getValue() != null) {
        byOutput.computeIfAbsent(output.getVariableName(), n -> new ArrayList<>()).add(String.valueOf(output.getValue()));
      }
    }
    if (byOutput.isEmpty()) {
      return "(nothing)";
    }
    return byOutput.entrySet().stream().map(e -> e.getKey() + " " + String.join(", ", e.getValue().stream().distinct()
        .sorted().toList())).collect(Collectors.joining("; "));
  }

  Versions versions() {
    return new Versions();
  }

  /** Looks up (once per decision definition) the version that decided and the change that put it in force. */
  final class Versions {
    private final Map<String, ProjectView.DecisionVersion> known = new HashMap<>();

    ProjectView.DecisionVersion of(String decisionDefinitionId) {
      return known.computeIfAbsent(decisionDefinitionId, id -> {
        DecisionDefinition definition = repositoryService.getDecisionDefinition(id);
        ModelVersion carried = models.carriedBy(definition.getDeploymentId(), definition.getResourceName())
            .orElse(null);
        return new ProjectView.DecisionVersion(definition.getVersion(), definition.getVersionTag(), id,
            definition.getDeploymentId(), carried == null ? null : carried.origin(),
            carried == null || carried.modelChangeId() == null ? null : ModelChange.code(carried.modelChangeId()));
      });
    }
  }

}
