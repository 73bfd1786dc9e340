package io.openpmo.deputy;

import io.openpmo.core.EngineAccess;
import io.openpmo.core.Labels;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deputyship's process ({@code processes/deputyship.bpmn}, "Name a deputy"): it waits for the first day, hands
 * the approver's open tasks to the deputy, waits for the day after the last (or an early end) and hands them back.
 * Started from Tasklist with its start form, or by {@link #start} for a deputyship named over our API.
 */
@Component
class DeputyProcess {

  private final RuntimeService runtimeService;
  private final Deputies deputies;
  private final EngineAccess engineAccess;

  DeputyProcess(RuntimeService runtimeService, Deputies deputies, EngineAccess engineAccess) {
    this.runtimeService = runtimeService;
    this.deputies = deputies;
    this.engineAccess = engineAccess;
  }

  /** Names the deputy and starts the process in one transaction: both happen or neither. */
  @Transactional
  Deputyship nameAndStart(Deputies.Request request, String caller) {
    Deputyship named = deputies.name(request, caller);
    runtimeService.createProcessInstanceByKey(DeputyVariables.PROCESS_KEY)
        .setVariables(Map.of(DeputyVariables.DEPUTYSHIP_ID, named.id()))
        .execute();
    return deputies.get(named.id());
  }

  /** Ends the deputyship now and lets its process hand the tasks back. */
  @Transactional
  Deputyship end(long id, String caller) {
    Deputyship ended = deputies.end(id, caller);
    if (ended.processInstanceId() != null) {
      // whoever may end it has decided: the process is told on the system's behalf
      engineAccess.asSystem(() -> {
        if (runtimeService.createEventSubscriptionQuery().processInstanceId(ended.processInstanceId())
            .eventName(DeputyVariables.MESSAGE_ENDED).count() > 0) {
          runtimeService.createMessageCorrelation(DeputyVariables.MESSAGE_ENDED)
              .processInstanceId(ended.processInstanceId()).correlate();
        }
      });
    }
    return deputies.get(id);
  }

  /** Sets what the timers and the gateway read, from the recorded deputyship. */
  static void describe(DelegateExecution execution, Deputyship deputyship, LocalDate today) {
    execution.setVariable(DeputyVariables.DEPUTYSHIP_ID, deputyship.id());
    execution.setVariable(DeputyVariables.FROM, midnight(deputyship.validFrom()));
    execution.setVariable(DeputyVariables.UNTIL, midnight(deputyship.validTo().plusDays(1)));
    execution.setVariable(DeputyVariables.BEGINS_LATER, deputyship.validFrom().isAfter(today));
  }

  private static Date midnight(LocalDate day) {
    return Date.from(day.atStartOfDay(Labels.zone()).toInstant());
  }
}
