package io.openpmo.boardpack;

/** Variables of the boardPack process. */
public final class BoardPackVariables {

  public static final String PROCESS_KEY = "boardPack";
  /** Calls boardPack every month (timer start event). */
  public static final String MONTHLY_PROCESS_KEY = "monthlyBoardPack";
  public static final String BOARD_PACK_ID = "boardPackId";

  private BoardPackVariables() {
  }
}
