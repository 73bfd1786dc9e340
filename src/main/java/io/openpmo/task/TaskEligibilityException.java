package io.openpmo.task;

import org.camunda.bpm.engine.AuthorizationException;

/** The person may not hold the task (answered 403 by the REST APIs, shown by Tasklist). */
public class TaskEligibilityException extends AuthorizationException {

  public TaskEligibilityException(String message) {
    super(message);
  }
}
