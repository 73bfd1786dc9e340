package io.openpmo.security;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Turns engine errors that are the caller's fault into {@link BadUserRequestException}, which the REST
 * API answers with 400 instead of 500: a refused Java-serialized variable (ENGINE-17007) is bad input,
 * not a server failure.
 */
class ClientErrorTranslator extends CommandInterceptor {

  private static final List<String> CLIENT_ERROR_CODES = List.of("ENGINE-17007");

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (BadUserRequestException e) {
      throw e;
    } catch (ProcessEngineException e) {
      String message = e.getMessage();
      if (message != null && CLIENT_ERROR_CODES.stream().anyMatch(message::startsWith)) {
        throw new BadUserRequestException(message, e);
      }
      throw e;
    }
  }
}
