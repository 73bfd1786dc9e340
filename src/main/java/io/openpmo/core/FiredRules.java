package io.openpmo.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rules of the decision tables that fired, with the descriptions the business wrote in the tables, for the
 * audit trail: a service step after a business rule task asks which rules decided, and they become part of the
 * hash-chained audit event of the decision. The engine's decision history keeps the same facts for ever after.
 *
 * <p>How they travel: the engine tells this listener of every decision table it evaluates (in the thread that
 * evaluates it). A built-in listener on every business rule task (the engine seam's {@code FiredRulesPlugin})
 * forgets what the thread evaluated before when the task starts ({@link #beginTask()}) and, when the task ends,
 * writes what its tables fired into the process variable {@link ProcessVariables#FIRED_RULES} ({@link #keep}), in
 * the same transaction as the decision's result variable. The recording step reads that variable
 * ({@link #take}), so an async boundary (another thread, another transaction) between the decision and the
 * recording step loses nothing.
 */
@Component
public class FiredRules implements DmnDecisionTableEvaluationListener {

  private static final int KEPT = 50;
  private static final ThreadLocal<Deque<Evaluation>> RECENT = ThreadLocal.withInitial(ArrayDeque::new);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Evaluation>> KEPT_TYPE = new TypeReference<>() {
  };

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

  /** A business rule task starts: what this thread evaluated before belongs to somebody else. */
  public void beginTask() {
    RECENT.get().clear();
  }

  /**
   * A business rule task ends: the latest evaluation of each table it evaluated (its decision and the decisions
   * that one requires) goes into the process variable {@link ProcessVariables#FIRED_RULES}, replacing an earlier
   * evaluation of the same table (a resubmission scores again).
   */
  public void keep(VariableScope execution) {
    Deque<Evaluation> recent = RECENT.get();
    if (recent.isEmpty()) {
      return;
    }
    Map<String, Evaluation> kept = kept(execution);
    for (Evaluation evaluation : recent) {
      kept.remove(evaluation.decisionKey());
      kept.put(evaluation.decisionKey(), evaluation);
    }
    recent.clear();
    execution.setVariable(ProcessVariables.FIRED_RULES, json(kept));
  }

  /**
   * The rules that fired in the latest evaluation of each of the decisions in this process, as "decision: rule
   * description", and forgets them (the variable goes when nothing is left in it).
   */
  public List<String> take(VariableScope execution, String... decisionKeys) {
    Map<String, Evaluation> kept = kept(execution);
    List<String> fired = new ArrayList<>();
    for (String key : decisionKeys) {
      Evaluation latest = kept.remove(key);
      if (latest != null) {
        for (String ruleId : latest.ruleIds()) {
          String description = latest.decisionDefinitionId() == null ? null
              : description(latest.decisionDefinitionId(), ruleId);
          fired.add(key + ": " + (description == null ? ruleId : description));
        }
      }
    }
    if (kept.isEmpty()) {
      execution.removeVariable(ProcessVariables.FIRED_RULES);
    } else if (decisionKeys.length > 0) {
      execution.setVariable(ProcessVariables.FIRED_RULES, json(kept));
    }
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

  private static Map<String, Evaluation> kept(VariableScope execution) {
    Object value = execution.getVariable(ProcessVariables.FIRED_RULES);
    if (value == null) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(value.toString(), KEPT_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + ProcessVariables.FIRED_RULES + " variable", e);
    }
  }

  private static String json(Map<String, Evaluation> kept) {
    try {
      return JSON.writeValueAsString(kept);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
