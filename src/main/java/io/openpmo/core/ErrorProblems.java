package io.openpmo.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every refusal as RFC 7807 problem details ({@code application/problem+json}), also those that never reach
 * a controller of ours: a path the firewall refuses ({@code ..}, {@code %2F}, {@code %00}, {@code ;}), an
 * unknown path (404), a method the path does not take (405), a content type it does not read (415), and what
 * Tomcat itself refuses before any servlet runs (an undecodable or non-normalised URI, a bad header).
 * <ul>
 *   <li>Spring's errors end in {@code /error}, which {@link ProblemErrorController} answers;</li>
 *   <li>the security firewall answers through {@link #firewallRefusals()};</li>
 *   <li>Tomcat's own refusals go to the host's error report valve, which {@link ProblemReportValve} replaces.</li>
 * </ul>
 * Server errors (5xx) never show the exception's message: it is logged.
 */
@Configuration
public class ErrorProblems {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorProblems.class);
  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The problem document for a status and a detail (the detail only for client errors). */
  static String problem(int status, String detail, String path) {
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", known == null ? "Error " + status : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", status >= 500 || detail == null || detail.isBlank() ? defaultDetail(status, path) : detail);
    if (path != null) {
      body.put("instance", path.length() > 200 ? path.substring(0, 200) : path);
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String defaultDetail(int status, String path) {
    return switch (status) {
      case 400 -> "The request is malformed: its request line or a header cannot be read, or its head is larger"
          + " than the server accepts (8 KB)";
      case 401 -> "Log in with HTTP Basic (user id and password of the identity service)";
      case 403 -> "You may not do this";
      case 404 -> "Nothing is found at " + (path == null ? "this path" : path);
      case 405 -> "This path does not take this method";
      case 406 -> "The answer is available as application/json only";
      case 413 -> "The request is too large";
      case 415 -> "Send the body as application/json";
      case 503 -> "The service is not available yet; try again shortly";
      default -> status >= 500 ? "The server failed to answer; the error is logged" : "The request was refused";
    };
  }

  static void write(HttpServletResponse response, int status, String detail, String path) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem(status, detail, path));
  }

  /** The security firewall's refusals (encoded slash, {@code ..}, null byte, {@code ;}, bad header): a 400 in words. */
  @Bean
  RequestRejectedHandler firewallRefusals() {
    return (request, response, e) -> {
      LOG.debug("Refused by the firewall: {}", e.getMessage());
      write(response, HttpServletResponse.SC_BAD_REQUEST, "The request path or a header is not allowed: "
          + e.getMessage().replaceAll("\\.+$", "") + ". Paths may not contain '..', '//', encoded slashes (%2F), encoded percent signs,"
          + " null bytes (%00), ';' or backslashes.", null);
    };
  }

  /**
   * The firewall's rules, plus: no control characters (such as NUL) in query parameter names or values. Spring
   * would read {@code ?status=%00} as no filter at all, and the database cannot store a NUL.
   */
  @Bean
  org.springframework.security.web.firewall.HttpFirewall requestFirewall() {
    org.springframework.security.web.firewall.StrictHttpFirewall firewall =
        new org.springframework.security.web.firewall.StrictHttpFirewall();
    java.util.function.Predicate<String> printable = value -> value.codePoints().noneMatch(Character::isISOControl);
    firewall.setAllowedParameterNames(printable);
    firewall.setAllowedParameterValues(value -> value.codePoints().noneMatch(c -> Character.isISOControl(c)
        && c != '\n' && c != '\r' && c != '\t'));
    return firewall;
  }

  /**
   * An {@code Accept} or {@code Content-Type} header that cannot be parsed is a 400 naming the header, before
   * Spring's content negotiation fails on it without a word (and again while rendering the error).
   */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> unreadableMediaTypes() {
    jakarta.servlet.Filter filter = (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      for (String header : java.util.List.of("Accept", "Content-Type")) {
        for (String value : java.util.Collections.list(http.getHeaders(header))) {
          try {
            MediaType.parseMediaTypes(value);
          } catch (IllegalArgumentException e) {
            write((HttpServletResponse) response, HttpServletResponse.SC_BAD_REQUEST, header
                + " cannot be read as a media type (e.g. application/json)", http.getRequestURI());
            return;
          }
        }
      }
      chain.doFilter(request, response);
    };
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    return registration;
  }

  /** Tomcat's own refusals as problem details: this valve replaces the host's HTML error page. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
    return factory -> factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      if (host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
      host.getPipeline().addValve(new ProblemReportValve());
    });
  }

  /** Answers an error that Tomcat raised itself (before or outside Spring) as problem details. */
  public static class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      String detail = status < 500 ? response.getMessage() : null;
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(problem(status, detail, null));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response is committed: nothing more to say
      }
    }
  }

  /** {@code /error}: where Spring and the servlet container send every error of a request. */
  @RestController
  static class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      int status = code instanceof Integer number ? number : response.getStatus();
      if (status < 400) {
        status = HttpServletResponse.SC_NOT_FOUND;
      }
      String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      if (error == null) {
        error = (Throwable) request.getAttribute("org.springframework.boot.web.servlet.error.DefaultErrorAttributes.ERROR");
      }
      String detail = detail(status, error, (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE), path);
      request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
      if (status >= 500 && DatabaseOutage.in(error)) {
        // an engine call of ours lost its database (the engine wraps the failure in its own exception): the same
        // 503 as a transaction that could not begin, which the client may retry
        LOG.warn("Request {} failed: the database could not be reached", path, error);
        response.resetBuffer();
        response.setHeader("Retry-After", ApiProblemHandler.RETRY_AFTER_SECONDS);
        write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null, path);
        return;
      }
      if (status >= 500 && error != null) {
        LOG.error("Request {} failed", path, error);
      }
      response.resetBuffer();
      if (page(request, response, status, path)) {
        return;
      }
      write(response, status, detail, path);
    }

    /**
     * A person's browser opening a page of the webapps (e.g. Admin without being an administrator) gets a page in
     * words ({@code public/error/<status>.html}) instead of a JSON document; the APIs always answer problem details.
     */
    private static boolean page(HttpServletRequest request, HttpServletResponse response, int status, String path)
        throws IOException {
      String accept = String.join(",", java.util.Collections.list(request.getHeaders("Accept")));
      if (path == null || !accept.contains(MediaType.TEXT_HTML_VALUE)
          || path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/camunda/api/")) {
        return false;
      }
      org.springframework.core.io.ClassPathResource page =
          new org.springframework.core.io.ClassPathResource("public/error/" + status + ".html");
      if (!page.exists()) {
        return false;
      }
      response.setStatus(status);
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      try (var in = page.getInputStream()) {
        response.getWriter().write(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      return true;
    }

    private static String detail(int status, Throwable error, String message, String path) {
      if (status == 404) {
        return defaultDetail(404, path);
      }
      if (error instanceof org.springframework.web.ErrorResponse response && response.getBody().getDetail() != null) {
        return response.getBody().getDetail();
      }
      if (message != null && !message.isBlank()) {
        return message;
      }
      return error != null ? error.getMessage() : null;
    }
  }
}
