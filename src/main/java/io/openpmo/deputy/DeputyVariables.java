package io.openpmo.deputy;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Names of the variables of the deputyship process ("Name a deputy"). */
final class DeputyVariables {

  static final String PROCESS_KEY = "deputyship";
  /** Sent when the approver or the PMO ends a deputyship early. */
  static final String MESSAGE_ENDED = "DeputyshipEnded";

  /** The deputyship row the process follows. */
  static final String DEPUTYSHIP_ID = "deputyshipId";
  /** When it begins and ends: midnight of the first day, midnight after the last day (timers). */
  static final String FROM = "deputyFrom";
  static final String UNTIL = "deputyUntil";
  /** Whether the first day is still to come (the gateway after registration). */
  static final String BEGINS_LATER = "deputyBeginsLater";

  // fields of the start form (read once, then removed)
  static final String DEPUTY = "deputy";
  static final String VALID_FROM = "validFrom";
  static final String VALID_TO = "validTo";
  static final String REASON = "reason";
  static final List<String> FORM_FIELDS = List.of(DEPUTY, VALID_FROM, VALID_TO, REASON);

  /** The deputyship this instance works on. */
  static long deputyshipId(DelegateExecution execution) {
    return ((Number) execution.getVariable(DEPUTYSHIP_ID)).longValue();
  }

  private DeputyVariables() {
  }
}
