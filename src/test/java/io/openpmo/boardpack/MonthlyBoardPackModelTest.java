package io.openpmo.boardpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.openpmo.support.ModelTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** monthlyBoardPack, model only: its timer calls the real boardPack model, whose delegates are mocked. */
@Deployment(resources = {"processes/monthly-board-pack.bpmn", "processes/board-pack.bpmn"})
class MonthlyBoardPackModelTest extends ModelTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = engine();

  /** Whether the opening step of each called pack found a pack id handed in (it must open one itself). */
  final List<Boolean> packIdHandedIn = new ArrayList<>();

  @BeforeEach
  void mocks() {
    delegate("openBoardPackDelegate", execution -> {
      packIdHandedIn.add(execution.hasVariable(BoardPackVariables.BOARD_PACK_ID));
      execution.setVariable(BoardPackVariables.BOARD_PACK_ID, 9L);
    });
    delegate("compileBoardPackDelegate");
    delegate("sendBoardPackDelegate");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Job timer() {
    return managementService().createJobQuery().processDefinitionKey(BoardPackVariables.MONTHLY_PROCESS_KEY)
        .timers().singleResult();
  }

  static ZonedDateTime utc(Date date) {
    return date.toInstant().atZone(ZoneOffset.UTC);
  }

  @Test
  void theTimerIsDueOnTheNextFifthOfAMonthAt0600Utc() {
    ZonedDateTime due = utc(timer().getDuedate());

    assertThat(due.getDayOfMonth()).isEqualTo(5);
    assertThat(due.toLocalTime()).hasToString("06:00");
    assertThat(due.toInstant()).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(32L * 24 * 3600));
  }

  @Test
  void whenItFiresThePackOfThePreviousMonthIsMadeAndSentAndTheNextMonthIsDue() {
    // Given the timer is due
    Job timer = timer();
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));

    // When it fires
    execute(timer);

    // Then it calls the pack, which opens the pack of the previous month itself (no pack id handed in)
    ProcessInstance monthly = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(BoardPackVariables.MONTHLY_PROCESS_KEY).singleResult();
    assertThat(monthly).isWaitingAt("CallActivity_BoardPack");
    ProcessInstance pack = calledProcessInstance(monthly);
    assertThat(pack).hasProcessDefinitionKey(BoardPackVariables.PROCESS_KEY).isWaitingAt("Task_CompileBoardPack");
    assertThat(packIdHandedIn).containsExactly(false);

    // and the next timer is due a month later
    assertThat(utc(timer().getDuedate())).isEqualTo(utc(timer.getDuedate()).plusMonths(1));

    // When the pack is compiled and sent, the month's instance ends
    execute(job("Task_CompileBoardPack", pack));
    execute(job("Task_SendBoardPack", pack));
    assertThat(pack).isEnded().hasPassed("EndEvent_PackSent");
    assertThat(monthly).isEnded().hasPassed("EndEvent_MonthlyPackSent");
  }
}
