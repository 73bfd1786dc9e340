package io.openpmo.boardpack;

import io.openpmo.core.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of boardPack, thin over {@link BoardPacks}. */
@Configuration
class BoardPackDelegates {

  static long packId(DelegateExecution execution) {
    return ((Number) execution.getVariable(BoardPackVariables.BOARD_PACK_ID)).longValue();
  }

  /** Started by the timer: opens the pack of the previous month. Started on request: the pack exists already. */
  @Bean
  JavaDelegate openBoardPackDelegate(BoardPacks packs) {
    return execution -> {
      if (execution.getVariable(BoardPackVariables.BOARD_PACK_ID) == null) {
        BoardPack pack = packs.openForPreviousMonth();
        packs.attachProcess(pack.id(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(pack.code());
        execution.setVariable(BoardPackVariables.BOARD_PACK_ID, pack.id());
      }
    };
  }

  @Bean
  JavaDelegate compileBoardPackDelegate(BoardPacks packs, CurrentUser currentUser) {
    return execution -> packs.compile(packId(execution), currentUser.idOrSystem());
  }

  @Bean
  JavaDelegate sendBoardPackDelegate(BoardPacks packs) {
    return execution -> packs.send(packId(execution));
  }
}
