package io.openpmo.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean an attacker's expression would call: if a query expression is ever evaluated, {@link #touch()}
 * counts it. Tests assert the count stays at zero.
 */
@Component("expressionProbe")
public class ExpressionProbe {

  private final AtomicInteger touches = new AtomicInteger();

  public String touch() {
    touches.incrementAndGet();
    return "nobody";
  }

  public int touches() {
    return touches.get();
  }
}
