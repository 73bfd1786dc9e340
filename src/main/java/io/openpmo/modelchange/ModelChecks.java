package io.openpmo.modelchange;

import io.openpmo.security.ModelVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Every check a proposed model passes before anybody reviews it, and again before an emergency deployment: each
 * failure named by file, element and line.
 * <ol>
 *   <li>the engine parses every BPMN and DMN file (its own parser and transformer, nothing deployed);</li>
 *   <li>no code in models: the deployment guard's rules ({@code security.ModelCodeGuard});</li>
 *   <li>every FEEL text of every decision compiles;</li>
 *   <li>UNIQUE tables have no overlapping rules, and single-result tables no gap (proven over the whole input
 *       domain, {@link DecisionTableAnalysis});</li>
 *   <li>every reference resolves: forms (bound to the process's deployment), called processes, decisions; the
 *       contract the code relies on holds ({@link ModelContract}); a changed file keeps its keys, a changed form
 *       its fields;</li>
 *   <li>forms are form-js schemas with an id (the file name) and known components;</li>
 *   <li>the decision test cases ({@code dmn/tests/*.csv}) pass against the decisions as they would be.</li>
 * </ol>
 */
@Component
class ModelChecks {

  private final ModelVerifier verifier;
  private final StandaloneDecisions decisions;

  ModelChecks(ModelVerifier verifier, StandaloneDecisions decisions) {
    this.verifier = verifier;
    this.decisions = decisions;
  }

  /**
   * The problems of the proposed files, read against the models they would join: those in force with the
   * proposed ones in their place.
   */
  List<CheckProblem> check(List<ModelFile> proposed, Map<String, ModelFile> inForce) {
    Map<String, ModelFile> effective = new LinkedHashMap<>(inForce);
    proposed.forEach(file -> effective.put(file.name(), file));
    Index index = Index.of(effective);
    List<CheckProblem> problems = new ArrayList<>(index.problems);
    for (ModelFile file : proposed) {
      switch (file.kind()) {
        case PROCESS -> problems.addAll(process(file, inForce.get(file.name()), index));
        case DECISION -> problems.addAll(decision(file, inForce.get(file.name())));
        case FORM -> problems.addAll(form(file, inForce.get(file.name())));
        case TEST -> {
          // run with every other test below
        }
      }
    }
    boolean decisionsChange = proposed.stream().anyMatch(f -> f.kind() == ModelKind.DECISION
        || f.kind() == ModelKind.TEST);
    if (decisionsChange) {
      Map<String, byte[]> dmn = new LinkedHashMap<>();
      effective.values().stream().filter(f -> f.kind() == ModelKind.DECISION).forEach(f -> dmn.put(f.name(), f.content()));
      for (ModelFile tests : effective.values()) {
        if (tests.kind() == ModelKind.TEST) {
          problems.addAll(DecisionTestCases.run(tests, dmn, decisions));
        }
      }
    }
    return problems;
  }

  private List<CheckProblem> engineAndCode(ModelFile file) {
    List<CheckProblem> problems = new ArrayList<>();
    for (ModelVerifier.Problem p : verifier.engineParse(file.name(), file.content())) {
      problems.add(new CheckProblem(file.name(), p.elementId(), p.line(), CheckProblem.PARSE,
          "the engine refuses it: " + p.message()));
    }
    for (ModelVerifier.Problem p : verifier.codeInModel(file.name(), file.content())) {
      problems.add(new CheckProblem(file.name(), p.elementId(), p.line(), CheckProblem.CODE, p.message()));
    }
    return problems;
  }

  private List<CheckProblem> process(ModelFile file, ModelFile previous, Index index) {
    List<CheckProblem> problems = engineAndCode(file);
    BpmnFacts facts = index.bpmn.get(file.name());
    if (facts == null) {
      return problems;
    }
    String name = file.name();
    for (BpmnFacts.Ref ref : facts.formRefs) {
      if (!"deployment".equals(ref.binding())) {
        problems.add(new CheckProblem(name, ref.elementId(), ref.line(), CheckProblem.REFERENCE,
            "binds the form '" + ref.target() + "' by \"" + (ref.binding().isEmpty() ? "latest" : ref.binding())
                + "\"; bind it to the deployment (camunda:formRefBinding=\"deployment\") so that open tasks keep the"
                + " form they were created with"));
      }
      if (!index.formIds.contains(ref.target())) {
        problems.add(new CheckProblem(name, ref.elementId(), ref.line(), CheckProblem.REFERENCE,
            "refers to the form '" + ref.target() + "', which no form defines; known forms: "
                + String.join(", ", index.formIds)));
      }
    }
    for (BpmnFacts.Ref ref : facts.calledElements) {
      if (!index.processKeys.containsKey(ref.target())) {
        problems.add(new CheckProblem(name, ref.elementId(), ref.line(), CheckProblem.REFERENCE,
            "calls the process '" + ref.target() + "', which no process defines"));
      }
    }
    for (BpmnFacts.RuleTask task : facts.ruleTasks) {
      if (!index.decisionKeys.containsKey(task.decisionRef())) {
        problems.add(new CheckProblem(name, task.elementId(), task.line(), CheckProblem.REFERENCE,
            "evaluates the decision '" + task.decisionRef() + "', which no decision table defines"));
      }
    }
    for (String key : facts.processes.keySet()) {
      int line = facts.processLines.getOrDefault(key, 0);
      for (ModelContract.Requirement requirement : ModelContract.forProcess(key)) {
        String missing = switch (requirement.kind()) {
          case MESSAGE -> facts.messageNames.contains(requirement.name()) ? null
              : "no message named '" + requirement.name() + "'";
          case ELEMENT -> facts.elementIds.contains(requirement.name()) ? null
              : "no element '" + requirement.name() + "'";
          case RESULT_VARIABLE -> resultVariable(facts, requirement);
          default -> null;
        };
        if (missing != null) {
          problems.add(new CheckProblem(name, key, line, CheckProblem.CONTRACT, "process '" + key + "' has " + missing
              + ", which the code relies on: " + requirement.usedBy()));
        }
      }
    }
    if (previous != null) {
      BpmnFacts before = index.bpmnOf(previous);
      if (before != null) {
        for (String key : before.processes.keySet()) {
          if (!facts.processes.containsKey(key)) {
            problems.add(new CheckProblem(name, key, 0, CheckProblem.CONTRACT, "no longer defines the process '" + key
                + "' that the version in force defines; a process keeps its key (a new key is a new file)"));
          }
        }
      }
    }
    return problems;
  }

  private static String resultVariable(BpmnFacts facts, ModelContract.Requirement requirement) {
    String[] detail = requirement.detail().split(" ");
    String decision = detail[0];
    String mapping = detail.length > 1 ? detail[1] : null;
    boolean present = facts.ruleTasks.stream().anyMatch(t -> t.decisionRef().equals(decision)
        && t.resultVariable().equals(requirement.name()) && (mapping == null || mapping.equals(t.mapDecisionResult())));
    return present ? null : "no business rule task evaluating '" + decision + "' into the variable '"
        + requirement.name() + "' (" + mapping + ")";
  }

  private List<CheckProblem> decision(ModelFile file, ModelFile previous) {
    List<CheckProblem> problems = engineAndCode(file);
    DmnFacts facts;
    try {
      facts = DmnFacts.of(file.content());
    } catch (Exception e) {
      return problems; // the engine parse names it
    }
    problems.addAll(FeelCheck.check(file.name(), facts));
    for (DmnFacts.Decision decision : facts.decisions.values()) {
      problems.addAll(DecisionTableAnalysis.check(file.name(), decision));
      for (ModelContract.Requirement requirement : ModelContract.forDecision(decision.key())) {
        Set<String> outputs = new TreeSet<>(decision.outputs().stream().map(DmnFacts.Output::name).toList());
        for (String output : requirement.detail().split(",\\s*")) {
          if (!outputs.contains(output)) {
            problems.add(new CheckProblem(file.name(), decision.key(), decision.line(), CheckProblem.CONTRACT,
                "decision '" + decision.key() + "' has no output '" + output + "', which the code reads: "
                    + requirement.usedBy()));
          }
        }
      }
    }
    if (previous != null) {
      try {
        for (String key : DmnFacts.of(previous.content()).decisions.keySet()) {
          if (!facts.decisions.containsKey(key)) {
            problems.add(new CheckProblem(file.name(), key, 0, CheckProblem.CONTRACT, "no longer defines the decision '"
                + key + "' that the version in force defines; a decision keeps its key (a new key is a new file)"));
          }
        }
      } catch (Exception ignored) {
        // the version in force was deployed; it parses
      }
    }
    return problems;
  }

  private static List<CheckProblem> form(ModelFile file, ModelFile previous) {
    List<CheckProblem> problems = new ArrayList<>();
    FormFacts facts = FormFacts.of(file.content());
    for (String problem : facts.problems) {
      problems.add(new CheckProblem(file.name(), facts.id, null, CheckProblem.FORM, "the form " + problem));
    }
    String expectedId = file.baseName().replaceFirst("(?i)\\.form$", "");
    if (facts.id != null && !facts.id.equals(expectedId)) {
      problems.add(new CheckProblem(file.name(), facts.id, null, CheckProblem.FORM, "the form's id is '" + facts.id
          + "' but its file is " + file.baseName() + ": a form's id is its file name ('" + expectedId + "')"));
    }
    if (previous != null && facts.problems.isEmpty()) {
      FormFacts before = FormFacts.of(previous.content());
      for (String key : before.keys) {
        if (!facts.keys.contains(key)) {
          problems.add(new CheckProblem(file.name(), facts.id, null, CheckProblem.CONTRACT, "the form no longer has"
              + " the field '" + key + "' that the version in force submits; the task listeners read it"));
        }
      }
    }
    return problems;
  }

  /** What the effective set of models defines: process keys, decision keys and form ids, each by file. */
  private static final class Index {
    final Map<String, String> processKeys = new LinkedHashMap<>();
    final Map<String, String> decisionKeys = new LinkedHashMap<>();
    final Set<String> formIds = new TreeSet<>();
    final Map<String, BpmnFacts> bpmn = new LinkedHashMap<>();
    final List<CheckProblem> problems = new ArrayList<>();

    static Index of(Map<String, ModelFile> files) {
      Index index = new Index();
      for (ModelFile file : files.values()) {
        switch (file.kind()) {
          case PROCESS -> {
            BpmnFacts facts = index.bpmnOf(file);
            if (facts != null) {
              index.bpmn.put(file.name(), facts);
              facts.processes.keySet().forEach(key -> index.define(index.processKeys, "process", key, file));
            }
          }
          case DECISION -> {
            try {
              DmnFacts.of(file.content()).decisions.keySet()
                  .forEach(key -> index.define(index.decisionKeys, "decision", key, file));
            } catch (Exception ignored) {
              // the engine parse names it
            }
          }
          case FORM -> {
            FormFacts facts = FormFacts.of(file.content());
            if (facts.id != null) {
              index.formIds.add(facts.id);
            }
          }
          case TEST -> {
            // tests define nothing
          }
        }
      }
      return index;
    }

    BpmnFacts bpmnOf(ModelFile file) {
      try {
        return BpmnFacts.of(file.content());
      } catch (Exception e) {
        return null; // the engine parse names it
      }
    }

    private void define(Map<String, String> keys, String what, String key, ModelFile file) {
      String other = keys.putIfAbsent(key, file.name());
      if (other != null && !other.equals(file.name())) {
        problems.add(new CheckProblem(file.name(), key, null, CheckProblem.CONTRACT, "defines the " + what + " '" + key
            + "', which " + other + " defines too; one key, one file"));
      }
    }
  }
}
