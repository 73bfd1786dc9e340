package io.openpmo.boardpack;

import io.openpmo.core.Csv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data of the management body's pack as one CSV for spreadsheets: one row per fact, with the section it belongs
 * to, so that a pivot table rebuilds every table of the PDF.
 */
final class BoardPackCsv {

  static final List<String> HEADER = List.of("section", "code", "item", "metric", "value", "detail");

  static String of(BoardPackContent pack) {
    List<List<?>> rows = new ArrayList<>();
    pack.health().now().forEach((health, count) -> rows.add(row("health", null, health, "projects", count, null)));
    pack.health().trend().forEach(m -> {
      rows.add(row("healthTrend", null, m.month(), "green", m.green(), null));
      rows.add(row("healthTrend", null, m.month(), "amber", m.amber(), null));
      rows.add(row("healthTrend", null, m.month(), "red", m.red(), null));
      rows.add(row("healthTrend", null, m.month(), "notRated", m.notRated(), null));
    });
    var t = pack.budget().totals();
    rows.add(row("budget", null, "portfolio", "budget", t.budget(), null));
    rows.add(row("budget", null, "portfolio", "budgetAtCompletion", t.budgetAtCompletion(), null));
    rows.add(row("budget", null, "portfolio", "actualCost", t.actualCost(), null));
    rows.add(row("budget", null, "portfolio", "cpi", t.cpi(), null));
    rows.add(row("budget", null, "portfolio", "spi", t.spi(), null));
    rows.add(row("budget", pack.budget().plan(), "plan", "plannedSpendInPeriod", pack.budget().plannedSpendInPeriod(),
        null));
    pack.budget().projects().forEach(p -> {
      rows.add(row("projectBudget", p.code(), p.title(), "budget", p.budget(), p.inPlan()));
      rows.add(row("projectBudget", p.code(), p.title(), "budgetAtCompletion", p.budgetAtCompletion(), null));
      rows.add(row("projectBudget", p.code(), p.title(), "actualCost", p.actualCost(), null));
      rows.add(row("projectBudget", p.code(), p.title(), "cpi", p.cpi(), p.health()));
      rows.add(row("projectBudget", p.code(), p.title(), "plannedCost", p.plannedCost(), null));
    });
    pack.topRisks().forEach(r -> rows.add(row("topRisk", r.code(), r.title(), "probabilityTimesImpact", r.score(),
        r.severity() + ", " + r.owner() + ", " + r.status())));
    pack.criticalIssues().forEach(r -> rows.add(row("criticalIssue", r.code(), r.title(), "severity", r.severity(),
        r.owner() + ", " + r.status())));
    pack.dora().forEach(d -> rows.add(row("dora", d.code(), d.title(), "thirdParty", d.thirdParty(),
        "criticalFunction=" + d.criticalFunction() + ", " + d.status() + ", " + d.phase() + ", health " + d.health())));
    pack.decisions().forEach(d -> rows.add(row("decision", d.code(), d.action(), "at", d.at(),
        d.actor() + ": " + d.details())));
    pack.overdue().forEach(o -> rows.add(row("overdue", o.code(), o.task(), "daysOverdue", o.daysOverdue(),
        o.groups())));
    rows.add(row("benefits", null, "reviewed", "expected", pack.benefits().expected(), null));
    rows.add(row("benefits", null, "reviewed", "realised", pack.benefits().realised(), null));
    rows.add(row("benefits", null, "reviewed", "ratio", pack.benefits().ratio(), null));
    pack.benefits().reviews().forEach(b -> rows.add(row("benefitsReview", b.code(), b.title(), "realised",
        b.realised(), "expected " + b.expected() + ", " + (b.outcome() == null ? "due" : b.outcome()))));
    return Csv.of(HEADER, rows);
  }

  private static List<?> row(String section, String code, Object item, String metric, Object value, String detail) {
    return Arrays.asList(section, code, item, metric, value, detail);
  }

  private BoardPackCsv() {
  }
}
