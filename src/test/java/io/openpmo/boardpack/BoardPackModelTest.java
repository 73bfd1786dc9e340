package io.openpmo.boardpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.openpmo.support.ModelTest;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** boardPack, model only: opening, compiling and sending mocked; both service steps asynchronous and retried. */
@Deployment(resources = "processes/board-pack.bpmn")
class BoardPackModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  /** How many times compiling, then sending, fails before it works. */
  int compileFailures = 0;
  int sendFailures = 0;

  JavaDelegate open;
  JavaDelegate compile;
  JavaDelegate send;

  @BeforeEach
  void mocks() {
    open = delegate("openBoardPackDelegate");
    compile = delegate("compileBoardPackDelegate", execution -> {
      if (compileFailures-- > 0) {
        throw new IllegalStateException("archive unavailable");
      }
    });
    send = delegate("sendBoardPackDelegate", execution -> {
      if (sendFailures-- > 0) {
        throw new IllegalStateException("mail server unavailable");
      }
    });
  }

  /** As the PMO asks for a pack of a period (POST /api/v1/reports/board-packs): the pack exists already. */
  ProcessInstance request() {
    return runtimeService().startProcessInstanceByKey(BoardPackVariables.PROCESS_KEY, "BP-2026-11",
        withVariables(BoardPackVariables.BOARD_PACK_ID, 4L));
  }

  /** Runs a job that must fail, as the job executor would. */
  void fails(Job job) {
    assertThatThrownBy(() -> execute(job)).hasStackTraceContaining("unavailable");
  }

  @Test
  void aPackIsOpenedThenCompiledThenSentEachStepInATransactionOfItsOwn() throws Exception {
    ProcessInstance instance = request();

    verify(open).execute(any());
    assertThat(instance).isWaitingAt("Task_CompileBoardPack");
    verify(compile, never()).execute(any());

    execute(job("Task_CompileBoardPack", instance));
    verify(compile).execute(any());
    assertThat(instance).isWaitingAt("Task_SendBoardPack");
    verify(send, never()).execute(any());

    execute(job("Task_SendBoardPack", instance));
    verify(send).execute(any());
    assertThat(instance).hasPassedInOrder("Task_OpenBoardPack", "Task_CompileBoardPack", "Task_SendBoardPack")
        .isEnded().hasPassed("EndEvent_PackSent");
  }

  @Test
  void aFailingCompilationIsRetriedThreeTimesTenMinutesApartThenRaisedAsAnIncidentAndNothingIsSent()
      throws Exception {
    compileFailures = 3;
    ProcessInstance instance = request();

    Instant failed = Instant.now();
    fails(job("Task_CompileBoardPack", instance));
    Job retry = job("Task_CompileBoardPack", instance);
    assertThat(retry.getRetries()).isEqualTo(2);
    assertThat(Duration.between(failed, retry.getDuedate().toInstant())).isBetween(Duration.ofMinutes(9),
        Duration.ofMinutes(11));
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

    fails(job("Task_CompileBoardPack", instance));
    fails(job("Task_CompileBoardPack", instance));

    assertThat(job("Task_CompileBoardPack", instance).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult())
        .satisfies(incident -> assertThat(incident.getActivityId()).isEqualTo("Task_CompileBoardPack"));
    assertThat(instance).isWaitingAt("Task_CompileBoardPack").isNotEnded();
    verify(send, never()).execute(any());
  }

  @Test
  void aFailingMailIsRetriedWithoutCompilingThePackAgain() throws Exception {
    sendFailures = 1;
    ProcessInstance instance = request();
    execute(job("Task_CompileBoardPack", instance));

    fails(job("Task_SendBoardPack", instance));
    assertThat(instance).isWaitingAt("Task_SendBoardPack");
    execute(job("Task_SendBoardPack", instance));

    verify(compile, times(1)).execute(any());
    verify(send, times(2)).execute(any());
    assertThat(instance).isEnded().hasPassed("EndEvent_PackSent");
  }
}
