package io.openpmo.operations;

import io.openpmo.security.IdentityProviderSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read the operations endpoints under {@code /actuator}:
 * <ul>
 *   <li>{@code /actuator/health} and its probes ({@code /liveness}, {@code /readiness}) are open, so that a load
 *       balancer or an orchestrator can poll them; anonymous callers get the status only, no details;</li>
 *   <li>everything else ({@code /actuator/prometheus}, {@code /actuator/info}) and the health details need HTTP
 *       Basic as a member of the monitoring group ({@code openpmo.operations.monitoring-group}, default
 *       {@code monitoring}) or {@code camunda-admin}; in the {@code oidc} profile a bearer token of the identity
 *       provider instead.</li>
 * </ul>
 * Not "open from localhost": behind a reverse proxy on the same host every request comes from localhost.
 */
@Configuration
class OperationsSecurity {

  /**
   * Spring Security answers {@code isUserInRole("GROUP_monitoring")} (how Actuator decides who sees health details)
   * from the authorities as they are: our authorities are the user's groups, {@code GROUP_<id>}, not roles.
   */
  @Bean
  static org.springframework.security.config.core.GrantedAuthorityDefaults noRolePrefix() {
    return new org.springframework.security.config.core.GrantedAuthorityDefaults("");
  }

  @Bean
  @Order(0)
  SecurityFilterChain operationsEndpoints(HttpSecurity http,
      @Value("${openpmo.operations.monitoring-group:monitoring}") String monitoringGroup,
      ObjectProvider<IdentityProviderSignIn> identityProvider) throws Exception {
    IdentityProviderSignIn signIn = identityProvider.getIfAvailable();
    if (signIn != null) {
      signIn.configureApi(http);
    }
    return http
        .securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
            .anyRequest().hasAnyAuthority("GROUP_" + monitoringGroup, "GROUP_camunda-admin"))
        .httpBasic(basic -> basic.realmName("openpmo"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }
}
