package io.openpmo.oidc;

import io.openpmo.security.CamundaIdentityAuthenticationProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * Turns the claims of a token (an access token on the API, an ID token at sign-in) into a {@link TokenIdentity}:
 * the user id from the first configured claim present, and our groups from the provider's groups or roles through
 * the configured mapping. A provider group that is not mapped grants nothing.
 */
class IdentityMapping {

  private static final Logger log = LoggerFactory.getLogger(IdentityMapping.class);
  /** What the engine accepts as a group id ({@code camunda-admin} besides). */
  private static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9]+|camunda-admin");

  private final OidcProperties properties;

  IdentityMapping(OidcProperties properties) {
    this.properties = properties;
    properties.groupMapping().forEach((providerGroup, ours) -> ours.forEach(group -> {
      if (!GROUP_ID.matcher(group).matches()) {
        throw new IllegalStateException("openpmo.oidc.group-mapping maps '" + providerGroup + "' onto '" + group
            + "', which is not a group id (letters and digits only, or camunda-admin)");
      }
    }));
  }

  /** Our groups that the mapping can grant: the engine's directory lists them. */
  Set<String> mappedGroups() {
    Set<String> groups = new TreeSet<>();
    properties.groupMapping().values().forEach(groups::addAll);
    return groups;
  }

  /** The identity the claims describe, or an explanation of why they describe none. */
  TokenIdentity identity(ClaimAccessor claims) {
    String userId = properties.userIdClaims().stream()
        .map(claims::getClaimAsString)
        .filter(value -> value != null && !value.isBlank())
        .findFirst()
        .orElseThrow(() -> new UnknownUserException("The token names no user: none of the claims "
            + properties.userIdClaims() + " is present"));
    String subject = claims.getClaimAsString("sub");
    String issuer = claims.getClaimAsString("iss");
    if (subject == null || issuer == null) {
      throw new UnknownUserException("The token has no subject or no issuer");
    }
    Set<String> groups = new TreeSet<>();
    for (String providerGroup : providerGroups(claims)) {
      List<String> ours = properties.groupMapping().get(providerGroup);
      if (ours == null) {
        log.debug("Provider group '{}' of {} is not mapped: it grants nothing", providerGroup, userId);
      } else {
        groups.addAll(ours);
      }
    }
    return new TokenIdentity(userId, subject, issuer, claims.getClaimAsString("given_name"),
        claims.getClaimAsString("family_name"), claims.getClaimAsString("email"), groups);
  }

  /** Spring Security authorities for the identity: one per group, as HTTP Basic users get them. */
  static List<GrantedAuthority> authorities(TokenIdentity identity) {
    return identity.groups().stream()
        .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(
            CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX + group))
        .toList();
  }

  private Set<String> providerGroups(ClaimAccessor claims) {
    Set<String> values = new LinkedHashSet<>();
    for (String name : properties.groupClaims()) {
      Object value = claim(claims.getClaims(), name);
      if (value instanceof Collection<?> list) {
        list.stream().filter(item -> item != null).map(Object::toString).forEach(values::add);
      } else if (value instanceof String text && !text.isBlank()) {
        values.addAll(List.of(text.trim().split("[\\s,]+")));
      }
    }
    return values;
  }

  private static Object claim(Map<String, Object> claims, String dottedName) {
    Object value = claims;
    for (String part : dottedName.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(part);
    }
    return value == claims ? null : value;
  }

  /** The token is valid but names nobody we could act for. */
  static class UnknownUserException extends RuntimeException {
    UnknownUserException(String message) {
      super(message);
    }
  }

  static List<String> groupsOf(Collection<? extends GrantedAuthority> authorities) {
    List<String> groups = new ArrayList<>();
    for (GrantedAuthority authority : authorities) {
      String name = authority.getAuthority();
      if (name != null && name.startsWith(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX)) {
        groups.add(name.substring(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length()));
      }
    }
    return groups;
  }
}
