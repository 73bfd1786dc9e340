package io.openpmo.project;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** A project in a few lines of Markdown, for the forms reviewers read in Tasklist. */
public final class ProjectSummary {

  public static String markdown(Project p) {
    return "**" + p.code() + ": " + p.title() + "** (" + p.projectType() + ", " + p.businessUnit() + ")\n\n"
        + "Requested by " + p.requester() + ", sponsored by " + p.sponsor() + "\n\n"
        + "Budget " + money(p.currency(), p.budget()) + " · expected annual benefit "
        + money(p.currency(), p.expectedAnnualBenefit()) + " · " + p.durationMonths() + " months from "
        + p.startDate() + "\n\n"
        + "Risk " + orDash(p.riskScore()) + " (" + orDash(p.riskTier()) + ") · priority " + orDash(p.priorityScore())
        + " (" + orDash(p.priorityClass()) + ") · strategic alignment " + p.strategicAlignment() + "/5\n\n"
        + "Complexity " + p.complexity() + " · data " + p.dataClassification() + " · personal data "
        + yesNo(p.personalData()) + " · third party " + p.thirdParty() + " · critical function "
        + yesNo(p.criticalFunction()) + " · new technology " + yesNo(p.newTechnology())
        + (p.regulatoryDeadline() != null ? " · regulatory deadline " + p.regulatoryDeadline() : "") + "\n\n"
        + p.description();
  }

  /**
   * Names a task after its project ("Record final figures: PRJ-2026-0008"), describes it with the title and
   * gives its form the summary, with more Markdown after it.
   */
  public static void showOn(DelegateTask task, Project project, String more) {
    task.setName(task.getName() + ": " + project.code());
    task.setDescription(project.title());
    task.setVariableLocal("subjectSummary", markdown(project) + more);
  }

  public static String money(String currency, BigDecimal amount) {
    return currency + " " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(amount);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static String yesNo(Boolean value) {
    return Boolean.TRUE.equals(value) ? "yes" : "no";
  }

  private ProjectSummary() {
  }
}
