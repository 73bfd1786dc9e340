package io.openpmo.project;

import io.openpmo.core.BusinessRuleException;
import org.springframework.http.HttpStatus;

/**
 * A state transition, gate outcome or baseline whose preconditions are not on record: refused, the transaction
 * rolls back, and the refusal itself is kept in the audit trail.
 */
public class TransitionRefusedException extends BusinessRuleException {

  public TransitionRefusedException(String message) {
    super(HttpStatus.CONFLICT, message);
  }
}
