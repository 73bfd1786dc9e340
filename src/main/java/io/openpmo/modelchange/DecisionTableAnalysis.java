package io.openpmo.modelchange;

import io.openpmo.modelchange.UnaryTests.NotAnalysable;
import io.openpmo.modelchange.UnaryTests.Region;
import io.openpmo.modelchange.UnaryTests.Type;
import io.openpmo.modelchange.UnaryTests.ValueSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves two properties of a decision table over its whole input domain, not on samples:
 * <ul>
 *   <li><b>No overlap</b> (hit policy UNIQUE): no input satisfies two rules. Two rules overlap exactly when, in every
 *       column, their entries share a value; each column's entries are cut into elementary pieces at every bound
 *       either rule names, and a piece is shared when both entries hold it. A found overlap names both rules and the
 *       inputs they share.</li>
 *   <li><b>No gap</b> (single-result tables: UNIQUE, FIRST, ANY, PRIORITY, which must decide every input): every
 *       input satisfies some rule. The domain is split column by column into the elementary pieces of the rules
 *       still matching; a piece no rule holds is a gap, named with the inputs that reach it.</li>
 * </ul>
 * Texts range over the input's allowed values when it lists them (otherwise over every text), numbers over the
 * reals (integers for integer columns), booleans over true and false. Entries outside the analysable grammar
 * ({@link UnaryTests}) are reported as such: a table whose rules cannot be analysed is not proven.
 */
final class DecisionTableAnalysis {

  private static final int MAX_REPORTED = 5;

  private DecisionTableAnalysis() {
  }

