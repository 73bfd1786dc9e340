package io.openpmo.oidc;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in to the webapps through the provider: named by our user id, with our groups as authorities. */
class SignedInUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final String userId;

  SignedInUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
      String userId) {
    super(authorities, idToken, userInfo, "sub");
    this.userId = userId;
  }

  @Override
  public String getName() {
    return userId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedInUser user && user.userId.equals(userId) && super.equals(other);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + userId.hashCode();
  }
}
