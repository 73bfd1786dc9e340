package io.openpmo.closure;

import static io.openpmo.core.FormValues.amount;
import static io.openpmo.core.FormValues.date;
import static io.openpmo.core.FormValues.text;

import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.CurrentUser;
import io.openpmo.gate.GateCondition;
import io.openpmo.gate.GateService;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectSummary;
import io.openpmo.status.RegisterStatus;
import io.openpmo.status.RiskRegister;
import io.openpmo.status.StatusReport;
import io.openpmo.status.StatusReportService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listeners of the closure forms, each thin over a service. */
@Configuration
class ClosureListeners {

  /** The sponsor accepts the deliverables, with reservations, or refuses them (reasons required). */
  @Bean
  ClosureTaskListener acceptanceListener(ClosureService closures, CurrentUser currentUser) {
    return new ClosureTaskListener(closures, currentUser) {
      @Override
      protected String details(Project project) {
        Closure closure = closures.find(project.id()).orElse(null);
        if (closure == null || closure.acceptanceRefusals() == null || closure.acceptanceRefusals() == 0) {
          return "";
        }
        return "\n\n**Refused before** (" + closure.acceptanceRefusals() + "x): " + closure.acceptanceComment();
      }

      @Override
      protected void complete(DelegateTask task, VariableScope scope, Project project, String user) {
        String acceptance = text(scope.getVariableLocal("acceptance"));
        closures.recordAcceptance(project.id(), acceptance, text(scope.getVariableLocal("acceptanceComment")), user);
        task.getExecution().getProcessInstance().setVariable(ClosureVariables.ACCEPTANCE, acceptance);
      }
    };
  }

  /** Final figures, prefilled from the last status report; open risks and issues are closed or handed over. */
  @Bean
  ClosureTaskListener finalFiguresListener(ClosureService closures, CurrentUser currentUser, StatusReportService reports,
      RiskRegister register, Clock clock) {
    return new ClosureTaskListener(closures, currentUser) {
      @Override
      protected String details(Project project) {
        Closure closure = closures.get(project.id());
        return "\n\n**Closure:** " + closure.reason()
            + (closure.acceptance() == null ? "" : " · sponsor: " + closure.acceptance())
            + (closure.reasonNote() == null ? "" : "\n\n" + closure.reasonNote());
      }

      @Override
      protected void prepare(DelegateTask task, VariableScope scope, Project project) {
        StatusReport last = reports.latest(project.id()).orElse(null);
        scope.setVariableLocal("finalCost", last == null ? null : last.actualCost().doubleValue());
        scope.setVariableLocal("percentComplete", Closure.DELIVERED.equals(closures.get(project.id()).reason())
            ? 100.0 : last == null ? 0.0 : last.percentComplete().doubleValue());
        scope.setVariableLocal("actualEndDate", LocalDate.now(clock).toString());
        task.setVariableLocal("openItemsList", register.register(project.id(), null).stream()
            .filter(i -> i.status().isOpen())
            .map(i -> "- " + i.kind() + " " + i.severity() + ": " + i.title() + " (owner " + i.owner() + ")")
            .collect(Collectors.collectingAndThen(Collectors.joining("\n"), s -> s.isEmpty() ? "None open." : s)));
      }

      @Override
      protected void complete(DelegateTask task, VariableScope scope, Project project, String user) {
        closures.recordFinalFigures(project.id(), new ClosureService.FinalFiguresInput(
            amount(scope.getVariableLocal("finalCost"), "finalCost"),
            amount(scope.getVariableLocal("percentComplete"), "percentComplete"),
            date(scope.getVariableLocal("actualEndDate"), "actualEndDate"),
            text(scope.getVariableLocal("openItems")), text(scope.getVariableLocal("handOverTo")),
            text(scope.getVariableLocal("closureNotes"))), user);
      }
    };
  }

  @Bean
  ClosureTaskListener lessonsListener(ClosureService closures, CurrentUser currentUser, Lessons lessons) {
    return new ClosureTaskListener(closures, currentUser) {
      @Override
      protected void complete(DelegateTask task, VariableScope scope, Project project, String user) {
        lessons.record(project, new LessonInput(text(scope.getVariableLocal("wentWell")),
            text(scope.getVariableLocal("toImprove")), text(scope.getVariableLocal("recommendations")),
            Lessons.tags(text(scope.getVariableLocal("tags")))), user);
      }
    };
  }

  /** The PMO waives the gate conditions still open (with the reason), or checks again after they were met. */
  @Bean
  ClosureTaskListener settleConditionsListener(ClosureService closures, CurrentUser currentUser, GateService gates) {
    return new ClosureTaskListener(closures, currentUser) {
      @Override
      protected void prepare(DelegateTask task, VariableScope scope, Project project) {
        task.setVariableLocal("openConditionsList", gates.conditions(project.id()).stream()
            .filter(c -> GateCondition.OPEN.equals(c.status()))
            .map(c -> "- #" + c.id() + " " + c.description() + " (set by " + c.setBy() + ")")
            .collect(Collectors.joining("\n")));
      }

      @Override
      protected void complete(DelegateTask task, VariableScope scope, Project project, String user) {
        String decision = text(scope.getVariableLocal("decision"));
        String comment = text(scope.getVariableLocal("comment"));
        if (!"WAIVE_ALL".equals(decision) && !"CHECK_AGAIN".equals(decision)) {
          throw new InvalidRequestException("decision", "must be WAIVE_ALL or CHECK_AGAIN (was " + decision + ")");
        }
        if (comment == null) {
          throw new InvalidRequestException("comment", "is required");
        }
        if ("WAIVE_ALL".equals(decision)) {
          closures.waiveOpenConditions(project.id(), user, comment);
        }
      }
    };
  }

  /** The sponsor records the realised annual benefit against the expected one. */
  @Bean
  ClosureTaskListener benefitsReviewListener(ClosureService closures, CurrentUser currentUser,
      BenefitsReviews benefits) {
    return new ClosureTaskListener(closures, currentUser) {
      @Override
      protected String details(Project project) {
        return benefits.find(project.id()).map(b -> "\n\n**Expected annual benefit:** "
            + ProjectSummary.money(project.currency(), b.expectedAnnualBenefit())).orElse("");
      }

      @Override
      protected void complete(DelegateTask task, VariableScope scope, Project project, String user) {
        BigDecimal realised = amount(scope.getVariableLocal("realisedAnnualBenefit"), "realisedAnnualBenefit");
        benefits.record(project, realised, text(scope.getVariableLocal("benefitsOutcome")),
            text(scope.getVariableLocal("benefitsComment")), user);
      }
    };
  }
}
