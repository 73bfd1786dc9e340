package io.openpmo.gate;

import static io.openpmo.core.ProcessVariables.projectId;
import static io.openpmo.gate.GateVariables.GATE;
import static io.openpmo.gate.GateVariables.GATE_REVIEW_ID;
import static io.openpmo.gate.GateVariables.GATE_STOPPED;

import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the review (next attempt) and hands the project's facts to the gateReviewers decision. */
@Component("openGateReviewDelegate")
class OpenGateReviewDelegate implements JavaDelegate {

  private final GateService gates;
  private final ProjectMapper projects;

  OpenGateReviewDelegate(GateService gates, ProjectMapper projects) {
    this.gates = gates;
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
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
  }
}