  static List<CheckProblem> check(String file, DmnFacts.Decision decision) {
    List<CheckProblem> problems = new ArrayList<>();
    if (!decision.isTable()) {
      return problems;
    }
    boolean unique = "UNIQUE".equals(decision.hitPolicy());
    boolean mustCover = decision.singleResult();
    if (!unique && !mustCover) {
      return problems;
    }
    List<Type> types = new ArrayList<>();
    for (DmnFacts.Input input : decision.inputs()) {
      types.add(UnaryTests.Type.of(input.typeRef()));
    }
    List<List<ValueSet>> rules = new ArrayList<>();
    for (DmnFacts.Rule rule : decision.rules()) {
      List<ValueSet> sets = new ArrayList<>();
      for (int c = 0; c < decision.inputs().size(); c++) {
        DmnFacts.FeelText entry = c < rule.inputEntries().size() ? rule.inputEntries().get(c) : null;
        String text = entry == null ? "-" : entry.text();
        Type type = types.get(c);
        try {
          if (type == null) {
            if (!text.strip().equals("-") && !text.isBlank()) {
              throw new NotAnalysable("the input \"" + label(decision.inputs().get(c)) + "\" has type "
                  + decision.inputs().get(c).typeRef() + ", which the analysis does not order");
            }
            sets.add(ValueSet.everything(Type.STRING));
          } else {
            sets.add(UnaryTests.parse(text, type));
          }
        } catch (NotAnalysable e) {
          problems.add(new CheckProblem(file, entry == null ? rule.id() : entry.elementId(),
              entry == null ? rule.line() : entry.line(), unique ? CheckProblem.OVERLAP : CheckProblem.GAP,
              "decision '" + decision.key() + "' (" + decision.hitPolicy() + "): the entry \"" + text.strip()
                  + "\" of rule '" + rule.id() + "' cannot be analysed (" + e.getMessage() + "); write it as"
                  + " comparisons, intervals or lists of literals so that the table can be proven"));
        }
      }
      rules.add(sets);
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    List<Type> columnTypes = types.stream().map(t -> t == null ? Type.STRING : t).toList();
    if (unique) {
      problems.addAll(overlaps(file, decision, columnTypes, rules));
    }
    if (mustCover) {
      problems.addAll(gaps(file, decision, columnTypes, rules));
    }
    return problems;
  }

  private static List<CheckProblem> overlaps(String file, DmnFacts.Decision decision, List<Type> types,
      List<List<ValueSet>> rules) {
    List<CheckProblem> problems = new ArrayList<>();
    for (int i = 0; i < rules.size() && problems.size() < MAX_REPORTED; i++) {
      for (int j = i + 1; j < rules.size() && problems.size() < MAX_REPORTED; j++) {
        List<String> shared = new ArrayList<>();
        boolean overlap = true;
        for (int c = 0; c < types.size() && overlap; c++) {
          ValueSet a = rules.get(i).get(c);
          ValueSet b = rules.get(j).get(c);
          List<String> common = new ArrayList<>();
          for (Region region : UnaryTests.regions(types.get(c), List.of(a, b), allowed(decision, c))) {
            if (UnaryTests.holds(a, region) && UnaryTests.holds(b, region)) {
              common.add(region.text());
            }
          }
          if (common.isEmpty()) {
            overlap = false;
          } else if (!(a.any() && b.any())) {
            shared.add(label(decision.inputs().get(c)) + " " + String.join(" or ", common));
          }
        }
        if (overlap) {
          DmnFacts.Rule first = decision.rules().get(i);
          DmnFacts.Rule second = decision.rules().get(j);
          problems.add(new CheckProblem(file, second.id(), second.line(), CheckProblem.OVERLAP,
              "decision '" + decision.key() + "' has hit policy UNIQUE, but rules '" + first.id() + "' (line "
                  + first.line() + ") and '" + second.id() + "' (line " + second.line() + ") both match when "
                  + (shared.isEmpty() ? "any input is given" : String.join(" and ", shared))));
        }
      }
    }
    return problems;
  }

  private static List<CheckProblem> gaps(String file, DmnFacts.Decision decision, List<Type> types,
      List<List<ValueSet>> rules) {
    List<List<String>> found = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      all.add(r);
    }
    findGaps(decision, types, rules, 0, all, new ArrayList<>(), found);
    List<CheckProblem> problems = new ArrayList<>();
    for (List<String> gap : found) {
      problems.add(new CheckProblem(file, decision.key(), decision.line(), CheckProblem.GAP,
          "decision '" + decision.key() + "' (" + decision.hitPolicy() + ") must decide every input, but no rule"
              + " matches when " + (gap.isEmpty() ? "any input is given" : String.join(" and ", gap))
              + "; add a rule for it (or a last catch-all rule with a FIRST table)"));
    }
    return problems;
  }

  private static void findGaps(DmnFacts.Decision decision, List<Type> types, List<List<ValueSet>> rules, int column,
      List<Integer> alive, List<String> path, List<List<String>> found) {
    if (found.size() >= MAX_REPORTED) {
      return;
    }
    if (alive.isEmpty()) {
      found.add(List.copyOf(path));
      return;
    }
    if (column == types.size()) {
      return;
    }
    List<ValueSet> sets = alive.stream().map(r -> rules.get(r).get(column)).toList();
    if (sets.stream().anyMatch(ValueSet::any) && alive.stream().allMatch(r -> rules.get(r).get(column).any())) {
      findGaps(decision, types, rules, column + 1, alive, path, found);
      return;
    }
    for (Region region : UnaryTests.regions(types.get(column), sets, allowed(decision, column))) {
      List<Integer> matching = alive.stream().filter(r -> UnaryTests.holds(rules.get(r).get(column), region)).toList();
      path.add(label(decision.inputs().get(column)) + " " + region.text());
      findGaps(decision, types, rules, column + 1, matching, path, found);
      path.remove(path.size() - 1);
      if (found.size() >= MAX_REPORTED) {
        return;
      }
    }
  }

  private static List<String> allowed(DmnFacts.Decision decision, int column) {
    return decision.inputs().get(column).allowedValues();
  }

  private static String label(DmnFacts.Input input) {
    return input.expression() != null && !input.expression().isBlank() ? input.expression() : input.label();
  }
}
