package io.openpmo.security;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.InvalidRequestException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.http.HttpStatus;

/**
 * Turns errors that are the caller's fault into the exceptions the engine's REST APIs (its own and the
 * webapps') answer with a 4xx, once for every listener and delegate (for our own API, which answers them
 * as problem details itself, they come out unwrapped):
 * <ul>
 *   <li>our own {@link InvalidRequestException} (a form that breaks field rules) becomes a 400 that names every
 *       field in words (the guard names them by the form's labels when it knows the form), and a
 *       {@link BusinessRuleException} (e.g. a refused state transition) a 403, 404 or 400 with its sentence;</li>
 *   <li>a {@link BadUserRequestException} or {@link AuthorizationException} that a task listener threw comes
 *       out unwrapped instead of as the engine's generic "exception while invoking the TaskListener" (a 500);</li>
 *   <li>a refused Java-serialized variable (ENGINE-17007) or type (ENGINE-03064) is bad input.</li>
 * </ul>
 */
class ClientErrorTranslator extends CommandInterceptor {

  private static final List<String> CLIENT_ERROR_CODES = List.of("ENGINE-17007", "ENGINE-03064");

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (BadUserRequestException | AuthorizationException e) {
      throw e;
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
          throw (ProcessEngineException) cause;
        }
        if (cause instanceof InvalidRequestException invalid) {
          // our API answers its own problem details (every field named); the engine's APIs a 400
          throw EngineSurface.isExposed()
              ? new BadUserRequestException(FormMessages.forPeople(invalid.problems(), java.util.Map.of()), invalid)
              : invalid;
        }
        if (cause instanceof BusinessRuleException rule) {
          throw EngineSurface.isExposed() ? translate(rule) : rule;
        }
      }
      String message = e.getMessage();
      if (e instanceof ProcessEngineException && message != null
          && CLIENT_ERROR_CODES.stream().anyMatch(message::startsWith)) {
        throw new BadUserRequestException(message, e);
      }
      throw e;
    }
  }

  private static ProcessEngineException translate(BusinessRuleException rule) {
    if (rule.status() == HttpStatus.FORBIDDEN) {
      return new AuthorizationException(rule.getMessage());
    }
    if (rule.status() == HttpStatus.NOT_FOUND) {
      return new NotFoundException(rule.getMessage());
    }
    return new BadUserRequestException(rule.getMessage(), rule);
  }
}
