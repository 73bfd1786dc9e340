package io.openpmo.support;

import com.nimbusds.jwt.SignedJWT;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider for the oidc tests (mock-oauth2-server, on a free port of this machine): discovery,
 * published keys, authorization-code and client-credentials flows, end-session. Started once per test JVM. A person
 * signing in meets its login page ({@link #LOGIN_TITLE}: a subject and the claims as JSON, as an administrator
 * would describe the person at the bank's provider); what tokens issued otherwise say (subject, user name, groups)
 * is set by the test.
 */
public final class TestIdentityProvider {

  /** The issuer id (path) of the provider; the application trusts only this issuer. */
  public static final String ISSUER_ID = "bank";
  /** The application's client at the provider; tokens for the application carry it as their audience. */
  public static final String CLIENT_ID = "openpmo";
  public static final String CLIENT_SECRET = "openpmo-secret";

  /** The heading of the provider's login page; its form has the fields {@code username} and {@code claims}. */
  public static final String LOGIN_TITLE = "Mock OAuth2 Server Sign-in";

  private static final MockOAuth2Server SERVER = start();

  private TestIdentityProvider() {
  }

  private static MockOAuth2Server start() {
    // people sign in on the provider's login page, as at a bank's provider
    MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    return server;
  }

  public static MockOAuth2Server server() {
    return SERVER;
  }

  public static String issuer() {
    return SERVER.issuerUrl(ISSUER_ID).toString();
  }

  /** A person as the provider describes them: stable subject, login name, provider groups. */
  public record Person(String subject, String userName, List<String> providerGroups) {

    /** The claims as JSON, as typed into the provider's login form. */
    public String claimsJson() {
      try {
        return new ObjectMapper().writeValueAsString(claims());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    Map<String, Object> claims() {
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("preferred_username", userName);
      claims.put("given_name", userName);
      claims.put("family_name", "Tester");
      claims.put("email", userName + "@bank.example");
      claims.put("groups", providerGroups);
      return claims;
    }
  }

  /** An access token for the application, valid for an hour. */
  public static String accessToken(Person person) {
    return token(ISSUER_ID, person, List.of(CLIENT_ID), 3600).serialize();
  }

  public static SignedJWT token(String issuerId, Person person, List<String> audience, long expirySeconds) {
    return SERVER.issueToken(issuerId, CLIENT_ID,
        new DefaultOAuth2TokenCallback(issuerId, person.subject(), "JWT", audience, person.claims(), expirySeconds));
  }

  /**
   * The next client-credentials token: the integration's app roles, for this audience, and its client id in
   * {@code azp} as Keycloak and Entra ID (v2 tokens) write it.
   */
  public static void nextClientCredentials(String clientId, List<String> roles) {
    SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, clientId, "JWT", List.of(CLIENT_ID),
        Map.of("roles", roles, "azp", clientId), 3600));
  }
}
