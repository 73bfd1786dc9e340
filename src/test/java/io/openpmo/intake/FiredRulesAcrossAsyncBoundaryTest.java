package io.openpmo.intake;

import io.openpmo.review.ApprovalRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.openpmo.core.FiredRules;
import io.openpmo.core.ProcessVariables;
import io.openpmo.engine.FiredRulesPlugin;
import io.openpmo.project.PriorityClass;
import io.openpmo.project.RiskTier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The rules that fired reach the audit record of the assessment even when an async boundary separates the
 * decisions from "Record scores and approvals": the shipped projectInitiation model with asyncBefore put on
 * {@code Task_RecordAssessment}, its real decision tables, the real {@link FiredRules} and {@link FiredRulesPlugin}
 * on an in-memory engine of its own (no Spring), and the real {@link RecordAssessmentDelegate} whose
 * {@link InitiationService#recordAssessment} (which writes the ASSESSED audit event with the rules) is a mock
 * that captures what it is given. The job runs in another thread, as the job executor would run it.
 */
class FiredRulesAcrossAsyncBoundaryTest {

  static ProcessEngine engine;
  static FiredRules firedRules;

  InitiationService initiation;

  @BeforeAll
  static void buildEngine() {
    // the listener needs the repository service of an engine that does not exist yet: it asks this one late
    RepositoryService repository = mock(RepositoryService.class, invocation ->
        invocation.getMethod().invoke(engine.getRepositoryService(), invocation.getArguments()));
    firedRules = new FiredRules(repository);
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("fired-rules");
    configuration.setJdbcUrl("jdbc:h2:mem:openpmo-fired-rules;DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.setExpressionManager(new MockExpressionManager());
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.customPostDecisionTableEvaluationListeners(List.of(firedRules));
    configuration.setDmnEngineConfiguration(dmn);
    configuration.getProcessEnginePlugins().add(new FiredRulesPlugin(firedRules));
    engine = configuration.buildProcessEngine();
    ProcessEngines.unregister(engine);

    BpmnModelInstance initiation = Bpmn.readModelFromStream(
        FiredRulesAcrossAsyncBoundaryTest.class.getResourceAsStream("/processes/project-initiation.bpmn"));
    FlowNode record = initiation.getModelElementById("Task_RecordAssessment");
    record.setCamundaAsyncBefore(true);
    engine.getRepositoryService().createDeployment()
        .addModelInstance("project-initiation.bpmn", initiation)
        .addClasspathResource("dmn/project-risk.dmn")
        .addClasspathResource("dmn/project-priority.dmn")
        .addClasspathResource("dmn/approval-routing.dmn")
        .deploy();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void mocks() {
    initiation = mock(InitiationService.class);
    Mocks.register("recordAssessmentDelegate", new RecordAssessmentDelegate(initiation, firedRules));
    Mocks.register("gatherAssessmentFactsDelegate", (JavaDelegate) execution -> execution.setVariables(facts()));
    for (String name : List.of("registerRequestDelegate", "confirmRequestDelegate", "consolidateReviewsDelegate",
        "escalateOverdueReviewDelegate", "notifyDecisionDelegate", "recordRejectionDelegate",
        "recordWithdrawalDelegate", "registerApprovalDelegate", "startLifecycleDelegate")) {
      Mocks.register(name, (JavaDelegate) execution -> { });
    }
    Mocks.register("reviewTaskListener", (TaskListener) task -> { });
    Mocks.register("reviseRequestListener", (TaskListener) task -> { });
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  /** Runs the call in a new thread, as the job executor would; the mocked beans go along (Mocks is per thread). */
  static void inAnotherThread(Runnable call) throws Exception {
    Map<String, Object> beans = Map.copyOf(Mocks.getMocks());
    CompletableFuture.runAsync(() -> {
      beans.forEach(Mocks::register);
      try {
        call.run();
      } finally {
        Mocks.reset();
      }
    }).get();
  }

  /** A small internal strategic project with a third-party ICT service: PMO, compliance and infosec review it. */
  static Map<String, Object> facts() {
    Map<String, Object> facts = ProjectInitiationModelTest.facts(100_000.0);
    facts.put("expectedAnnualBenefit", 50_000.0);
    facts.put("thirdParty", "ICT_SERVICE");
    return facts;
  }

  @Test
  void theRulesThatFiredReachTheAssessmentRecordAfterAnAsyncBoundary() throws Exception {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("projectInitiation",
        "PRJ-2026-0001", Map.of(ProcessVariables.PROJECT_ID, 1L, InitiationVariables.PROJECT_CODE, "PRJ-2026-0001",
            InitiationVariables.SPONSOR, "sam"));

    Job record = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_RecordAssessment").singleResult();
    assertThat(record).as("the decisions are taken, the recording waits behind the async boundary").isNotNull();
    verifyNoInteractions(initiation);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), ProcessVariables.FIRED_RULES))
        .as("what the tables fired is in the process, not in a thread").asString()
        .contains("riskPoints", "projectRisk", "priorityPoints", "projectPriority", "approvalRouting");

    // the job executor's thread, a new transaction: nothing of the evaluating thread is left
    inAnotherThread(() -> engine.getManagementService().executeJob(record.getId()));

    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<String>> rules = ArgumentCaptor.forClass(List.class);
    verify(initiation).recordAssessment(eq(1L), anyInt(), any(RiskTier.class), anyInt(), any(PriorityClass.class),
        any(ApprovalRoute.class), rules.capture());
    assertThat(rules.getValue()).isNotEmpty()
        .anyMatch(rule -> rule.startsWith("riskPoints: "))
        .anyMatch(rule -> rule.startsWith("projectRisk: "))
        .anyMatch(rule -> rule.startsWith("priorityPoints: "))
        .anyMatch(rule -> rule.startsWith("projectPriority: "))
        .anyMatch(rule -> rule.startsWith("approvalRouting: "))
        .as("the business's descriptions, not the rule ids").noneMatch(rule -> rule.contains(": Rule_"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), ProcessVariables.FIRED_RULES))
        .as("taken, so gone").isNull();
  }

  @Test
  void aTableEvaluatedEarlierInTheThreadDoesNotSlipIntoTheNextTask() throws Exception {
    // another evaluation in this thread (e.g. a decision evaluated over REST) before the process runs
    engine.getDecisionService().evaluateDecisionTableByKey("projectRisk", facts());

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("projectInitiation",
        "PRJ-2026-0002", Map.of(ProcessVariables.PROJECT_ID, 2L, InitiationVariables.PROJECT_CODE, "PRJ-2026-0002",
            InitiationVariables.SPONSOR, "sam"));
    Job record = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_RecordAssessment").singleResult();
    inAnotherThread(() -> engine.getManagementService().executeJob(record.getId()));

    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<String>> rules = ArgumentCaptor.forClass(List.class);
    verify(initiation).recordAssessment(anyLong(), anyInt(), any(), anyInt(), any(), any(), rules.capture());
    assertThat(rules.getValue().stream().filter(rule -> rule.startsWith("projectRisk: ")))
        .as("one evaluation of projectRisk: the process's own").hasSize(1);
  }
}
