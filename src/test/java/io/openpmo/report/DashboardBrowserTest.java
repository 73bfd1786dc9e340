package io.openpmo.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.AppTest;
import io.openpmo.support.Chromium;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The portfolio dashboard without an identity provider (the demo), in headless Chromium: it finds no provider's
 * sign-in ({@code /oidc/session} says so here), so it asks for the user id and password and calls the API
 * with HTTP Basic; "Log out" forgets them. The oidc profile's sign-in is tested in {@code OidcTasklistBrowserTest}.
 */
class DashboardBrowserTest extends AppTest {

  static final Duration PAGE = Duration.ofSeconds(60);

  @Test
  void withoutAProviderTheDashboardLogsInWithUserIdAndPassword() throws Exception {
    var noProvider = anonymous().get("/oidc/session");
    assertThat(noProvider.status()).isEqualTo(200);
    assertThat(noProvider.json().get("provider").asBoolean()).isFalse();
    String base = "http://localhost:" + port;

    Chromium.journey("dashboard-basic", browser -> {
      browser.navigate(base + "/dashboard/");
      browser.waitFor("the password form", "document.querySelector('#login-password')?.offsetParent != null"
          + " && document.querySelector('#login-submit').innerText.trim() === 'Sign in'", PAGE);
      browser.type("the user id", "document.querySelector('#login-user')", "petra");
      browser.type("the password", "document.querySelector('#login-password')", "demo");
      browser.click("Sign in", "document.querySelector('#login-submit')");
      browser.waitFor("the portfolio, signed in as petra", "document.body.dataset.state === 'ready'"
          + " && document.querySelector('#current-user')?.innerText === 'petra'", PAGE);
      assertThat(browser.eval("document.querySelector('#notice').hidden").asBoolean()).as("no error notice").isTrue();
      assertThat(browser.consoleMessages()).as("what the page logged").noneMatch(m -> m.toLowerCase().contains("error"));
      browser.screenshot("portfolio");

      browser.click("Log out", "document.querySelector('#logout')");
      browser.waitFor("the password form again", "document.querySelector('#login-password')?.offsetParent != null",
          PAGE);
      assertThat(browser.eval("sessionStorage.length").asInt()).as("nothing kept in the tab").isZero();
    });
  }
}
