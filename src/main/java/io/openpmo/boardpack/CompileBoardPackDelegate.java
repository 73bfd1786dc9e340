package io.openpmo.boardpack;

import static io.openpmo.boardpack.BoardPackVariables.packId;

import io.openpmo.core.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("compileBoardPackDelegate")
class CompileBoardPackDelegate implements JavaDelegate {

  private final BoardPacks packs;
  private final CurrentUser currentUser;

  CompileBoardPackDelegate(BoardPacks packs, CurrentUser currentUser) {
    this.packs = packs;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    packs.compile(packId(execution), currentUser.idOrSystem());
  }
}
