package io.openpmo.boardpack;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Variables of the boardPack process. */
public final class BoardPackVariables {

  public static final String PROCESS_KEY = "boardPack";
  /** Calls boardPack every month (timer start event). */
  public static final String MONTHLY_PROCESS_KEY = "monthlyBoardPack";
  public static final String BOARD_PACK_ID = "boardPackId";

  /** The board pack this instance works on. */
  static long packId(DelegateExecution execution) {
    return ((Number) execution.getVariable(BOARD_PACK_ID)).longValue();
  }

  private BoardPackVariables() {
  }
}
