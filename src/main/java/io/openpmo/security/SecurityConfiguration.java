package io.openpmo.security;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what over HTTP.
 * <ul>
 *   <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against Camunda's identity service
 *       ({@code openpmo.security.basic-auth.enabled}, on by default) and, in the {@code oidc} profile, bearer
 *       tokens of the identity provider ({@link IdentityProviderSignIn}),
 *       stateless; only {@code /engine-rest/engine} (the engine list) is open. The authenticated user is
 *       handed to the engine, whose authorization checks decide what it may see and do.</li>
 *   <li>The webapps under {@code /camunda} (Tasklist, Cockpit, Admin) log in with their own session and
 *       protect themselves with Camunda's CSRF filter; OpenAPI docs and static pages are open.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

  @Bean
  AuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
    return new CamundaIdentityAuthenticationProvider(identityService);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
      @Value("${openpmo.security.basic-auth.enabled:true}") boolean basicAuth,
      ObjectProvider<IdentityProviderSignIn> identityProvider) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"openpmo\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
          + "\"detail\":\"Log in with HTTP Basic (user id and password of the identity service)\"}")
          .getBytes(StandardCharsets.UTF_8));
    };
    AccessDeniedHandler auditorsChangeNothing = (request, response, e) -> {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
          + "\"detail\":\"Internal audit reads and changes nothing: members of " + Groups.AUDITORS
          + " may not change data\"}").getBytes(StandardCharsets.UTF_8));
    };
    http
        // path patterns, not MVC matchers: the engine REST API is a Jersey servlet, not a Spring MVC handler
        .securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**")))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/engine-rest/engine")).permitAll()
            // auditors are independent of what they audit: they read, they never change anything
            .requestMatchers(writes("/api/**")).access(SecurityConfiguration::notAnAuditor)
            .anyRequest().authenticated())
        .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(auditorsChangeNothing))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless and cookie-free: credentials come with every request, so there is no session to forge.
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    if (basicAuth) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
    }
    IdentityProviderSignIn signIn = identityProvider.getIfAvailable();
    if (signIn != null) {
      signIn.configureApi(http);
    }
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher writes(String pattern) {
    return new OrRequestMatcher(List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE).stream()
        .map(method -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, pattern)).toList());
  }

  private static AuthorizationDecision notAnAuditor(Supplier<Authentication> authentication,
      RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    boolean allowed = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)
        && user.getAuthorities().stream().noneMatch(a ->
            (CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + Groups.AUDITORS).equals(a.getAuthority()));
    return new AuthorizationDecision(allowed);
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<IdentityProviderSignIn> identityProvider)
      throws Exception {
    IdentityProviderSignIn signIn = identityProvider.getIfAvailable();
    if (signIn != null) {
      signIn.configureWebapps(http);
    }
    return http
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        // The Camunda webapps run their own session login and CSRF protection (CsrfPreventionFilter).
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }
}
