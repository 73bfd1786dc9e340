package io.openpmo.boardpack;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Started by the timer: opens the pack of the previous month. Started on request: the pack exists already. */
@Component("openBoardPackDelegate")
class OpenBoardPackDelegate implements JavaDelegate {

  private final BoardPacks packs;

  OpenBoardPackDelegate(BoardPacks packs) {
    this.packs = packs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(BoardPackVariables.BOARD_PACK_ID) == null) {
      BoardPack pack = packs.openForPreviousMonth();
      packs.attachProcess(pack.id(), execution.getProcessInstanceId());
      execution.setProcessBusinessKey(pack.code());
      execution.setVariable(BoardPackVariables.BOARD_PACK_ID, pack.id());
    }
  }
}
