package io.openpmo.modelchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecision;

/**
 * The test cases process owners keep beside the decision tables, {@code dmn/tests/<decisionKey>.csv}: one row per
 * case, the inputs and, in columns whose name starts with {@code =}, the expected outputs.
 * <pre>
 * # approvalRouting: finance from 250k
 * budget,riskTier,thirdParty,criticalFunction,personalData,dataClassification,projectType,newTechnology,=approverGroup
 * 100000,LOW,NONE,false,false,INTERNAL,RUN,false,pmo
 * 250000,LOW,NONE,false,false,INTERNAL,RUN,false,pmo|finance
 * </pre>
 * Lines starting with {@code #} are comments. Values: {@code true}/{@code false}, numbers, text (in double quotes
 * when it would otherwise read as a number or a boolean), empty for none. Several values of a collecting
 * decision are separated by {@code |} and compared as a set (any order, a repeated value counts once).
 */
final class DecisionTestCases {

  private DecisionTestCases() {
  }

  /** Runs the cases of one file against the decision of that key; problems name the file and line. */
  static List<CheckProblem> run(ModelFile tests, Map<String, byte[]> dmnFiles, StandaloneDecisions decisions) {
    String key = tests.baseName().replaceFirst("(?i)\\.csv$", "");
    List<CheckProblem> problems = new ArrayList<>();
    DmnDecision decision = null;
    for (byte[] dmn : dmnFiles.values()) {
      try {
        decision = decisions.decision(dmn, key).orElse(null);
      } catch (RuntimeException unparseable) {
        continue; // the engine-parse check reports the file
      }
      if (decision != null) {
        break;
      }
    }
    if (decision == null) {
      problems.add(problem(tests, 0, "tests the decision '" + key + "', which no decision table defines (the file"
          + " name is the decision key)"));
      return problems;
    }
    List<String> lines = new String(tests.content(), StandardCharsets.UTF_8).lines().toList();
    List<String> header = null;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = cells(line);
      if (header == null) {
        header = cells;
        if (header.stream().noneMatch(h -> h.startsWith("="))) {
          problems.add(problem(tests, n + 1, "the header names no expected output (a column starting with =)"));
          return problems;
        }
        continue;
      }
      if (cells.size() != header.size()) {
        problems.add(problem(tests, n + 1, "has " + cells.size() + " values for " + header.size() + " columns"));
        continue;
      }
      Map<String, Object> inputs = new HashMap<>();
      Map<String, String> expected = new java.util.LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        if (header.get(c).startsWith("=")) {
          expected.put(header.get(c).substring(1).strip(), cells.get(c));
        } else {
          inputs.put(header.get(c), value(cells.get(c)));
        }
      }
      StandaloneDecisions.Evaluation evaluation;
      try {
        evaluation = decisions.evaluate(decision, inputs);
      } catch (RuntimeException e) {
        problems.add(problem(tests, n + 1, "cannot be evaluated: " + e.getMessage()));
        continue;
      }
      for (Map.Entry<String, String> output : expected.entrySet()) {
        List<String> actual = evaluation.results().stream().map(r -> r.get(output.getKey()))
            .filter(Objects::nonNull).map(DecisionTestCases::normalized).distinct().sorted().toList();
        List<String> wanted = output.getValue().isEmpty() ? List.of()
            : java.util.Arrays.stream(output.getValue().split("\\|")).map(v -> normalized(value(v.strip())))
            .distinct().sorted().toList();
        if (!actual.equals(wanted)) {
          problems.add(problem(tests, n + 1, "expects " + output.getKey() + " = " + String.join("|", wanted)
              + ", the decision gives " + (actual.isEmpty() ? "nothing" : String.join("|", actual))
              + " (rules fired: " + String.join(", ", evaluation.firedRules().getOrDefault(key, List.of())) + ")"));
        }
      }
    }
    return problems;
  }

  private static CheckProblem problem(ModelFile tests, int line, String message) {
    return new CheckProblem(tests.name(), null, line, CheckProblem.TEST, message);
  }

  /** A cell as a typed value: boolean, number, text (quoted or not), or null when empty. */
  static Object value(String cell) {
    String c = cell.strip();
    if (c.isEmpty()) {
      return null;
    }
    if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
      return c.substring(1, c.length() - 1).replace("\"\"", "\"");
    }
    if (c.equals("true") || c.equals("false")) {
      return Boolean.valueOf(c);
    }
    if (c.matches("-?\\d{1,18}")) {
      return Long.valueOf(c);
    }
    if (c.matches("-?\\d+\\.\\d+")) {
      return Double.valueOf(c);
    }
    return c;
  }

  /** A value as text to compare: numbers without trailing zeros, everything else as it prints. */
  static String normalized(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  /** The cells of a line, split at commas outside double quotes (quotes kept, for {@link #value}). */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        cell.append(c);
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
