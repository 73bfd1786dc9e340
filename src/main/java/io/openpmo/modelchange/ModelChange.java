package io.openpmo.modelchange;

import java.time.OffsetDateTime;

/**
 * A proposed change to the models (or the record of an emergency deployment): who proposed it, why, its state,
 * who decided and which deployment carries it.
 */
public record ModelChange(
    Long id,
    String kind,
    String status,
    String reason,
    String channel,
    String proposedBy,
    OffsetDateTime proposedAt,
    Long rollbackOf,
    int simulationSize,
    String processInstanceId,
    String simulation,
    String decidedBy,
    OffsetDateTime decidedAt,
    String decisionComment,
    String deploymentId,
    OffsetDateTime deployedAt) {

  public static final String CHANGE = "CHANGE";
  public static final String ROLLBACK = "ROLLBACK";
  public static final String EMERGENCY = "EMERGENCY";

  public static final String CHECKING = "CHECKING";
  public static final String CHECKS_FAILED = "CHECKS_FAILED";
  public static final String IN_REVIEW = "IN_REVIEW";
  public static final String DEPLOYED = "DEPLOYED";
  public static final String REJECTED = "REJECTED";

  private static final String PREFIX = "MC-";

  public String code() {
    return code(id);
  }

  public static String code(long id) {
    return PREFIX + id;
  }

  /** The id of a code ("MC-7", or "7"), or null when it is not one. */
  static Long idOf(String code) {
    String digits = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^" + PREFIX, "");
    return digits.matches("\\d{1,18}") ? Long.valueOf(digits) : null;
  }
}
