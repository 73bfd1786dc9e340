package io.openpmo.project;

import io.openpmo.core.Labels;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A project in a few lines of Markdown, for the forms people read in Tasklist: its key facts with human labels
 * ("Third party: Critical outsourcing", "Budget: EUR 2,400,000"), dates in the configured locale.
 */
public final class ProjectSummary {

  /** Task names stay below the engine's column size (255) with room for the task's own words. */
  static final int MAX_TITLE_IN_NAME = 80;

  public static String markdown(Project p) {
    return "**" + p.code() + ": " + p.title() + "**\n\n"
        + "- **Type:** " + Labels.value(p.projectType()) + " · **Business unit:** " + p.businessUnit()
        + " · **Strategic alignment:** " + p.strategicAlignment() + " of 5\n"
        + "- **Requested by:** " + p.requester() + " · **Sponsor:** " + p.sponsor()
        + (p.projectManager() != null ? " · **Project manager:** " + p.projectManager() : "") + "\n"
        + "- **Budget:** " + money(p.currency(), p.budget()) + " · **Expected annual benefit:** "
        + money(p.currency(), p.expectedAnnualBenefit()) + " · **Start:** " + Labels.date(p.startDate())
        + " · **Duration:** " + p.durationMonths() + " months\n"
        + "- **Risk:** " + orDash(p.riskScore()) + " points (" + Labels.value(p.riskTier()) + ") · **Priority:** "
        + orDash(p.priorityScore()) + " points (" + Labels.value(p.priorityClass()) + ")\n"
        + "- **Complexity:** " + Labels.value(p.complexity()) + " · **Data classification:** "
        + Labels.value(p.dataClassification()) + " · **Personal data:** " + Labels.yesNo(p.personalData())
        + " · **Third party:** " + Labels.value(p.thirdParty()) + "\n"
        + "- **Supports a critical or important function:** " + Labels.yesNo(p.criticalFunction())
        + " · **New technology:** " + Labels.yesNo(p.newTechnology()) + " · **Regulatory deadline:** "
        + (p.regulatoryDeadline() != null ? Labels.date(p.regulatoryDeadline()) : "none") + "\n\n"
        + p.description();
  }

  /**
   * Names a task after its project ("Record final figures: PRJ-2026-0008 Core banking renewal"), describes it with
   * the title and gives its form the summary, with more Markdown after it.
   */
  public static void showOn(DelegateTask task, Project project, String more) {
    task.setName(taskName(task.getName(), project.code(), project.title(), null));
    task.setDescription(project.title());
    task.setVariableLocal("subjectSummary", markdown(project) + more);
  }

  /**
   * "Review project request: PRJ-2026-0014 Reconciliation robot (Finance)": what to do, the code and title of what
   * it is about (a long title shortened), and for whom when it says so.
   */
  public static String taskName(String what, String code, String title, String forWhom) {
    String shortTitle = title == null ? "" : title.length() > MAX_TITLE_IN_NAME
        ? title.substring(0, MAX_TITLE_IN_NAME - 1).strip() + "…" : title;
    return what + ": " + code + (shortTitle.isEmpty() ? "" : " " + shortTitle)
        + (forWhom == null ? "" : " (" + forWhom + ")");
  }

  public static String money(String currency, BigDecimal amount) {
    return Labels.money(currency, amount);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  private ProjectSummary() {
  }
}
