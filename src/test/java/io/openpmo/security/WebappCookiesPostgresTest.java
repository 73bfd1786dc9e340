package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.Http;
import io.openpmo.support.PostgresAppTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Served over HTTPS (openpmo.security.https=true), the webapps' cookies are Secure and SameSite. */
class WebappCookiesPostgresTest extends PostgresAppTest {

  @Test
  void sessionAndCsrfCookiesAreSecureAndSameSite() {
    Http browser = new Http(port, null, null);
    List<String> pageCookies = browser.get("/camunda/app/tasklist/default/").header("Set-Cookie");
    String csrf = cookie(pageCookies, "XSRF-TOKEN");
    assertThat(csrf).contains("Secure").containsIgnoringCase("SameSite=Lax");

    // Secure cookies do not travel back over plain HTTP by themselves: send them as a browser behind TLS would
    String token = value(csrf);
    String session = value(cookie(pageCookies, "JSESSIONID"));
    browser.header("Cookie", "XSRF-TOKEN=" + token + "; JSESSIONID=" + session).header("X-XSRF-TOKEN", token);
    Http.Response login = browser.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", "petra", "password", "demo"));
    assertThat(login.status()).isEqualTo(200);
    assertThat(cookie(login.header("Set-Cookie"), "JSESSIONID"))
        .contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  private static String cookie(List<String> setCookies, String name) {
    return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
  }

  private static String value(String setCookie) {
    return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
  }
}
