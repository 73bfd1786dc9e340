package io.openpmo.boardpack;

import static io.openpmo.boardpack.BoardPackVariables.packId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendBoardPackDelegate")
class SendBoardPackDelegate implements JavaDelegate {

  private final BoardPacks packs;

  SendBoardPackDelegate(BoardPacks packs) {
    this.packs = packs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    packs.send(packId(execution));
  }
}
