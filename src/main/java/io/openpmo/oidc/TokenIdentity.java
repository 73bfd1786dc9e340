package io.openpmo.oidc;

import java.util.Set;

/**
 * A person or an integration as one token of the identity provider describes them: our user id, the stable
 * subject and the issuer that vouched for it, the name and address for the directory, and our groups (already
 * mapped from the provider's).
 */
record TokenIdentity(String userId, String subject, String issuer, String firstName, String lastName, String email,
    Set<String> groups) {

  TokenIdentity {
    groups = Set.copyOf(groups);
  }
}
