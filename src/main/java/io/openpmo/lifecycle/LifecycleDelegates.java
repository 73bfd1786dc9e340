package io.openpmo.lifecycle;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.lifecycle.LifecycleVariables.CAPACITY_SUFFICIENT;
import static io.openpmo.lifecycle.LifecycleVariables.HOLD_AT;
import static io.openpmo.lifecycle.LifecycleVariables.PM_QUALIFIED;
import static io.openpmo.lifecycle.LifecycleVariables.PROJECT_ID;

import io.openpmo.project.Evidence;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.audit.AuditTrail;
import io.openpmo.core.CurrentUser;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance.BaselineSource;
import io.openpmo.resource.CapacityConflict;
import io.openpmo.resource.ResourcePlans;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of projectLifecycle, each a thin delegate over a service. */
@Configuration
@EnableConfigurationProperties(LifecycleSettings.class)
class LifecycleDelegates {

  /** Starts the lifecycle of an approved project (called from initiation, in the approval's transaction). */
  @Bean
  JavaDelegate startLifecycleDelegate(RuntimeService runtimeService, LifecycleSettings settings) {
    return execution -> runtimeService.createProcessInstanceByKey(LifecycleVariables.PROCESS_KEY)
        .businessKey(execution.getProcessBusinessKey())
        .setVariable(PROJECT_ID, projectId(execution))
        .setVariable(LifecycleVariables.PROJECT_CODE, execution.getProcessBusinessKey())
        .setVariable(LifecycleVariables.STATUS_REPORT_CYCLE, settings.reportCycle())
        .setVariable(LifecycleVariables.STATUS_REPORT_GRACE, settings.reportGrace())
        .execute();
  }

  @Bean
  JavaDelegate checkResourceCapacityDelegate(BaselineService baselines, ResourcePlans plans, LifecycleService lifecycle,
      AuditTrail auditTrail) {
    return execution -> {
      Project project = lifecycle.get(projectId(execution));
      Baseline draft = baselines.draft(project.id()).orElseThrow(() ->
          new IllegalStateException(project.code() + " has no draft plan to check"));
      List<CapacityConflict> open = plans.check(project.id(), draft.id());
      if (!open.isEmpty()) {
        auditTrail.record("CAPACITY_CONFLICTS_FOUND", project.id(), project.code(), Map.of("baselineVersion",
            draft.version(), "conflicts", open.size()));
      }
      execution.setVariable(CAPACITY_SUFFICIENT, open.isEmpty());
    };
  }

  @Bean
  JavaDelegate checkPmQualificationDelegate(LifecycleService lifecycle) {
    return execution -> execution.setVariable(PM_QUALIFIED, lifecycle.checkProjectManager(projectId(execution)).qualified());
  }

  @Bean
  JavaDelegate recordPmExceptionDelegate(LifecycleService lifecycle, CurrentUser currentUser,
      ProjectGovernance governance) {
    // the comment of the PMO's decision as recorded by the decision task (task_decision), not a process variable
    return execution -> lifecycle.grantPmException(projectId(execution), currentUser.idOrSystem(),
        governance.latestTaskDecision(projectId(execution), ProjectGovernance.PM_EXCEPTION_DECISION)
            .map(Evidence.TaskDecision::comment).orElse(null));
  }

  /** G1 passed: the draft baseline is put in force and delivery starts. */
  @Bean
  JavaDelegate putBaselineInForceDelegate(BaselineService baselines, LifecycleService lifecycle,
      CurrentUser currentUser) {
    return execution -> {
      Project project = lifecycle.get(projectId(execution));
      Baseline draft = baselines.draft(project.id()).orElseThrow();
      baselines.putInForce(project, draft.id(), currentUser.idOrSystem(), BaselineSource.G1_GO, null);
      lifecycle.startDelivery(project.id());
    };
  }

  @Bean
  JavaDelegate putOnHoldDelegate(LifecycleService lifecycle) {
    return execution -> execution.setVariable(HOLD_AT, lifecycle.hold(projectId(execution)));
  }

  @Bean
  JavaDelegate resumeProjectDelegate(LifecycleService lifecycle) {
    return execution -> lifecycle.resume(projectId(execution));
  }

  @Bean
  JavaDelegate recordStopDelegate(LifecycleService lifecycle, BaselineService baselines) {
    return execution -> {
      long projectId = projectId(execution);
      baselines.draft(projectId).ifPresent(draft -> baselines.discard(draft.id()));
      lifecycle.stop(projectId);
    };
  }
}
