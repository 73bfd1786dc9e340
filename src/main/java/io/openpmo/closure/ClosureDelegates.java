package io.openpmo.closure;

import static io.openpmo.core.ProcessVariables.projectId;

import io.openpmo.project.Evidence;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.change.ChangeSubmissions;
import io.openpmo.core.CurrentUser;
import io.openpmo.lifecycle.LifecycleService;
import io.openpmo.notify.Notifier;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectPhase;
import io.openpmo.project.ProjectStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of projectClosure, and the lifecycle's steps that hand a project over to it. */
@Configuration
@EnableConfigurationProperties(ClosureSettings.class)
class ClosureDelegates {

  /**
   * Lifecycle: the project is cancelled (message CancelProject) before closure starts; the project's state
   * machine checks that the sponsor, the PMO or a committee cancelled it.
   */
  @Bean
  JavaDelegate recordCancellationDelegate(LifecycleService lifecycle) {
    return execution -> lifecycle.cancel(projectId(execution));
  }

  /** Lifecycle: delivered (after G2), stopped or cancelled, the project goes into closure. */
  @Bean
  JavaDelegate startClosureDelegate(LifecycleService lifecycle, ClosureStarter starter, ProjectGovernance governance) {
    return execution -> {
      Project project = lifecycle.get(projectId(execution));
      String note = null;
      if (execution.hasVariable(ClosureVariables.CANCELLATION_REASON)) {
        note = String.valueOf(execution.getVariable(ClosureVariables.CANCELLATION_REASON));
      } else if (project.status() == ProjectStatus.STOPPED) {
        // stopped by a gate (the STOP votes say why) or by the PMO's hold decision (its comment)
        note = starter.stopReason(project.id()).orElseGet(() -> governance.latestTaskDecision(project.id(),
            ProjectGovernance.HOLD_DECISION).map(Evidence.TaskDecision::comment).orElse(null));
      }
      starter.start(project, note);
    };
  }

  @Bean
  JavaDelegate openClosureDelegate(ClosureService closures, LifecycleService lifecycle, ChangeSubmissions changes) {
    return execution -> {
      long projectId = projectId(execution);
      if (lifecycle.get(projectId).phase() != ProjectPhase.CLOSURE) {
        lifecycle.handOverToClosure(projectId);
      }
      Object note = execution.getVariable(ClosureVariables.REASON_NOTE);
      closures.open(projectId, (String) execution.getVariable(ClosureVariables.CLOSURE_REASON),
          note == null ? null : note.toString(), execution.getProcessInstanceId());
      changes.withdrawOpen(projectId, "the project is in closure");
    };
  }

  @Bean
  JavaDelegate releaseAllocationsDelegate(ClosureService closures) {
    return execution -> closures.releaseFutureAllocations(projectId(execution));
  }

  @Bean
  JavaDelegate checkGateConditionsDelegate(ClosureService closures) {
    return execution -> execution.setVariable(ClosureVariables.OPEN_CONDITIONS,
        closures.openGateConditions(projectId(execution)));
  }

  @Bean
  JavaDelegate generateFinalReportDelegate(FinalReports finalReports, CurrentUser currentUser) {
    return execution -> finalReports.archive(projectId(execution), currentUser.idOrSystem());
  }

  /** Closes the project; a delivered one gets its benefits review scheduled (the timer waits for it). */
  @Bean
  JavaDelegate closeProjectDelegate(ClosureService closures, ClosureSettings settings, Clock clock) {
    return execution -> {
      long projectId = projectId(execution);
      OffsetDateTime due = Closure.DELIVERED.equals(execution.getVariable(ClosureVariables.CLOSURE_REASON))
          ? settings.benefitsReviewDue(OffsetDateTime.now(clock)) : null;
      closures.close(projectId, due);
      execution.setVariable(ClosureVariables.BENEFITS_REVIEW_DUE, due == null ? null : Date.from(due.toInstant()));
    };
  }

  @Bean
  JavaDelegate notifyClosureDelegate(ClosureService closures, BenefitsReviews benefits, ProjectDocuments documents,
      Notifier notifier) {
    return execution -> notifyClosure(execution, closures, benefits, documents, notifier);
  }

  private static void notifyClosure(DelegateExecution execution, ClosureService closures, BenefitsReviews benefits,
      ProjectDocuments documents, Notifier notifier) {
    long projectId = projectId(execution);
    Project project = closures.project(projectId);
    Closure closure = closures.get(projectId);
    List<String> lines = new ArrayList<>();
    lines.add(project.code() + " \"" + project.title() + "\" is closed (" + closure.reason().toLowerCase() + ").");
    if (closure.acceptance() != null) {
      lines.add("Sponsor acceptance: " + closure.acceptance()
          + (closure.acceptanceComment() == null ? "" : " (" + closure.acceptanceComment() + ")"));
    }
    if (closure.finalCost() != null) {
      lines.add("Final cost: " + closure.finalCost().toPlainString()
          + (closure.budgetAtCompletion() == null ? "" : " of " + closure.budgetAtCompletion().toPlainString()
              + " budgeted; cost variance " + closure.costVariance().toPlainString()
              + "; schedule variance " + closure.scheduleVarianceDays() + " days")
          + (closure.finalCpi() == null ? "" : "; final CPI " + closure.finalCpi().toPlainString())
          + (closure.finalSpi() == null ? "" : ", SPI " + closure.finalSpi().toPlainString()));
    }
    documents.list(projectId).stream().filter(d -> ProjectDocument.FINAL_REPORT.equals(d.kind()))
        .reduce((first, second) -> second)
        .ifPresent(d -> lines.add("Final report: /api/v1/projects/" + project.code() + "/documents/" + d.id()
            + " (SHA-256 " + d.sha256() + ")"));
    benefits.find(projectId).ifPresent(b -> lines.add("Benefits review due: " + b.dueAt().toLocalDate()
        + " (expected annual benefit " + b.expectedAnnualBenefit().toPlainString() + ")"));
    notifier.send(Notifier.Message.toUsers(java.util.stream.Stream.of(project.sponsor(), project.requester()).distinct().toList(),
        project.code() + " closed: " + project.title(), String.join("\n", lines)), projectId, project.code());
  }
}
