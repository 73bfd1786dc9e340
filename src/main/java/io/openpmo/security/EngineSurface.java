package io.openpmo.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine guards whether a command comes straight from a caller through one of the engine's own
 * HTTP surfaces (the engine REST API under {@code /engine-rest}, and the webapps' APIs under
 * {@code /camunda}: Tasklist, Cockpit, Admin) or from our code (our API's services, delegates, jobs), which
 * applies its own rules before it calls the engine. Only the outermost command of such a request is the
 * caller's; what the engine and our listeners do inside it is ours.
 */
@Configuration
public class EngineSurface {

  private static final ThreadLocal<Boolean> EXPOSED = ThreadLocal.withInitial(() -> false);

  /** Whether the current thread serves a request to an engine surface. */
  public static boolean isExposed() {
    return EXPOSED.get();
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineSurfaceFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        EXPOSED.set(true);
        try {
          chain.doFilter(request, response);
        } finally {
          EXPOSED.remove();
        }
      }
    });
    registration.addUrlPatterns("/engine-rest/*", "/camunda/*");
    registration.setName("engineSurfaceFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
