package io.openpmo.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The API also takes the webapps' sign-in, for this application's own pages (the portfolio dashboard and "My
 * requests" under {@code /dashboard}): a person signed in through the provider calls {@code /api/v1} from those
 * pages with their session, as Tasklist does with its own API. The session is only read (never created, never
 * written), and only for a call that
 * <ul>
 *   <li>carries no {@code Authorization} header (a token, right or wrong, is judged on its own),</li>
 *   <li>says it is a script call ({@code X-Requested-With: XMLHttpRequest}): another site's page cannot send
 *       that header to us without a CORS permission, which the application does not give, and the session
 *       cookie is {@code SameSite=Lax}, so a forged form or link from elsewhere brings no session;</li>
 *   <li>and, where the browser says where it comes from ({@code Sec-Fetch-Site}), comes from this site.</li>
 * </ul>
 * The person's user id and groups are those of their sign-in (as in Tasklist, until they sign out).
 */
class BrowserSessionOnApi implements SecurityContextRepository {

  private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  BrowserSessionOnApi() {
    sessions.setAllowSessionCreation(false);
  }

  static boolean applies(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    return request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
        && (fetchSite == null || "same-origin".equals(fetchSite))
        && request.getSession(false) != null;
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    Supplier<SecurityContext> load = () -> {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      if (applies(request)) {
        Authentication signedIn = sessions.loadDeferredContext(request).get().getAuthentication();
        if (signedIn instanceof OAuth2AuthenticationToken && signedIn.isAuthenticated()) {
          // a copy: nothing done for this request changes the session's sign-in
          context.setAuthentication(signedIn);
        }
      }
      return context;
    };
    return new DeferredSecurityContext() {
      private SecurityContext loaded;

      @Override
      public SecurityContext get() {
        if (loaded == null) {
          loaded = load.get();
        }
        return loaded;
      }

      @Override
      public boolean isGenerated() {
        return get().getAuthentication() == null;
      }
    };
  }

  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return loadDeferredContext(holder.getRequest()).get();
  }

  /** Nothing is written: a call of the API never changes the session. */
  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return !loadDeferredContext(request).isGenerated();
  }
}
