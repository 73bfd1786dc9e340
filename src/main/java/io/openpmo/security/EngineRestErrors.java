package io.openpmo.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The engine's REST resources wrap every engine error into a 500 ("Cannot complete task ..."), whatever its
 * cause. When the cause is the caller's input or rights (a {@link BadUserRequestException}, e.g. a form that
 * breaks the guard's rules, or an {@link AuthorizationException}), the answer is a 400 or 403 in the engine REST
 * API's own error format. Registered on both engine surfaces: {@code /engine-rest} and the webapps' copy of it
 * under {@code /camunda/api/engine}, which Tasklist calls.
 */
@Configuration
class EngineRestErrors {

  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ResourceConfigCustomizer clientAwareRestErrors() {
    return config -> config.register(ClientAwareRestExceptionMapper.class);
  }

  /**
   * Registers the webapps' engine API before Camunda's webapp initializer does (it keeps a servlet that exists),
   * with the same resources plus our error mapping.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ServletContextInitializer webappEngineApiWithClientAwareErrors(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
    return servletContext -> {
      if (servletContext.getServletRegistration(WEBAPP_ENGINE_API) == null) {
        var registration = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
        registration.addMapping(applicationPath + "/api/engine/*");
        registration.setInitParameters(Map.of("jakarta.ws.rs.Application", WebappEngineApi.class.getName()));
      }
    };
  }

  /** Camunda's webapp engine API with the client-aware error mapping. */
  public static class WebappEngineApi extends EngineRestApplication {
    @Override
    public Set<Class<?>> getClasses() {
      Set<Class<?>> classes = new HashSet<>(super.getClasses());
      classes.add(ClientAwareRestExceptionMapper.class);
      return classes;
    }
  }

  /**
   * A RestException whose cause is the caller's (bad input, missing rights) is answered 400 or 403 with the cause's
   * own message: the sentence our rules wrote for people, without the resource's technical prefix ("Cannot submit
   * task form d0fe...: "), which Tasklist would otherwise show; and it is not logged as a server error.
   */
  @Priority(1)
  public static class ClientAwareRestExceptionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      Throwable cause = clientCause(exception);
      if (cause == null) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(exception);
      dto.setMessage(cause.getMessage());
      Response.Status status = cause instanceof AuthorizationException ? Response.Status.FORBIDDEN
          : exception.getStatus() != null && exception.getStatus().getStatusCode() < 500
              ? Response.Status.fromStatusCode(exception.getStatus().getStatusCode()) : Response.Status.BAD_REQUEST;
      return Response.status(status == null ? Response.Status.BAD_REQUEST : status).entity(dto)
          .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Throwable clientCause(Throwable exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException) {
          return cause;
        }
      }
      return null;
    }
  }
}
