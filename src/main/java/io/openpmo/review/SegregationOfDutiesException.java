package io.openpmo.review;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A person may not claim or decide this review (answered 403 by the REST API, shown by Tasklist): the message is one
 * sentence that says why, to the person it concerns ("You sponsor PRJ-2026-0014, so you may not review it.").
 */
public class SegregationOfDutiesException extends AuthorizationException {

  public SegregationOfDutiesException(String message) {
    super(message);
  }
}
