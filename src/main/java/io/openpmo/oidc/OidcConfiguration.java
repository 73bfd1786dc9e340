package io.openpmo.oidc;

import io.openpmo.security.Groups;
import io.openpmo.security.IdentityProviderSignIn;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code oidc} profile: people and integrations sign in through the bank's OpenID Connect provider; the
 * engine's identity service becomes read-only and is fed from the provider's tokens. See the README, "Sign-in
 * with the bank's identity provider".
 */
@Configuration
@Profile("oidc")
@EnableConfigurationProperties(OidcProperties.class)
class OidcConfiguration {

  @Bean
  IdentityMapping identityMapping(OidcProperties properties) {
    return new IdentityMapping(properties);
  }

  @Bean
  OidcDirectory oidcDirectory(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    return new OidcDirectory(jdbc, transactions, clock);
  }

  @Bean
  DirectoryIdentityPlugin directoryIdentityPlugin(OidcDirectory directory, IdentityMapping mapping,
      @Value("${openpmo.operations.monitoring-group}") String monitoringGroup) {
    Set<String> known = new TreeSet<>(Groups.ALL);
    known.add(monitoringGroup);
    return new DirectoryIdentityPlugin(directory, known, mapping.mappedGroups());
  }

  @Bean
  IdentityProviderSignIn oidcSignIn(IdentityMapping mapping, OidcDirectory directory,
      ClientRegistrationRepository clients, OidcProperties properties) {
    return new OidcSignIn(mapping, directory, clients, properties);
  }

  /** Tasklist, Cockpit and Admin take the signed-in user from Spring Security ({@link WebappSignIn}). */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSignInFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("openpmoWebappSignIn");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        WebappSignIn.class.getName()));
    // after Spring Security's filter chain, which has signed the user in
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }
}
