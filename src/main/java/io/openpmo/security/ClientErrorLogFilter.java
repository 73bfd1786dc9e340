package io.openpmo.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.InvalidRequestException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * A person's mistake is not a server error: the engine logs every exception that ends a command, and its REST layer
 * every error it answers, at ERROR with a stack trace, also when the cause is a form that breaks our rules or a
 * refusal (segregation of duties, eligibility, missing rights). Those are logged here as one line at INFO instead;
 * real errors keep their stack trace.
 */
@Component
class ClientErrorLogFilter extends TurboFilter implements InitializingBean, DisposableBean {

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.openpmo.refusals");
  private static final String[] ENGINE_LOGGERS = {"org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest",
      "org.camunda.bpm.engine.cmd"};

  @Override
  public void afterPropertiesSet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      setName("openpmo-client-errors");
      context.addTurboFilter(this);
      start();
    }
  }

  @Override
  public void destroy() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getTurboFilterList().remove(this);
    }
    stop();
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || !fromEngine(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable error = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    Throwable client = clientError(error);
    if (client == null) {
      return FilterReply.NEUTRAL;
    }
    LOG.info("Refused: {}", client.getMessage());
    return FilterReply.DENY;
  }

  private static boolean fromEngine(String name) {
    for (String prefix : ENGINE_LOGGERS) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The caller's error in the chain (bad input, a refusal), or null for a real error. */
  static Throwable clientError(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequestException || cause instanceof BusinessRuleException
          || cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
        return cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
