package io.openpmo.core;

import org.springframework.http.HttpStatus;

/** A request that is well-formed but breaks a business rule: answered as a 4xx with a sentence. */
public class BusinessRuleException extends RuntimeException {

  private final HttpStatus status;

  public BusinessRuleException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public static BusinessRuleException conflict(String message) {
    return new BusinessRuleException(HttpStatus.CONFLICT, message);
  }

  public static BusinessRuleException unprocessable(String message) {
    return new BusinessRuleException(HttpStatus.UNPROCESSABLE_ENTITY, message);
  }

  public static BusinessRuleException forbidden(String message) {
    return new BusinessRuleException(HttpStatus.FORBIDDEN, message);
  }

  public HttpStatus status() {
    return status;
  }
}
