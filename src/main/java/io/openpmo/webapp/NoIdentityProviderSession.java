package io.openpmo.webapp;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Without the bank's identity provider (any profile but {@code oidc}) the dashboard's pages sign in with user id
 * and password. They ask {@code /oidc/session} which sign-in to offer; here the answer is "no provider", rather than
 * a 404 that every browser would log as an error on every page. The {@code oidc} profile answers the same path with
 * who is signed in ({@code io.openpmo.oidc.SessionController}).
 */
@RestController
@Profile("!oidc")
class NoIdentityProviderSession {

  @GetMapping("/oidc/session")
  Map<String, Object> session() {
    return Map.of("provider", false);
  }
}
