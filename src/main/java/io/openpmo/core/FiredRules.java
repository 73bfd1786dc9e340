package io.openpmo.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rules of the decision tables that just fired, with the descriptions the business wrote in the tables,
 * for the audit trail: a service step after a business rule task asks which rules decided (same thread, same
 * transaction). The engine's decision history keeps the same facts for ever after; this makes them part of
 * the hash-chained audit event of the decision.
 */
@Component
public class FiredRules implements DmnDecisionTableEvaluationListener {

  private static final int KEPT = 50;
  private static final ThreadLocal<Deque<Evaluation>> RECENT = ThreadLocal.withInitial(ArrayDeque::new);

  private final RepositoryService repositoryService;
  private final Map<String, DmnModelInstance> models = new ConcurrentHashMap<>();

  public FiredRules(@Lazy RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** One evaluation of a decision table: which deployed version and which rules matched. */
  record Evaluation(String decisionKey, String decisionDefinitionId, List<String> ruleIds) {
  }

  @Override
  public void notify(DmnDecisionTableEvaluationEvent event) {
    DmnDecision decision = event.getDecisionTable();
    String definitionId = decision instanceof DecisionDefinition definition ? definition.getId() : null;
    Deque<Evaluation> recent = RECENT.get();
    recent.addLast(new Evaluation(decision.getKey(), definitionId,
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList()));
    while (recent.size() > KEPT) {
      recent.removeFirst();
    }
  }

  /**
   * The rules that fired in this thread's latest evaluation of each of the decisions, as "decision: rule
   * description", and forgets them.
   */
  public List<String> take(String... decisionKeys) {
    List<String> keys = Arrays.asList(decisionKeys);
    List<String> fired = new ArrayList<>();
    Deque<Evaluation> recent = RECENT.get();
    for (String key : keys) {
      Evaluation latest = null;
      for (Iterator<Evaluation> it = recent.descendingIterator(); it.hasNext(); ) {
        Evaluation evaluation = it.next();
        if (evaluation.decisionKey().equals(key)) {
          latest = evaluation;
          break;
        }
      }
      if (latest != null) {
        for (String ruleId : latest.ruleIds()) {
          String description = latest.decisionDefinitionId() == null ? null
              : description(latest.decisionDefinitionId(), ruleId);
          fired.add(key + ": " + (description == null ? ruleId : description));
        }
      }
    }
    recent.removeIf(evaluation -> keys.contains(evaluation.decisionKey()));
    return fired;
  }

  /** The description of a rule in a deployed decision table (null when it has none). */
  public String description(String decisionDefinitionId, String ruleId) {
    DmnModelInstance model = models.computeIfAbsent(decisionDefinitionId, repositoryService::getDmnModelInstance);
    ModelElementInstance element = model.getModelElementById(ruleId);
    if (element instanceof Rule rule && rule.getDescription() != null) {
      return rule.getDescription().getTextContent().strip();
    }
    return null;
  }
}
