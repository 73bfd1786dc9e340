package io.openpmo.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the portfolio review forms show in Tasklist, as Markdown: the scenarios side by side (value, cost, funded
 * and cut, spend per quarter against its budget, utilisation per role and month, what is cut and why), and the
 * opinions recorded so far.
 */
final class ReviewMarkdown {

  static String comparison(ScenarioComparison comparison) {
    StringBuilder md = new StringBuilder();
    md.append("### Scenarios\n\n| | ")
        .append(comparison.scenarios().stream().map(v -> v.scenario().code()).collect(Collectors.joining(" | ")))
        .append(" |\n|---|").append("---|".repeat(comparison.scenarios().size())).append('\n');
    row(md, "Name", comparison, v -> v.scenario().name());
    row(md, "Value points funded", comparison, v -> String.valueOf(v.summary().valueFunded()));
    row(md, "Greedy by priority", comparison, v -> String.valueOf(v.summary().greedyValue()));
    row(md, "Budget of the period", comparison, v -> money(v.summary().budgetTotal()));
    row(md, "Spend in the period", comparison, v -> money(v.summary().spendInPeriod()));
    row(md, "Funded / cut", comparison, v -> v.summary().funded() + " / " + v.summary().cut());
    row(md, "Keeps every constraint", comparison, v -> Boolean.TRUE.equals(v.summary().feasible()) ? "yes"
        : "no: " + v.summary().violations());
    for (ScenarioView view : comparison.scenarios()) {
      md.append("\n### ").append(view.scenario().code()).append(": ").append(view.scenario().name()).append("\n\n");
      md.append("| Quarter | Budget | Spend |\n|---|---|---|\n");
      view.quarters().forEach(q -> md.append("| ").append(q.quarter()).append(" | ")
          .append(q.budget() == null ? "no cap" : money(q.budget())).append(" | ").append(money(q.spend()))
          .append(" |\n"));
      utilisation(md, view);
      List<String> cut = view.candidates().stream().filter(c -> Boolean.FALSE.equals(c.funded()))
          .map(c -> "- **" + c.projectCode() + "** " + c.title() + ": " + c.exclusion()).toList();
      md.append("\n**Cut** (").append(cut.size()).append(")\n\n")
          .append(cut.isEmpty() ? "Nothing." : String.join("\n", cut)).append('\n');
    }
    List<ScenarioComparison.CandidateRow> differ = comparison.candidates().stream()
        .filter(ScenarioComparison.CandidateRow::differs).toList();
    if (!differ.isEmpty() && comparison.scenarios().size() > 1) {
      md.append("\n### Where the scenarios differ\n\n| Project | ")
          .append(comparison.scenarios().stream().map(v -> v.scenario().code()).collect(Collectors.joining(" | ")))
          .append(" |\n|---|").append("---|".repeat(comparison.scenarios().size())).append('\n');
      for (ScenarioComparison.CandidateRow r : differ) {
        md.append("| ").append(r.projectCode()).append(' ').append(r.title()).append(" | ")
            .append(comparison.scenarios().stream().map(v -> r.decisions().getOrDefault(v.scenario().code(), "-"))
                .collect(Collectors.joining(" | ")))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /** Utilisation per role (rows) and month (columns) in percent; over 100% in bold. */
  private static void utilisation(StringBuilder md, ScenarioView view) {
    if (view.utilisation().isEmpty()) {
      md.append("\nNo role has capacity or demand in this period.\n");
      return;
    }
    YearMonth first = view.scenario().firstMonth();
    int months = view.scenario().months();
    Map<String, String[]> cells = new LinkedHashMap<>();
    for (ScenarioView.UtilisationLine u : view.utilisation()) {
      String[] row = cells.computeIfAbsent(u.role(), r -> new String[months]);
      int m = ScenarioProblem.monthIndex(first, u.month());
      row[m] = u.utilisation() == null ? "no capacity" : percent(u.utilisation());
    }
    md.append("\n| Role |");
    List<String> heads = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      heads.add(first.plusMonths(m).toString().substring(2));
    }
    md.append(String.join(" | ", heads)).append(" |\n|---|").append("---|".repeat(months)).append('\n');
    cells.forEach((role, row) -> {
      md.append("| ").append(role).append(" | ");
      List<String> values = new ArrayList<>();
      for (String cell : row) {
        values.add(cell == null ? "0%" : cell);
      }
      md.append(String.join(" | ", values)).append(" |\n");
    });
  }

  static String opinions(List<PortfolioReview.Decision> decisions, int round) {
    List<String> lines = decisions.stream().filter(d -> d.reviewRound() == round)
        .map(d -> "- **" + d.groupId() + "** (" + d.decidedBy() + "): " + d.decision()
            + (d.scenarioCode() == null ? "" : ", " + d.scenarioCode())
            + (d.comment() == null ? "" : ": " + d.comment()))
        .toList();
    return lines.isEmpty() ? "None yet." : String.join("\n", lines);
  }

  static String preparation(PortfolioReview review, List<Scenario> ofPeriod, List<PortfolioReview.Decision> decisions) {
    StringBuilder md = new StringBuilder("**" + review.code() + "**: portfolio of " + YearMonth.from(review.periodFrom())
        + " for " + review.months() + " months, round " + review.reviewRound() + ".\n\n"
        + "Make and solve scenarios with the API (`/api/v1/scenarios`), then name the solved ones to put forward.\n\n"
        + "| Scenario | Name | Status | Value | Spend |\n|---|---|---|---|---|\n");
    ofPeriod.forEach(s -> md.append("| ").append(s.code()).append(" | ").append(s.name()).append(" | ")
        .append(s.status()).append(" | ").append(s.valueFunded() == null ? "-" : s.valueFunded()).append(" | ")
        .append(s.costInPeriod() == null ? "-" : money(s.costInPeriod())).append(" |\n"));
    if (ofPeriod.isEmpty()) {
      md.append("| none yet | | | | |\n");
    }
    if (review.reviewRound() > 1) {
      md.append("\n**Round ").append(review.reviewRound() - 1).append(" asked for rework:**\n\n")
          .append(opinions(decisions, review.reviewRound() - 1)).append('\n');
    }
    return md.toString();
  }

  private interface Cell {
    String of(ScenarioView view);
  }

  private static void row(StringBuilder md, String label, ScenarioComparison comparison, Cell cell) {
    md.append("| ").append(label).append(" | ")
        .append(comparison.scenarios().stream().map(cell::of).collect(Collectors.joining(" | "))).append(" |\n");
  }

  static String money(BigDecimal amount) {
    return amount == null ? "-" : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(amount);
  }

  private static String percent(BigDecimal ratio) {
    String text = ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    return ratio.compareTo(BigDecimal.ONE) > 0 ? "**" + text + "**" : text;
  }

  private ReviewMarkdown() {
  }
}
