package io.openpmo.modelchange;

import io.openpmo.core.EngineAccess;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What a proposed change would do, on real history, before anybody approves it. Read as the system (the reviewer
 * sees the result, not the engine's history):
 * <ul>
 *   <li><b>Decisions.</b> Each decision a proposed DMN file evaluates (its top decisions; required ones come with
 *       them) is evaluated on the inputs of the last N real evaluations of the same key. The inputs are taken from
 *       the decision history (each input clause whose expression names a variable gives that variable) and, for
 *       computed inputs, from the process variables as they stood at the evaluation. Each past evaluation is first
 *       replayed on the version that made it: "reproduced" counts those whose replay gives the recorded outcome,
 *       which proves the inputs complete. Then the proposed version decides: how many outcomes would differ, for
 *       which projects, from what to what, and which rules cause it (rules that would now fire, rules that would
 *       no longer fire).</li>
 *   <li><b>Processes.</b> For each process the change deploys anew: the instances running on earlier versions,
 *       which stay on the version they started on (Camunda does not move them; no migration is part of a model
 *       change), and keep the forms of their deployment.</li>
 * </ul>
 */
@Component
class ModelChangeSimulation {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_DIFFERENCES = 200;
  private static final int MAX_KEYS = 20;

  record Simulation(int sampleSize, List<DecisionImpact> decisions, List<ProcessImpact> processes) {
  }

  record DecisionImpact(String decision, String file, int evaluated, int reproduced, int notEvaluable, int changed,
      int projectsAffected, List<String> projects, List<Difference> differences, List<RuleEffect> rules,
      List<String> notes) {
  }

  record Difference(String project, OffsetDateTime evaluatedAt, Integer decidedByVersion, String from, String to,
      List<String> rulesNowFiring, List<String> rulesNoLongerFiring) {
  }

  record RuleEffect(String decision, String ruleId, String description, int nowFires, int noLongerFires) {
  }

  record ProcessImpact(String process, String file, String why, List<RunningVersion> running, String effect) {
  }

  record RunningVersion(int version, long instances, List<String> businessKeys) {
  }

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final StandaloneDecisions decisions;

  ModelChangeSimulation(HistoryService historyService, RepositoryService repositoryService,
      RuntimeService runtimeService, EngineAccess engineAccess, StandaloneDecisions decisions) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.decisions = decisions;
  }

  Simulation simulate(List<ModelFile> proposed, Map<String, ModelFile> inForce, int sampleSize) {
    return engineAccess.asSystem(() -> {
      List<DecisionImpact> decisionImpacts = new ArrayList<>();
      for (ModelFile file : proposed) {
        if (file.kind() == ModelKind.DECISION) {
          decisionImpacts.addAll(decisions(file, sampleSize));
        }
      }
      List<ProcessImpact> processImpacts = new ArrayList<>();
      Map<String, ModelFile> complete = ModelDeployer.complete(proposed, inForce);
      for (ModelFile file : complete.values()) {
        if (file.kind() == ModelKind.PROCESS) {
          boolean changed = proposed.stream().anyMatch(p -> p.name().equals(file.name()));
          processImpacts.addAll(processes(file, changed ? "changed" : "deployed again with its changed form(s)"));
        }
      }
      return new Simulation(sampleSize, decisionImpacts, processImpacts);
    });
  }

  // ---------------------------------------------------------------- decisions

  private List<DecisionImpact> decisions(ModelFile file, int sampleSize) {
    DmnFacts facts;
    List<DmnDecision> proposedDecisions;
    try {
      facts = DmnFacts.of(file.content());
      proposedDecisions = decisions.parse(file.content());
    } catch (Exception e) {
      return List.of(); // the checks refuse it
    }
    List<DecisionImpact> impacts = new ArrayList<>();
    for (DmnFacts.Decision root : facts.roots()) {
      DmnDecision proposed = proposedDecisions.stream().filter(d -> d.getKey().equals(root.key())).findFirst()
          .orElse(null);
      if (proposed != null) {
        impacts.add(decision(file, root.key(), proposed, facts, sampleSize));
      }
    }
    return impacts;
  }

  private DecisionImpact decision(ModelFile file, String key, DmnDecision proposed, DmnFacts proposedFacts,
      int sampleSize) {
    List<HistoricDecisionInstance> history = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(key).rootDecisionInstancesOnly().includeInputs().includeOutputs()
        .disableCustomObjectDeserialization().orderByEvaluationTime().desc().listPage(0, sampleSize);
    Map<String, DmnDecision> historicVersions = new HashMap<>();
    Map<String, DmnModelInstance> historicModels = new HashMap<>();
    Map<String, Integer> versionNumbers = new HashMap<>();
    Map<String, String> businessKeys = new HashMap<>();
    Map<String, RuleCount> ruleCounts = new TreeMap<>();
    List<Difference> differences = new ArrayList<>();
    Set<String> affected = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    int reproduced = 0;
    int notEvaluable = 0;
    int changed = 0;
    for (HistoricDecisionInstance instance : history) {
      String definitionId = instance.getDecisionDefinitionId();
      DmnDecision historic = historicVersions.computeIfAbsent(definitionId, id -> historicDecision(id, key));
      Map<String, Object> variables = inputs(instance, historicModels);
      String project = businessKeys.computeIfAbsent(instance.getRootProcessInstanceId() == null ? ""
          : instance.getRootProcessInstanceId(), this::businessKey);
      if (project == null || project.isEmpty()) {
        project = instance.getProcessInstanceId() == null ? "(evaluated directly)" : instance.getProcessInstanceId();
      }
      String recorded = outcome(recordedOutputs(instance));
      StandaloneDecisions.Evaluation before;
      StandaloneDecisions.Evaluation after;
      try {
        before = historic == null ? null : decisions.evaluate(historic, variables);
        after = decisions.evaluate(proposed, variables);
      } catch (RuntimeException e) {
        notEvaluable++;
        if (notes.size() < 5) {
          notes.add(project + ": cannot be evaluated on its recorded inputs (" + e.getMessage() + ")");
        }
        continue;
      }
      if (before != null && outcome(before.results()).equals(recorded)) {
        reproduced++;
      }
      String proposedOutcome = outcome(after.results());
      if (!proposedOutcome.equals(recorded)) {
        changed++;
        affected.add(project);
        List<String> nowFiring = new ArrayList<>();
        List<String> noLongerFiring = new ArrayList<>();
        Map<String, List<String>> old = before == null ? Map.of() : before.firedRules();
        Set<String> tables = new LinkedHashSet<>(after.firedRules().keySet());
        tables.addAll(old.keySet());
        for (String table : tables) {
          List<String> was = old.getOrDefault(table, List.of());
          List<String> is = after.firedRules().getOrDefault(table, List.of());
          for (String rule : is) {
            if (!was.contains(rule)) {
              nowFiring.add(rule);
              ruleCounts.computeIfAbsent(table + "/" + rule, r -> new RuleCount(table, rule)).now++;
            }
          }
          for (String rule : was) {
            if (!is.contains(rule)) {
              noLongerFiring.add(rule);
              ruleCounts.computeIfAbsent(table + "/" + rule, r -> new RuleCount(table, rule)).noLonger++;
            }
          }
        }
        if (differences.size() < MAX_DIFFERENCES) {
          differences.add(new Difference(project, instance.getEvaluationTime().toInstant().atOffset(ZoneOffset.UTC),
              versionNumbers.computeIfAbsent(definitionId, this::version), recorded, proposedOutcome, nowFiring,
              noLongerFiring));
        }
      }
    }
    if (history.isEmpty()) {
      notes.add("no past evaluation of " + key + " to simulate on");
    }
    List<RuleEffect> rules = ruleCounts.values().stream()
        .map(c -> new RuleEffect(c.table, c.rule, description(proposedFacts, historicModels, c.table, c.rule), c.now,
            c.noLonger))
        .sorted(Comparator.comparingInt((RuleEffect r) -> -(r.nowFires() + r.noLongerFires())))
        .toList();
    return new DecisionImpact(key, file.name(), history.size(), reproduced, notEvaluable, changed, affected.size(),
        List.copyOf(affected), differences, rules, notes);
  }

  private static final class RuleCount {
    final String table;
    final String rule;
    int now;
    int noLonger;

    RuleCount(String table, String rule) {
      this.table = table;
      this.rule = rule;
    }
  }

  private DmnDecision historicDecision(String decisionDefinitionId, String key) {
    try (InputStream model = repositoryService.getDecisionModel(decisionDefinitionId)) {
      return decisions.decision(model.readAllBytes(), key).orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The variables a past evaluation saw: each input clause whose expression is a variable name, in the decision and
   * the decisions it required; then, for inputs computed from other variables, the process variables as they stood
   * at the evaluation.
   */
  private Map<String, Object> inputs(HistoricDecisionInstance root, Map<String, DmnModelInstance> models) {
    Map<String, Object> variables = new HashMap<>();
    List<HistoricDecisionInstance> evaluation = new ArrayList<>();
    evaluation.add(root);
    evaluation.addAll(historyService.createHistoricDecisionInstanceQuery().rootDecisionInstanceId(root.getId())
        .includeInputs().disableCustomObjectDeserialization().list().stream()
        .filter(i -> !i.getId().equals(root.getId())).toList());
    for (HistoricDecisionInstance instance : evaluation) {
      DmnModelInstance model = models.computeIfAbsent(instance.getDecisionDefinitionId(),
          repositoryService::getDmnModelInstance);
      for (HistoricDecisionInputInstance input : instance.getInputs()) {
        ModelElementInstance clause = model.getModelElementById(input.getClauseId());
        if (clause instanceof Input in && in.getInputExpression() != null && in.getInputExpression().getText() != null) {
          String expression = in.getInputExpression().getText().getTextContent().strip();
          if (IDENTIFIER.matcher(expression).matches()) {
            variables.put(expression, input.getValue());
          }
        }
      }
    }
    if (root.getProcessInstanceId() != null) {
      List<HistoricDetail> updates = historyService.createHistoricDetailQuery().variableUpdates()
          .processInstanceId(root.getProcessInstanceId()).disableCustomObjectDeserialization()
          .orderPartiallyByOccurrence().asc().list();
      Map<String, Object> asThen = new HashMap<>();
      for (HistoricDetail detail : updates) {
        if (detail instanceof HistoricVariableUpdate update && detail.getTime() != null
            && !detail.getTime().after(root.getEvaluationTime())) {
          asThen.put(update.getVariableName(), update.getValue());
        }
      }
      asThen.forEach(variables::putIfAbsent);
    }
    return variables;
  }

  private static List<Map<String, Object>> recordedOutputs(HistoricDecisionInstance instance) {
    Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
    for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
      String entry = output.getRuleId() + "#" + output.getRuleOrder();
      entries.computeIfAbsent(entry, e -> new LinkedHashMap<>()).put(output.getVariableName(), output.getValue());
    }
    return new ArrayList<>(entries.values());
  }

  /** An outcome as a person reads it, and compares it: entries in any order, numbers without trailing zeros. */
  static String outcome(List<Map<String, Object>> results) {
    List<String> entries = new ArrayList<>();
    boolean several = false;
    for (Map<String, Object> result : results) {
      Map<String, Object> entry = new TreeMap<>(result);
      entry.values().removeIf(Objects::isNull);
      if (entry.isEmpty()) {
        continue;
      }
      several |= entry.size() > 1;
      entries.add(entry.size() == 1 ? normalized(entry.values().iterator().next())
          : entry.entrySet().stream().map(e -> e.getKey() + " " + normalized(e.getValue()))
              .collect(Collectors.joining(", ")));
    }
    if (entries.isEmpty()) {
      return "(nothing)";
    }
    return entries.stream().sorted().collect(Collectors.joining(several ? "; " : ", "));
  }

  private static String normalized(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  private String businessKey(String rootProcessInstanceId) {
    if (rootProcessInstanceId.isEmpty()) {
      return null;
    }
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(rootProcessInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private Integer version(String decisionDefinitionId) {
    return repositoryService.getDecisionDefinition(decisionDefinitionId).getVersion();
  }

  private static String description(DmnFacts proposed, Map<String, DmnModelInstance> historic, String table,
      String rule) {
    DmnFacts.Decision decision = proposed.decisions.get(table);
    if (decision != null) {
      for (DmnFacts.Rule r : decision.rules()) {
        if (r.id().equals(rule) && r.description() != null) {
          return r.description();
        }
      }
    }
    for (DmnModelInstance model : historic.values()) {
      ModelElementInstance element = model.getModelElementById(rule);
      if (element instanceof org.camunda.bpm.model.dmn.instance.Rule r && r.getDescription() != null) {
        return r.getDescription().getTextContent().strip();
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- processes

  private List<ProcessImpact> processes(ModelFile file, String why) {
    BpmnFacts facts;
    try {
      facts = BpmnFacts.of(file.content());
    } catch (Exception e) {
      return List.of();
    }
    List<ProcessImpact> impacts = new ArrayList<>();
    for (String key : facts.processes.keySet()) {
      Map<String, List<ProcessInstance>> byDefinition = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(key).list().stream()
          .collect(Collectors.groupingBy(ProcessInstance::getProcessDefinitionId, TreeMap::new, Collectors.toList()));
      List<RunningVersion> running = new ArrayList<>();
      byDefinition.forEach((definitionId, instances) -> running.add(new RunningVersion(
          repositoryService.getProcessDefinition(definitionId).getVersion(), instances.size(),
          instances.stream().map(ProcessInstance::getBusinessKey).filter(Objects::nonNull).distinct().limit(MAX_KEYS)
              .toList())));
      running.sort(Comparator.comparingInt(RunningVersion::version));
      long total = running.stream().mapToLong(RunningVersion::instances).sum();
      String effect = total == 0 ? "No instance is running: the new version takes every new start."
          : total + " running instance(s) stay on the version they started on and finish there, with the forms of"
              + " their deployment; new instances start on the new version. No instance is migrated.";
      impacts.add(new ProcessImpact(key, file.name(), why, running, effect));
    }
    return impacts;
  }
}
