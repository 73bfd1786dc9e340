package io.openpmo.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Tasklist, Cockpit and Admin take the user that signed in through the identity provider (Spring Security's
 * OAuth2 login) as their own: Camunda's {@code ContainerBasedAuthenticationFilter} asks this provider, and the
 * user's groups are those mapped from the provider at sign-in. The webapps' own password login is never used.
 * Instantiated by the filter by class name.
 */
public class WebappSignIn extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken signedIn) || !signedIn.isAuthenticated()
        || signedIn.getName() == null) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(signedIn.getName());
    result.setGroups(IdentityMapping.groupsOf(signedIn.getAuthorities()));
    result.setTenants(List.of());
    return result;
  }
}
