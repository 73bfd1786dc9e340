package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import io.openpmo.core.InvalidRequestException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** A person's mistake that the engine would log as a server error is one line instead; real errors keep theirs. */
class ClientErrorLogFilterTest {

  final LoggerContext context = new LoggerContext();
  final ClientErrorLogFilter filter = new ClientErrorLogFilter();
  final Logger engineContext = context.getLogger("org.camunda.bpm.engine.context");

  @Test
  void aRefusalOrAnInvalidFormFromTheEngineIsNotAServerError() {
    Object[] refusal = {"claim refused", new AuthorizationException("You sponsor PRJ-2026-0014, so you may not review it.")};
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", refusal, null))
        .isEqualTo(FilterReply.DENY);
    ProcessEngineException wrapped = new ProcessEngineException("Exception while invoking TaskListener",
        new InvalidRequestException("comment", "is required"));
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", null, wrapped))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void realErrorsAndOtherLoggersAreLeftAlone() {
    Object[] failure = {"boom", new IllegalStateException("database down")};
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", failure, null))
        .isEqualTo(FilterReply.NEUTRAL);
    Object[] refusal = {new AuthorizationException("no")};
    assertThat(filter.decide(null, context.getLogger("io.openpmo.audit"), Level.ERROR, "x", refusal, null))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, engineContext, Level.DEBUG, "x", refusal, null)).isEqualTo(FilterReply.NEUTRAL);
  }
}
