package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.AppTest;
import io.openpmo.support.RawHttp;
import io.openpmo.support.RawHttp.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every refusal is problem details, also where no controller of ours runs: the firewall, Spring's 404, 405 and
 * 415, and Tomcat's own refusals before any servlet. Sent over a plain socket, byte for byte.
 */
class ErrorProblemsTest extends AppTest {

  Reply send(String method, String target, String contentType, String body) {
    return RawHttp.send(port, method, target, "petra", contentType, body);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /api/v1/projects/..%2F..%2Fetc, 400",
      "GET, /api/v1/projects/a%2Fb, 400",
      "GET, /api/v1/projects/a%00b, 400",
      "GET, /api/v1/projects/x/../../../etc/passwd, 400",
      "GET, /api/v1/../../etc/passwd, 400",
      "GET, /api/v1/projects/%2e%2e/x, 400",
      "GET, /api/v1/projects;x=1, 400",
      "GET, /api/v1/projects/a%25b, 400",
      "GET, /api/v1/projects/a\\b, 400",
      "GET, /api/v1/nothing-here, 404",
      "GET, /engine-rest/..%2Fapi, 400",
      "GET, /camunda/app/%2e%2e/x, 400",
      "GET, /dashboard/a%00.html, 400",
      "GET, /api/v1/projects/{x}, 400",
      "GET, /api/v1/projects/a|b, 400",
  })
  void pathsThatAreRefusedAnswerProblemDetails(String method, String target, int status) {
    Reply reply = send(method, target, null, null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    assertThat(reply.json().get("status").asInt()).isEqualTo(status);
    assertThat(reply.json().get("detail").asText()).isNotBlank();
  }

  @Test
  void aMethodThePathDoesNotTakeIs405() {
    Reply reply = send("DELETE", "/api/v1/projects", null, null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    assertThat(reply.headers().get("allow")).contains("GET");
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    Reply reply = send("POST", "/api/v1/projects", "text/plain", "title=x");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(415);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    assertThat(reply.json().get("detail").asText()).contains("text/plain");
  }

  @Test
  void malformedJsonIs400NamingTheBody() {
    Reply reply = send("POST", "/api/v1/projects", "application/json", "{\"title\": ");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
  }

  @Test
  void aStrayByteAfterTheJsonIs400() {
    Reply reply = send("POST", "/api/v1/resources", "application/json", "{\"name\": \"x\"} x");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
  }

  @Test
  void anUnauthenticatedCallIs401ProblemDetails() {
    Reply reply = RawHttp.send(port, "GET", "/api/v1/projects", null, null, null);
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.isProblem()).isTrue();
  }

  @Test
  void aHeaderTomcatCannotReadIsAProblemToo() {
    Reply reply = send("GET", "/api/v1/projects?x=%zz", null, null);
    assertThat(reply.status()).as(reply.toString()).isIn(200, 400);
    if (reply.status() == 400) {
      assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    }
  }
}
