package io.openpmo.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens of the bank's identity provider become users and groups of ours ({@code openpmo.oidc.*}). The
 * provider itself (issuer, client id and secret, audience) is configured with Spring Boot's standard
 * {@code spring.security.oauth2.*} properties, set from {@code OPENPMO_OIDC_*} in {@code application-oidc.yaml}.
 *
 * @param userIdClaims the claims that name the user id, first present wins (a person's login name; for an
 *     integration's client-credentials token, which names no person, its client id)
 * @param groupClaims the claims that list the provider's groups or roles; a dotted name reads a nested claim
 *     ({@code realm_access.roles})
 * @param groupMapping provider group (or role) to our groups; a provider group that is not listed grants nothing
 * @param registrationId the Spring Security client registration used for the webapps' sign-in
 * @param postLogoutRedirectUri where the provider sends the browser after sign-out (registered at the provider);
 *     {@code {baseUrl}} is this application's address
 */
@ConfigurationProperties("openpmo.oidc")
record OidcProperties(
    @DefaultValue({"preferred_username", "client_id", "azp"}) List<String> userIdClaims,
    @DefaultValue({"groups", "roles"}) List<String> groupClaims,
    Map<String, List<String>> groupMapping,
    @DefaultValue("openpmo") String registrationId,
    @DefaultValue("{baseUrl}/camunda/") String postLogoutRedirectUri) {

  OidcProperties {
    groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
  }
}
