package io.openpmo.closure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The closure of a project: why it closes, the sponsor's acceptance, the final figures and hand-over. */
public record Closure(Long id, Long projectId, String reason, String reasonNote, String status,
    String processInstanceId, OffsetDateTime startedAt, OffsetDateTime closedAt, BigDecimal releasedFte,
    String acceptance, String acceptanceComment, String acceptedBy, OffsetDateTime acceptedAt,
    Integer acceptanceRefusals, BigDecimal finalCost, BigDecimal percentComplete, LocalDate actualEndDate,
    BigDecimal budgetAtCompletion, LocalDate baselineEndDate, BigDecimal costVariance, Integer scheduleVarianceDays,
    BigDecimal finalCpi, BigDecimal finalSpi, String openItems, String handedOverTo, String closureNotes,
    String figuresBy) {

  public static final String DELIVERED = "DELIVERED";
  public static final String STOPPED = "STOPPED";
  public static final String CANCELLED = "CANCELLED";
  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String ACCEPTED_WITH_RESERVATIONS = "ACCEPTED_WITH_RESERVATIONS";
  public static final String REFUSED = "REFUSED";
}
