package io.openpmo.oidc;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in and sign-out for the pages of the application itself. The webapps' sign-out script
 * ({@code plugin-webapp/openpmo-sign-out}) learns here that sign-out goes through the identity provider; the
 * dashboard's pages learn who is signed in ({@code /oidc/session}) and send a person who is not to
 * {@code /oidc/sign-in?to=/dashboard/...}, which only a signed-in person reaches (the provider's sign-in comes
 * first) and which sends them back to that dashboard page (a path below the application's context path).
 */
@RestController
@Profile("oidc")
class SessionController {

  static final String SIGN_IN_PATH = "/oidc/sign-in";
  /** Pages of the dashboard (no other site, no other part of this one): {@code /dashboard/...}. */
  private static final Pattern DASHBOARD_PAGE = Pattern.compile(
      "/dashboard/([A-Za-z0-9_-][A-Za-z0-9._-]*)?(\\?[A-Za-z0-9=&%._-]*)?");

  @GetMapping("/oidc/sign-out")
  Map<String, String> signOut() {
    return Map.of("method", "POST", "path", OidcSignIn.SIGN_OUT_PATH);
  }

  /** Who is signed in to this browser's session, and where to sign in and out. */
  @GetMapping("/oidc/session")
  Map<String, Object> session(Authentication authentication) {
    Map<String, Object> session = new LinkedHashMap<>();
    boolean signedIn = authentication instanceof OAuth2AuthenticationToken && authentication.isAuthenticated();
    session.put("signedIn", signedIn);
    if (signedIn) {
      session.put("userId", authentication.getName());
      session.put("groups", IdentityMapping.groupsOf(authentication.getAuthorities()));
    }
    session.put("signIn", SIGN_IN_PATH);
    session.put("signOut", Map.of("method", "POST", "path", OidcSignIn.SIGN_OUT_PATH));
    return session;
  }

  /** Reached signed in only: back to the dashboard page the person came from (its own pages only). */
  @GetMapping(SIGN_IN_PATH)
  ResponseEntity<Void> signIn(@RequestParam(name = "to", required = false) String to, HttpServletRequest request) {
    String target = to != null && DASHBOARD_PAGE.matcher(to).matches() ? to : "/dashboard/";
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + target)).build();
  }
}
