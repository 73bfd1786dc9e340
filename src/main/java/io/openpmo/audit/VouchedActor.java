package io.openpmo.audit;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * Who the identity provider says the actor is: the stable subject ({@code sub}) and the provider's issuer
 * ({@code iss}) of the token or ID token that authenticated the current request (OpenID Connect). Nothing when
 * the actor is not the authenticated caller (the engine's own work, a deputy recorded by name) or when the caller
 * signed in without a provider (HTTP Basic in the demo).
 */
record VouchedActor(String subject, String issuer) {

  static Optional<VouchedActor> of(String actor) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (actor == null || authentication == null || !authentication.isAuthenticated()
        || !actor.equals(authentication.getName())
        || !(authentication.getPrincipal() instanceof ClaimAccessor claims)) {
      return Optional.empty();
    }
    String subject = claims.getClaimAsString("sub");
    String issuer = claims.getClaimAsString("iss");
    return subject == null || issuer == null ? Optional.empty() : Optional.of(new VouchedActor(subject, issuer));
  }
}
