package io.openpmo.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.DatabaseOutage;
import io.openpmo.core.TaskConflicts;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What the engine REST API answers when a call fails because of the caller, in its own error format
 * ({@code {"type", "message"}}), on {@code /engine-rest} and on the webapps' engine API
 * ({@code /camunda/api/engine/...}, which Tasklist calls). The engine wraps most errors into a 500; here:
 * <ul>
 *   <li>losing a race on a task is a 409 in words: a second claim ("already claimed by pierre"), a second
 *       decision ("already decided by pierre at 10:42"), a claim of a finished task; an unknown task is a 404;</li>
 *   <li>bad input (a {@link BadUserRequestException} or {@link InvalidRequestException} from a listener or
 *       delegate, JSON the parser refuses, a value the database cannot hold) is a 400;</li>
 *   <li>a business rule ({@link BusinessRuleException}) keeps its status; a unique value used twice is a 409;</li>
 *   <li>a refused right ({@link AuthorizationException}, e.g. a segregation-of-duties refusal in a listener) is a
 *       403.</li>
 * </ul>
 * Everything else keeps the engine's status. Nothing of a refused call is written: the engine's transaction
 * rolled back before the error reached this mapper.
 */
@Configuration
class EngineRestErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
  private static final Pattern TASK_ID = Pattern.compile("Cannot find task with id ([^\\s:]+)");
  /**
   * The applications whose engine REST API uses these mappers (JAX-RS instantiates them, not Spring): the newest
   * running one answers; one closed (a test's own application) steps aside.
   */
  private static final Deque<ApplicationContext> CONTEXTS = new ConcurrentLinkedDeque<>();
  private final ApplicationContext context;

  EngineRestErrors(ApplicationContext context) {
    this.context = context;
    CONTEXTS.push(context);
  }

  @PreDestroy
  void closed() {
    CONTEXTS.remove(context);
  }

  @Bean
  ResourceConfigCustomizer clientAwareRestErrors() {
    return config -> MAPPERS.forEach(config::register);
  }

  static final String WEBAPP_ENGINE_API = "Engine Api";

  /** The mappers, on both engine surfaces. */
  static final List<Class<?>> MAPPERS = List.of(RestErrors.class, EngineErrors.class, OtherErrors.class,
      JsonErrors.class, JsonMappingErrors.class);

  /**
   * Registers the webapps' engine API before Camunda's webapp initializer does (it keeps a servlet that exists),
   * with the same resources plus these mappers.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @ConditionalOnProperty(name = "camunda.bpm.webapp.enabled", matchIfMissing = true)
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
      classes.addAll(MAPPERS);
      return classes;
    }
  }

  static Response translate(Throwable exception, UriInfo uri) {
    if (exception instanceof JsonProcessingException json) {
      return answer(400, exception, "The body is not the JSON this call reads: " + firstLine(json.getOriginalMessage()));
    }
    if (exception instanceof NullPointerException && String.valueOf(exception.getMessage()).contains(".rest.dto.")
        && String.valueOf(exception.getMessage()).endsWith("is null")) {
      // the body was the JSON literal null: the resource has nothing to read
      return answer(400, exception, "The body is required (a JSON object)");
    }
    // the database went away under the call: the caller may retry; checked first, as the race check reads the database
    if (DatabaseOutage.in(exception)) {
      return Response.fromResponse(answer(503, exception, "The database could not be reached while this call ran;"
          + " nothing was done twice. Retry it shortly.")).header("Retry-After", "5").build();
    }
    // a call on a task that someone else decided meanwhile lost the race, whatever the engine or our rules said
    Response lost = lostRace(exception, uri);
    if (lost != null) {
      return lost;
    }
    // the status first, without the engine's logging: a caller's mistake is no server error with a stack trace
    int status = ExceptionHandlerHelper.getInstance().getStatus(exception).getStatusCode();
    if (status < 500) {
      Throwable cause = exception instanceof RestException ? clientCause(exception) : null;
      if (cause != null) {
        // the sentence our rules wrote for people, without the resource's technical prefix ("Cannot submit task
        // form d0fe...: "), which Tasklist would otherwise show
        return answer(cause instanceof AuthorizationException ? 403 : status, cause, cause.getMessage());
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return answer(409, cause, "Task " + claimed.getTaskId() + " is already claimed by " + claimed.getTaskAssignee());
      }
      if (cause instanceof OptimisticLockingException || taskGone(cause)) {
        TaskConflicts.Conflict conflict = CONTEXTS.getFirst().getBean(TaskConflicts.class).describe(taskId(cause, uri));
        Response answer = answer(conflict.status().value(), cause, conflict.message());
        if (conflict.retryable()) {
          LOG.warn("{} answered 503 (send it again): the task is still open for the caller; what collided: {}",
              uri == null ? "a task call" : uri.getPath(), ConcurrentTaskChangeRetry.innermost(cause));
        }
        return conflict.retryable() ? Response.fromResponse(answer)
            .header("Retry-After", String.valueOf(TaskConflicts.Conflict.RETRY_AFTER_SECONDS)).build() : answer;
      }
      if (cause instanceof AuthorizationException) {
        return answer(403, cause, cause.getMessage());
      }
      if (cause instanceof BadUserRequestException || cause instanceof InvalidRequestException
          || cause instanceof JsonProcessingException) {
        return answer(400, cause, cause.getMessage());
      }
      if (cause instanceof BusinessRuleException rule) {
        return answer(rule.status().value(), cause, cause.getMessage());
      }
      if (cause instanceof DuplicateKeyException) {
        return answer(409, cause, "The request uses a value that must be unique and is taken already (for example an"
            + " externalReference you used for another request); nothing was written");
      }
      if (cause instanceof DataIntegrityViolationException || dataError(cause)) {
        return answer(400, cause, "A value of the request does not fit (too long, too large or not allowed);"
            + " nothing was written");
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  /**
   * A call on a task that failed while someone else decided the task lost the race, whatever broke inside it (a
   * listener reading what the winner just removed, an authorization the winner's completion just deleted): 409.
   */
  private static Response lostRace(Throwable exception, UriInfo uri) {
    String task = uri == null ? null : taskId(exception, uri);
    if (task == null || CONTEXTS.isEmpty()) {
      return null;
    }
    TaskConflicts conflicts = CONTEXTS.getFirst().getBean(TaskConflicts.class);
    if (conflicts.isOpen(task)) {
      return null;
    }
    TaskConflicts.Conflict conflict = conflicts.describe(task);
    return conflict.status().value() == 409 ? answer(409, exception, conflict.message()) : null;
  }

  /** The caller's own mistake (bad input, missing rights) under a RestException the resource wrapped it in. */
  private static Throwable clientCause(Throwable exception) {
    for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException || cause instanceof AuthorizationException
          || cause instanceof InvalidRequestException) {
        return cause;
      }
    }
    return null;
  }

  private static boolean taskGone(Throwable cause) {
    return cause instanceof NullValueException && cause.getMessage() != null
        && cause.getMessage().startsWith("Cannot find task");
  }

  /** SQL data exceptions (class 22: too long, out of range, invalid characters) and unique violations (23505). */
  private static boolean dataError(Throwable cause) {
    return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
  }

  static String taskId(Throwable cause, UriInfo uri) {
    Matcher matcher = TASK_ID.matcher(String.valueOf(cause.getMessage()));
    if (matcher.find()) {
      return matcher.group(1);
    }
    if (uri != null) {
      List<PathSegment> segments = uri.getPathSegments();
      for (int i = 0; i < segments.size() - 1; i++) {
        if ("task".equals(segments.get(i).getPath())) {
          return segments.get(i + 1).getPath();
        }
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    String line = message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static Response answer(int status, Throwable cause, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", cause.getClass().getSimpleName());
    body.put("message", message);
    body.put("code", null);
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Errors the REST resources wrapped (e.g. "Cannot submit task form ..."). */
  @Priority(1)
  public static class RestErrors implements ExceptionMapper<RestException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RestException exception) {
      return translate(exception, uri);
    }
  }

  /** Engine errors that reach the REST layer unwrapped (e.g. a claim). */
  @Priority(1)
  public static class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return translate(exception, uri);
    }
  }

  /** Anything else: JSON the parser refuses (too deep, too long), exceptions of our listeners. */
  @Priority(1)
  public static class OtherErrors implements ExceptionMapper<Exception> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Exception exception) {
      return translate(exception, uri);
    }
  }

  /** JSON that cannot be parsed: a 400 in the engine's JSON error format (the engine answers it as plain text). */
  @Priority(1)
  public static class JsonErrors implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException exception) {
      return translate(exception, null);
    }
  }

  /** JSON of the wrong shape for the call: a 400 in the engine's JSON error format. */
  @Priority(1)
  public static class JsonMappingErrors implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException exception) {
      return translate(exception, null);
    }
  }
}
