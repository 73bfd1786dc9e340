package io.openpmo.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Turns engine errors that are the caller's fault into the exceptions the REST API answers with a 4xx:
 * a refused Java-serialized variable (ENGINE-17007) is bad input, not a server failure; and a
 * {@link BadUserRequestException} or {@link AuthorizationException} that a task listener threw (e.g. a
 * segregation-of-duties refusal, an invalid review form) comes out unwrapped instead of as the engine's
 * generic "exception while invoking the TaskListener" (a 500).
 */
class ClientErrorTranslator extends CommandInterceptor {

  private static final List<String> CLIENT_ERROR_CODES = List.of("ENGINE-17007");

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (BadUserRequestException | AuthorizationException e) {
      throw e;
    } catch (ProcessEngineException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
          throw (ProcessEngineException) cause;
        }
      }
      String message = e.getMessage();
      if (message != null && CLIENT_ERROR_CODES.stream().anyMatch(message::startsWith)) {
        throw new BadUserRequestException(message, e);
      }
      throw e;
    }
  }
}
