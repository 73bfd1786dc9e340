package io.openpmo.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Sign-in through the bank's identity provider (the {@code oidc} profile, package {@code io.openpmo.oidc}):
 * {@link SecurityConfiguration} hands it the API's and the webapps' filter chains to add bearer tokens and the
 * webapps' sign-in. Without one, the API takes HTTP Basic and the webapps their own login (the demo).
 */
public interface IdentityProviderSignIn {

  /** {@code /api/**} and {@code /engine-rest/**}: stateless, one token per request. */
  void configureApi(HttpSecurity http) throws Exception;

  /** Everything else, above all Tasklist, Cockpit and Admin under {@code /camunda}. */
  void configureWebapps(HttpSecurity http) throws Exception;
}
