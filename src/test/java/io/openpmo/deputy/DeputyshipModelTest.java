package io.openpmo.deputy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.openpmo.core.Labels;
import io.openpmo.support.ModelTest;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * deputyship, model only: the registration step is mocked but describes the deputyship with the real
 * {@link DeputyProcess#describe} (what the timers and the gateway read); handing over and back mocked.
 */
@Deployment(resources = "processes/deputyship.bpmn")
class DeputyshipModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  static final LocalDate TODAY = LocalDate.now();

  /** The deputyship the registration step finds: from today for a week unless a test says otherwise. */
  Deputyship deputyship = deputyship(TODAY, TODAY.plusDays(6));

  JavaDelegate handOver;
  JavaDelegate handBack;

  @BeforeEach
  void mocks() {
    delegate("registerDeputyshipDelegate", execution -> DeputyProcess.describe(execution, deputyship, TODAY));
    handOver = delegate("handOverTasksDelegate");
    handBack = delegate("handBackTasksDelegate");
  }

  static Deputyship deputyship(LocalDate from, LocalDate to) {
    return new Deputyship(3L, "fiona", "frank", from, to, "Annual leave", "fiona", null, null, null, null);
  }

  ProcessInstance name() {
    return runtimeService().startProcessInstanceByKey(DeputyVariables.PROCESS_KEY);
  }

  void end(ProcessInstance instance) {
    runtimeService().createMessageCorrelation(DeputyVariables.MESSAGE_ENDED).processInstanceId(instance.getId())
        .correlate();
  }

  static Date midnight(LocalDate day) {
    return Date.from(day.atStartOfDay(Labels.zone()).toInstant());
  }

  Date dueDate(ProcessInstance instance, String timer) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult()
        .getDuedate();
  }

  @Test
  void aDeputyshipFromTodayHandsTheTasksOverAtOnceAndBackTheDayAfterTheLastDay() throws Exception {
    // Given a deputyship from today
    ProcessInstance instance = name();

    // Then the tasks are handed over at once, and the deputyship waits for the end of its last day
    verify(handOver).execute(any());
    assertThat(instance).hasNotPassed("TimerEvent_FirstDay").isWaitingAt("Gateway_AwaitEnd")
        .isWaitingFor(DeputyVariables.MESSAGE_ENDED);
    assertThat(dueDate(instance, "TimerEvent_LastDayOver")).isEqualTo(midnight(TODAY.plusDays(7)));
    verify(handBack, never()).execute(any());

    // When the day after the last day begins
    execute(job("TimerEvent_LastDayOver", instance));

    // Then the tasks are given back
    verify(handBack).execute(any());
    assertThat(instance).hasPassedInOrder("Task_RegisterDeputyship", "Task_HandOverTasks", "TimerEvent_LastDayOver",
        "Task_HandBackTasks").hasNotPassed("MessageEvent_EndedEarly").isEnded().hasPassed("EndEvent_DeputyshipEnded");
  }

  @Test
  void aDeputyshipThatBeginsLaterHandsNothingOverBeforeItsFirstDay() throws Exception {
    deputyship = deputyship(TODAY.plusDays(10), TODAY.plusDays(20));
    ProcessInstance instance = name();

    assertThat(instance).isWaitingAt("Gateway_AwaitFirstDay").isWaitingFor(DeputyVariables.MESSAGE_ENDED);
    assertThat(dueDate(instance, "TimerEvent_FirstDay")).isEqualTo(midnight(TODAY.plusDays(10)));
    verify(handOver, never()).execute(any());

    execute(job("TimerEvent_FirstDay", instance));

    verify(handOver).execute(any());
    assertThat(instance).hasPassedInOrder("TimerEvent_FirstDay", "Task_HandOverTasks")
        .isWaitingAt("Gateway_AwaitEnd");
    verify(handBack, never()).execute(any());
  }

  @Test
  void aDeputyshipEndedBeforeItsFirstDayEndsWithoutHandingAnythingOverOrBack() throws Exception {
    deputyship = deputyship(TODAY.plusDays(10), TODAY.plusDays(20));
    ProcessInstance instance = name();

    end(instance);

    verify(handOver, never()).execute(any());
    verify(handBack, never()).execute(any());
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("the first-day timer is gone").isZero();
    assertThat(instance).hasPassed("MessageEvent_EndedBeforeFirstDay").hasNotPassed("TimerEvent_FirstDay")
        .isEnded().hasPassed("EndEvent_EndedBeforeFirstDay");
  }

  @Test
  void aDeputyshipEndedEarlyGivesTheTasksBackAtOnce() throws Exception {
    ProcessInstance instance = name();

    end(instance);

    verify(handBack).execute(any());
    assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("the last-day timer is gone").isZero();
    assertThat(instance).hasPassedInOrder("Task_HandOverTasks", "MessageEvent_EndedEarly", "Task_HandBackTasks")
        .hasNotPassed("TimerEvent_LastDayOver").isEnded().hasPassed("EndEvent_DeputyshipEnded");
  }
}
