package io.openpmo.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import org.junit.jupiter.api.Test;

/**
 * The webapps as people meet them: Tasklist's dates in the configured locale (en-GB here) with OpenPMO's script,
 * a welcome page that leads to the dashboard and the API docs, a readable refusal when somebody opens Admin
 * without being an administrator, and an API document with a title, HTTP Basic and problem details.
 */
class WebappTest extends AppTest {

  @Test
  void momentFormatsComeFromTheLocalesOwnPatterns() {
    assertThat(WebappSettings.moment("d MMM y, HH:mm")).isEqualTo("D MMM YYYY, HH:mm");
    assertThat(WebappSettings.moment("EEEE d MMMM y")).isEqualTo("dddd D MMMM YYYY");
    assertThat(WebappSettings.moment("dd.MM.yy")).isEqualTo("DD.MM.YY");
    assertThat(WebappSettings.moment("h:mm a")).isEqualTo("h:mm A");
    assertThat(WebappSettings.moment("d 'de' MMMM 'de' y")).isEqualTo("D [de] MMMM [de] YYYY");
    assertThat(WebappSettings.firstDayOfWeek()).isEqualTo(1);
  }

  @Test
  void tasklistShowsDatesInTheConfiguredLocaleAndLoadsOurScript() {
    Http.Response config = anonymous().get("/camunda/app/tasklist/scripts/config.js");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.header("Content-Type")).anySatisfy(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(config.body()).contains("window.openpmoSettings = { locale: 'en-GB', firstDayOfWeek: 1")
        .contains("normal: 'D MMM YYYY, HH:mm'").contains("customScripts: ['scripts/openpmo/openpmo.js']")
        .contains("export default");
    Http.Response script = anonymous().get("/camunda/app/tasklist/scripts/openpmo/openpmo.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("tasklist.navbar.action").contains("Intl.DateTimeFormat");
  }

  @Test
  void theWelcomePageLeadsToTheDashboardAndTheApiDocs() {
    String welcome = anonymous().get("/camunda/app/welcome/scripts/config.js").body();
    assertThat(welcome).contains("href: '/dashboard/'").contains("href: '/swagger-ui.html'")
        .contains("href: '/dashboard/requests.html'");
  }

  @Test
  void adminOpenedByANonAdministratorIsARefusalInWords() {
    Http rita = new Http(port, null, null);
    rita.webappLogin("tasklist", "rita", "demo");
    Http.Response admin = rita.header("Accept", "text/html").get("/camunda/app/admin/default/");
    assertThat(admin.status()).isEqualTo(403);
    assertThat(admin.body()).contains("You may not open this page").contains("camunda-admin")
        .doesNotContain("Whitelabel");
  }

  @Test
  void theApiDocumentHasATitleBasicAuthAndProblemDetails() {
    JsonNode api = anonymous().get("/v3/api-docs").json();
    assertThat(api.get("info").get("title").asText()).isEqualTo("OpenPMO governance API");
    assertThat(api.get("info").get("version").asText()).isEqualTo("v1");
    assertThat(api.get("components").get("securitySchemes").get("basicAuth").get("scheme").asText()).isEqualTo("basic");
    assertThat(api.get("security").toString()).contains("basicAuth");
    JsonNode responses = api.get("paths").get("/api/v1/projects").get("post").get("responses");
    assertThat(responses.get("400").get("content").get("application/problem+json").get("schema").get("$ref").asText())
        .endsWith("/InvalidRequestProblem");
    assertThat(responses.get("409").get("content").get("application/problem+json").get("schema").get("$ref").asText())
        .endsWith("/ProblemDetail");
    assertThat(responses.get("201").toString()).doesNotContain("ProblemDetail");
    assertThat(api.get("components").get("schemas").get("InvalidRequestProblem").get("properties").has("errors"))
        .isTrue();
  }
}
