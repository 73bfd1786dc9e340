package io.openpmo.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API wraps every engine error met while starting a process into a 500. When the
 * cause is the caller's input (a {@link BadUserRequestException}, e.g. a project request that fails
 * validation in the first step of initiation), it is a 400: that is what this mapper answers, in the
 * engine REST API's own error format. Everything else keeps the engine's status.
 */
@Configuration
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer badRequestAwareRestErrors() {
    return config -> config.register(BadRequestAwareRestExceptionMapper.class);
  }

  @Priority(1)
  static class BadRequestAwareRestExceptionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
      if (response.getStatus() >= 500 && causedByBadInput(exception)) {
        return Response.status(Response.Status.BAD_REQUEST)
            .entity(ExceptionHandlerHelper.getInstance().fromException(exception))
            .type(MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
      return response;
    }

    private static boolean causedByBadInput(Throwable exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException) {
          return true;
        }
      }
      return false;
    }
  }
}
