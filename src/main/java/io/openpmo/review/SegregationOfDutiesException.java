package io.openpmo.review;

import org.camunda.bpm.engine.AuthorizationException;

/** A person may not claim or decide this review (answered 403 by the REST API, shown by Tasklist). */
public class SegregationOfDutiesException extends AuthorizationException {

  public SegregationOfDutiesException(String message) {
    super("Segregation of duties: " + message);
  }
}
