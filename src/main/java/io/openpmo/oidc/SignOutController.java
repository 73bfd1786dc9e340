package io.openpmo.oidc;

import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the webapps' sign-out script ({@code plugin-webapp/openpmo-sign-out}) that sign-out goes through the
 * identity provider: {@code POST} to the path given.
 */
@RestController
@Profile("oidc")
class SignOutController {

  @GetMapping("/oidc/sign-out")
  Map<String, String> signOut() {
    return Map.of("method", "POST", "path", OidcSignIn.SIGN_OUT_PATH);
  }
}
