package io.openpmo.gate;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.gate.GateVariables.DECISION_FACTS;
import static io.openpmo.gate.GateVariables.GATE;
import static io.openpmo.gate.GateVariables.GATE_OUTCOME;
import static io.openpmo.gate.GateVariables.GATE_REVIEW_ID;
import static io.openpmo.gate.GateVariables.GATE_STOPPED;
import static io.openpmo.gate.GateVariables.REVIEWER_GROUPS;

import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewVariables;
import io.openpmo.security.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of stageGateReview, each a thin delegate over {@link GateService}. */
@Configuration
class GateDelegates {

  static final List<String> REVIEWER_ORDER = List.of(Groups.PMO, Groups.FINANCE, Groups.RISK, Groups.COMPLIANCE,
      Groups.INFOSEC, Groups.STEERING_COMMITTEE, Groups.EXECUTIVE_COMMITTEE);

  private static long gateReviewId(DelegateExecution execution) {
    return ((Number) execution.getVariable(GATE_REVIEW_ID)).longValue();
  }

  /** Opens the review (next attempt) and hands the project's facts to the gateReviewers decision. */
  @Bean
  JavaDelegate openGateReviewDelegate(GateService gates, ProjectMapper projects) {
    return execution -> {
      String gate = (String) execution.getVariable(GATE);
      GateReview review = gates.open(projectId(execution), gate, execution.getProcessInstanceId());
      Project p = projects.findById(projectId(execution)).orElseThrow();
      execution.setVariable(GATE_REVIEW_ID, review.id());
      execution.setVariable(ReviewVariables.ROUND, review.attempt());
      execution.setVariable(GATE_STOPPED, false);
      execution.setVariable("riskTier", p.riskTier() == null ? "LOW" : p.riskTier().name());
      execution.setVariable("budget", p.budget().doubleValue());
      execution.setVariable("thirdParty", p.thirdParty().name());
      execution.setVariable("personalData", p.personalData());
      execution.setVariable("criticalFunction", p.criticalFunction());
      execution.setVariable("newTechnology", p.newTechnology());
      execution.setVariable("projectType", p.projectType().name());
    };
  }

  /** Keeps the reviewer groups, without duplicates and in a fixed order; the decision's facts go. */
  @Bean
  JavaDelegate recordGateReviewersDelegate(GateService gates) {
    return execution -> {
      Collection<?> raw = (Collection<?>) execution.getVariable(REVIEWER_GROUPS);
      List<String> named = raw.stream().map(Object::toString).toList();
      List<String> groups = new ArrayList<>(REVIEWER_ORDER.stream().filter(named::contains).toList());
      if (!groups.contains(Groups.PMO)) {
        groups.add(0, Groups.PMO);
      }
      gates.setReviewers(gateReviewId(execution), groups);
      execution.setVariable(REVIEWER_GROUPS, groups);
      DECISION_FACTS.forEach(execution::removeVariable);
    };
  }

  @Bean
  JavaDelegate decideGateDelegate(GateService gates) {
    return execution -> execution.setVariable(GATE_OUTCOME, gates.decide(gateReviewId(execution)));
  }
}
