package io.openpmo.oidc;

import io.openpmo.security.IdentityProviderSignIn;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.core.convert.converter.Converter;

/**
 * The oidc profile's sign-in. On {@code /api/**} and {@code /engine-rest/**}: bearer tokens (Spring Security's
 * resource server checks signature, issuer, audience and expiry against the provider's published keys), for
 * people and for integrations with client-credentials tokens. In the webapps: the authorization-code flow, and
 * sign-out that ends the provider's session too (RP-initiated logout). Either way the token's groups are mapped
 * onto ours and the directory is brought up to date.
 */
class OidcSignIn implements IdentityProviderSignIn {

  static final String SIGN_OUT_PATH = "/logout";

  private final IdentityMapping mapping;
  private final OidcDirectory directory;
  private final ClientRegistrationRepository clients;
  private final OidcProperties properties;

  OidcSignIn(IdentityMapping mapping, OidcDirectory directory, ClientRegistrationRepository clients,
      OidcProperties properties) {
    this.mapping = mapping;
    this.directory = directory;
    this.clients = clients;
    this.properties = properties;
  }

  @Override
  public void configureApi(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"openpmo\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
          + "\"detail\":\"Send an access token of the identity provider (Authorization: Bearer ...): "
          + "missing, expired, or not issued for this application\"}").getBytes(StandardCharsets.UTF_8));
    };
    // the dashboard's own pages call the API with the webapps' sign-in (read-only, see BrowserSessionOnApi)
    http.securityContext(context -> context.securityContextRepository(new BrowserSessionOnApi()));
    http.oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.jwtAuthenticationConverter(apiToken()))
            .authenticationEntryPoint(unauthorized))
        .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized));
  }

  private Converter<Jwt, AbstractAuthenticationToken> apiToken() {
    return jwt -> {
      TokenIdentity identity;
      try {
        identity = mapping.identity(jwt);
      } catch (IdentityMapping.UnknownUserException e) {
        throw new InvalidBearerTokenException(e.getMessage());
      }
      directory.remember(identity);
      return new JwtAuthenticationToken(jwt, IdentityMapping.authorities(identity), identity.userId());
    };
  }

  @Override
  public void configureWebapps(HttpSecurity http) throws Exception {
    OidcClientInitiatedLogoutSuccessHandler endProviderSession = new OidcClientInitiatedLogoutSuccessHandler(clients);
    endProviderSession.setPostLogoutRedirectUri(properties.postLogoutRedirectUri());
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers(path("/camunda/app/**"), path("/camunda/api/**"), path(SessionController.SIGN_IN_PATH))
            .authenticated())
        .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(webappUser())))
        // POST only: with the session cookie's SameSite=Lax another site cannot sign a user out
        .logout(logout -> logout
            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_OUT_PATH))
            .logoutSuccessHandler(endProviderSession)
            .invalidateHttpSession(true)
            .clearAuthentication(true))
        // the webapps' API calls (XHR) get a 401 rather than a redirect to the provider
        .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path("/camunda/api/**")));
  }

  private OAuth2UserService<OidcUserRequest, OidcUser> webappUser() {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      TokenIdentity identity;
      try {
        identity = mapping.identity(user);
      } catch (IdentityMapping.UnknownUserException e) {
        throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", e.getMessage(), null));
      }
      directory.remember(identity);
      return new SignedInUser(IdentityMapping.authorities(identity), user.getIdToken(), user.getUserInfo(),
          identity.userId());
    };
  }

  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
