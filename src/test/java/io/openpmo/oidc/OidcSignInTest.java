package io.openpmo.oidc;

import static io.openpmo.support.TestIdentityProvider.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.openpmo.audit.verify.AuditVerifier;
import io.openpmo.support.Http;
import io.openpmo.support.OidcAppTest;
import io.openpmo.support.Requests;
import io.openpmo.support.TestIdentityProvider;
import io.openpmo.support.TestIdentityProvider.Person;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The oidc profile against a real OpenID Connect provider: bearer tokens on the API and the engine REST API,
 * groups from the provider, the engine's identity service fed from the tokens, the audit trail naming the
 * provider's subject, and the webapps' sign-in and sign-out through the authorization-code flow.
 */
class OidcSignInTest extends OidcAppTest {

  static final Person RITA = new Person("7f1c-rita", "rita", List.of("GRP-Requesters"));
  static final Person PETRA = new Person("9a2e-petra", "petra", List.of("GRP-PMO", "Some-Unmapped-Group"));
  static final Person SAM = new Person("3b7d-sam", "sam", List.of());
  static final Person AUDREY = new Person("5c8f-audrey", "audrey", List.of("GRP-Audit"));

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  Http as(Person person) {
    return bearer(accessToken(person));
  }

  Http bearer(String token) {
    return new Http(port, null, null).header("Authorization", "Bearer " + token);
  }

  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** Rita submits a small request (the PMO reviews it), with Sam, known to the directory, as sponsor. */
  JsonNode submitAsRita(String title) {
    assertThat(as(SAM).get("/engine-rest/task").status()).isEqualTo(200);
    Http.Response started = as(RITA).post("/engine-rest/process-definition/key/projectInitiation/submit-form",
        typed(Requests.asFormVariables(Requests.small(title))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json();
  }

  String reviewTask(JsonNode started) {
    return taskService.createTaskQuery().processInstanceId(started.get("id").asText()).singleResult().getId();
  }

  @Nested
  class BearerTokens {

    @Test
    void aRequesterCannotCastTheReviewersVoteAndTheReviewerCanWithTheProvidersSubjectOnRecord() throws Exception {
      JsonNode started = submitAsRita("Reviewed with tokens");
      String task = reviewTask(started);

      // the requester's token: not in the PMO, so neither the claim nor the vote is hers
      Http rita = as(RITA);
      assertThat(rita.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "rita")).status()).isEqualTo(403);
      assertThat(rita.post("/engine-rest/task/" + task + "/submit-form",
          typed(Map.of("decision", "APPROVE", "conflictOfInterest", false))).status()).isIn(403, 404);

      // the reviewer's token: claims and approves
      Http petra = as(PETRA);
      assertThat(petra.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "petra")).status()).isEqualTo(204);
      Http.Response vote = petra.post("/engine-rest/task/" + task + "/submit-form",
          typed(Map.of("decision", "APPROVE", "conflictOfInterest", false)));
      assertThat(vote.status()).as(vote.body()).isEqualTo(204);
      String code = started.get("businessKey").asText();
      assertThat(jdbc.queryForObject("SELECT status FROM project WHERE code = ?", String.class, code))
          .isEqualTo("APPROVED");

      // the trail names who the provider says acted: subject and issuer beside the user id
      List<Map<String, Object>> events = jdbc.queryForList(
          "SELECT actor, actor_subject, actor_issuer FROM audit_event WHERE project_code = ? ORDER BY id", code);
      assertThat(events).anySatisfy(e -> {
        assertThat(e.get("ACTOR")).isEqualTo("petra");
        assertThat(e.get("ACTOR_SUBJECT")).isEqualTo(PETRA.subject());
        assertThat(e.get("ACTOR_ISSUER")).isEqualTo(TestIdentityProvider.issuer());
      });
      assertThat(events).anySatisfy(e -> {
        assertThat(e.get("ACTOR")).isEqualTo("rita");
        assertThat(e.get("ACTOR_SUBJECT")).isEqualTo(RITA.subject());
      });
      // work the engine does on its own names no subject
      assertThat(events).filteredOn(e -> "system".equals(e.get("ACTOR")))
          .allSatisfy(e -> assertThat(e.get("ACTOR_SUBJECT")).isNull());

      // and the offline verifier accepts the export with the new fields in the leaves
      Http audrey = as(AUDREY);
      await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
          "SELECT COUNT(*) FROM audit_event e WHERE NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.event_id = e.id)",
          Long.class) == 0);
      Http.Response export = audrey.get("/api/v1/audit/export");
      assertThat(export.status()).as(export.body()).isEqualTo(200);
      assertThat(export.body()).contains("\"actorSubject\":\"" + PETRA.subject() + "\"");
      AuditVerifier.Report report = AuditVerifier.verify(new StringReader(export.body()), Map.of(), List.of());
      assertThat(report.intact()).as(report.toString()).isTrue();
    }

    @Test
    void expiredForgedWrongAudienceAndWrongIssuerTokensAre401() throws Exception {
      String expired = TestIdentityProvider.token(TestIdentityProvider.ISSUER_ID, PETRA,
          List.of(TestIdentityProvider.CLIENT_ID), -600).serialize();
      String otherAudience = TestIdentityProvider.token(TestIdentityProvider.ISSUER_ID, PETRA, List.of("payments-app"),
          3600).serialize();
      String otherIssuer = TestIdentityProvider.token("elsewhere", PETRA, List.of(TestIdentityProvider.CLIENT_ID), 3600)
          .serialize();
      String forged = forgedCopyOf(accessToken(PETRA));

      for (String token : List.of(expired, otherAudience, otherIssuer, forged, "not-a-token")) {
        for (String path : List.of("/api/v1/projects/PRJ-1", "/engine-rest/task")) {
          Http.Response response = bearer(token).get(path);
          assertThat(response.status()).as(path + " with " + token).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Bearer"));
        }
      }
      // no token at all: 401 too; the good token passes
      assertThat(new Http(port, null, null).get("/engine-rest/task").status()).isEqualTo(401);
      assertThat(as(PETRA).get("/engine-rest/task").status()).isEqualTo(200);
    }

    /** The same claims signed with a key of the forger's, under the provider's key id. */
    String forgedCopyOf(String token) throws Exception {
      SignedJWT genuine = SignedJWT.parse(token);
      RSAKey forgerKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
      JWTClaimsSet claims = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet()).claim("groups", List.of("GRP-Admins"))
          .build();
      SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forgerKey.getKeyID()).build(),
          claims);
      forged.sign(new RSASSASigner(forgerKey));
      return forged.serialize();
    }

    @Test
    void httpBasicIsSwitchedOff() {
      Http.Response basic = new Http(port, "petra", "demo").get("/engine-rest/task");
      assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void anIntegrationSubmitsARequestWithAClientCredentialsToken() throws Exception {
      assertThat(as(SAM).get("/engine-rest/task").status()).isEqualTo(200);
      TestIdentityProvider.nextClientCredentials("paymentsHub", List.of("Projects.Submit"));
      HttpResponse<String> tokenResponse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(TestIdentityProvider.server().tokenEndpointUrl(TestIdentityProvider.ISSUER_ID).toString()))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              "paymentsHub:hub-secret".getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
              + URLEncoder.encode("openpmo", StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
      String token = Http.JSON.readTree(tokenResponse.body()).get("access_token").asText();

      Http.Response submitted = bearer(token).post("/api/v1/projects", Requests.small("Submitted by the payments hub"));
      assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
      String code = submitted.json().get("code").asText();
      assertThat(jdbc.queryForObject("SELECT requester FROM project WHERE code = ?", String.class, code))
          .isEqualTo("paymentsHub");
    }

    @Test
    void aGroupRemovedAtTheProviderIsGoneWithTheNextToken() {
      Person fred = new Person("1d4a-fred", "fred", List.of("GRP-Finance", "GRP-Requesters"));
      assertThat(as(fred).get("/engine-rest/task").status()).isEqualTo(200);
      assertThat(groupsOf("fred")).containsExactlyInAnyOrder("finance", "requesters");

      // the bank moves Fred out of finance
      Person moved = new Person("1d4a-fred", "fred", List.of("GRP-Requesters"));
      assertThat(as(moved).get("/engine-rest/task").status()).isEqualTo(200);
      assertThat(groupsOf("fred")).containsExactly("requesters");
      assertThat(identityService.createUserQuery().memberOfGroup("finance").userId("fred").count()).isZero();
    }

    @Test
    void anUnmappedGroupGrantsNothing() {
      Person stranger = new Person("0000-stranger", "stranger", List.of("Domain Users", "pmo", "camunda-admin"));
      Http http = as(stranger);
      assertThat(groupsOf("stranger")).isEmpty();
      assertThat(http.post("/engine-rest/process-definition/key/projectInitiation/submit-form",
          typed(Requests.asFormVariables(Requests.small("Not mine to start")))).status()).isIn(403, 404);
      assertThat(http.get("/engine-rest/process-definition").json()).isEmpty();
      assertThat(http.post("/api/v1/projects", Requests.small("Not mine either")).status()).isEqualTo(403);
      assertThat(http.get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void theMonitoringScraperReadsMetricsWithAToken() {
      Person scraper = new Person("8b8b-scraper", "scraper", List.of("GRP-Monitoring"));
      assertThat(as(scraper).get("/actuator/prometheus").status()).isEqualTo(200);
      assertThat(new Http(port, null, null).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void theEnginesIdentityServiceIsReadOnly() {
      assertThat(identityService.isReadOnly()).isTrue();
      assertThat(identityService.checkPassword("petra", "demo")).isFalse();
    }
  }

  /** A browser without the rendering: cookies kept, redirects followed (to the provider and back). */
  class Browser {
    final java.net.CookieManager cookies = new java.net.CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    final HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(cookies).build();

    /** GET, following redirects as a browser does (to the provider and back); {@link #visited} lists them. */
    HttpResponse<String> get(String path) throws Exception {
      String accept = path.contains("/api/") ? "application/json" : "text/html,application/xhtml+xml,*/*;q=0.8";
      URI uri = URI.create(path.startsWith("http") ? path : base() + path);
      visited.clear();
      for (int hops = 0; hops < 10; hops++) {
        visited.add(uri);
        HttpResponse<String> response = noRedirects.send(HttpRequest.newBuilder(uri)
            .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        java.util.Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
          return response;
        }
        uri = uri.resolve(location.get());
      }
      throw new AssertionError("redirected in circles: " + visited);
    }

    final List<URI> visited = new java.util.ArrayList<>();

    /** A script call of a page (no redirects followed), with these headers. */
    HttpResponse<String> call(String path, String... headers) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept",
          "application/json");
      if (headers.length > 0) {
        request.headers(headers);
      }
      return noRedirects.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What Tasklist sends for a change: JSON with the CSRF token of Camunda's filter. */
    HttpResponse<String> post(String path, Object body) throws Exception {
      String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
      return client.send(HttpRequest.newBuilder(URI.create(base() + path))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Tasklist's "Log out": a form POST to /logout (not followed, to look at where it sends the browser). */
    HttpResponse<String> signOut() throws Exception {
      return noRedirects.send(HttpRequest.newBuilder(URI.create(base() + "/logout"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens Tasklist: not signed in, the provider signs the person in and sends them back. */
    HttpResponse<String> openTasklist(Person person) throws Exception {
      HttpResponse<String> login = get("/camunda/app/tasklist/default/");
      List<URI> toProvider = List.copyOf(visited);
      // the provider's login page: the person's subject and claims, sent as its form sends them
      assertThat(login.body()).as(visited.toString()).contains(TestIdentityProvider.LOGIN_TITLE);
      HttpResponse<String> signedIn = noRedirects.send(HttpRequest.newBuilder(login.uri())
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(person.subject(),
              StandardCharsets.UTF_8) + "&claims=" + URLEncoder.encode(person.claimsJson(), StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
      HttpResponse<String> page = get(login.uri().resolve(signedIn.headers().firstValue("Location").orElseThrow())
          .toString());
      visited.addAll(0, toProvider);
      assertThat(page.statusCode()).as(visited.toString()).isEqualTo(200);
      // back where the person was going
      assertThat(page.uri().getPath()).as(visited.toString()).isEqualTo("/camunda/app/tasklist/default/");
      // through the provider's authorization endpoint and back with a code
      assertThat(visited).anySatisfy(uri -> assertThat(uri.toString()).startsWith(
          TestIdentityProvider.server().authorizationEndpointUrl(TestIdentityProvider.ISSUER_ID).toString()));
      assertThat(visited).anySatisfy(uri -> assertThat(uri.getPath()).isEqualTo("/login/oauth2/code/openpmo"));
      return page;
    }
  }

  String base() {
    return "http://localhost:" + port;
  }

  @Nested
  class Webapps {

    @Test
    void aReviewerSignsInToTasklistThroughTheProviderCompletesTheReviewAndSignsOutAtBothEnds() throws Exception {
      JsonNode started = submitAsRita("Reviewed in Tasklist");
      String task = reviewTask(started);

      Browser browser = new Browser();
      // before signing in, Tasklist's API answers 401 (no redirect for its XHR calls)
      assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
      browser.openTasklist(PETRA);
      HttpResponse<String> me = browser.get("/camunda/api/admin/auth/user/default");
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      JsonNode user = Http.JSON.readTree(me.body());
      assertThat(user.get("userId").asText()).isEqualTo("petra");
      assertThat(user.get("authorizedApps").toString()).contains("tasklist");
      // the webapps' own password login is gone: no password is checked anywhere
      assertThat(identityService.checkPassword("petra", "")).isFalse();

      // Tasklist lists the task to her group, she claims it and submits the form
      HttpResponse<String> tasks = browser.get("/camunda/api/engine/engine/default/task?candidateGroup=pmo");
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(tasks.body()).contains(task);
      assertThat(browser.post("/camunda/api/engine/engine/default/task/" + task + "/claim",
          Map.of("userId", "petra")).statusCode()).isEqualTo(204);
      HttpResponse<String> submitted = browser.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
          typed(Map.of("decision", "APPROVE", "conflictOfInterest", false)));
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
      String code = started.get("businessKey").asText();
      assertThat(jdbc.queryForObject("SELECT status FROM project WHERE code = ?", String.class, code))
          .isEqualTo("APPROVED");
      assertThat(jdbc.queryForList("SELECT actor_subject FROM audit_event WHERE project_code = ? AND actor = 'petra'",
          String.class, code)).isNotEmpty().containsOnly(PETRA.subject());

      // the logout link of the webapps is replaced by the sign-out through the provider (a Tasklist plugin)
      assertThat(browser.get("/oidc/sign-out").body()).contains("/logout");
      HttpResponse<String> plugin = browser.get("/camunda/api/tasklist/plugin/openpmo-sign-out/static/app/plugin.js");
      assertThat(plugin.statusCode()).isEqualTo(200);
      assertThat(plugin.body()).contains("'/oidc/sign-out'").contains("form.method = 'POST'");
      HttpResponse<String> signOut = browser.signOut();
      assertThat(signOut.statusCode()).isEqualTo(302);
      String location = signOut.headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith(TestIdentityProvider.server().endSessionEndpointUrl(TestIdentityProvider.ISSUER_ID)
          .toString()).contains("id_token_hint=").contains("post_logout_redirect_uri=");
      // the provider ends its session and sends the browser back; here the session is gone
      HttpResponse<String> ended = browser.noRedirects.send(HttpRequest.newBuilder(URI.create(location)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ended.statusCode()).isEqualTo(302);
      assertThat(ended.headers().firstValue("Location").orElseThrow()).startsWith(base() + "/camunda/");
      assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void theDashboardsScriptCallsOfThisSiteUseTheWebappSessionAndNothingElseDoes() throws Exception {
      Browser browser = new Browser();
      JsonNode before = Http.JSON.readTree(browser.call("/oidc/session").body());
      assertThat(before.get("signedIn").asBoolean()).isFalse();
      assertThat(before.get("signIn").asText()).isEqualTo("/oidc/sign-in");
      browser.openTasklist(PETRA);
      JsonNode session = Http.JSON.readTree(browser.call("/oidc/session").body());
      assertThat(session.get("signedIn").asBoolean()).isTrue();
      assertThat(session.get("userId").asText()).isEqualTo("petra");
      assertThat(session.get("signOut").get("path").asText()).isEqualTo("/logout");

      String xhr = "X-Requested-With";
      // a script call of this site with the session: the API answers as for Petra's token
      HttpResponse<String> portfolio = browser.call("/api/v1/reports/portfolio", xhr, "XMLHttpRequest",
          "Sec-Fetch-Site", "same-origin");
      assertThat(portfolio.statusCode()).as(portfolio.body()).isEqualTo(200);
      assertThat(browser.call("/engine-rest/task", xhr, "XMLHttpRequest").statusCode()).isEqualTo(200);
      // not a script call (a link, a form of another site): the session is not taken
      assertThat(browser.call("/api/v1/reports/portfolio").statusCode()).isEqualTo(401);
      // a script of another site (the browser says so): not taken either
      assertThat(browser.call("/api/v1/reports/portfolio", xhr, "XMLHttpRequest", "Sec-Fetch-Site", "same-site")
          .statusCode()).isEqualTo(401);
      // a token, even a bad one, is judged on its own
      assertThat(browser.call("/api/v1/reports/portfolio", xhr, "XMLHttpRequest", "Authorization", "Bearer forged")
          .statusCode()).isEqualTo(401);
      // the API call wrote nothing into the session: Tasklist still knows Petra, nobody else
      assertThat(Http.JSON.readTree(browser.get("/camunda/api/admin/auth/user/default").body()).get("userId")
          .asText()).isEqualTo("petra");

      // back to the dashboard after signing in; never to another site or another part of this one
      assertThat(browser.call("/oidc/sign-in?to=/dashboard/requests.html").headers().firstValue("Location"))
          .hasValue("/dashboard/requests.html");
      for (String elsewhere : List.of("https://evil.example/", "//evil.example/dashboard/", "/camunda/app/admin/",
          "/dashboard/../actuator/env", "/dashboard/..")) {
        assertThat(browser.call("/oidc/sign-in?to=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8)).headers()
            .firstValue("Location")).as(elsewhere).hasValue("/dashboard/");
      }

      // signed out: the session is gone for the API too
      browser.signOut();
      assertThat(browser.call("/api/v1/reports/portfolio", xhr, "XMLHttpRequest").statusCode()).isEqualTo(401);
      assertThat(Http.JSON.readTree(browser.call("/oidc/session").body()).get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void aGroupRemovedAtTheProviderIsGoneAtTheNextSignIn() throws Exception {
      Person fiona = new Person("6e6e-fiona", "fiona", List.of("GRP-Finance", "GRP-PMO"));
      Browser first = new Browser();
      first.openTasklist(fiona);
      assertThat(groupsOf("fiona")).containsExactlyInAnyOrder("finance", "pmo");
      assertThat(first.get("/camunda/api/engine/engine/default/task?candidateGroup=pmo").statusCode()).isEqualTo(200);
      first.signOut();

      Person moved = new Person("6e6e-fiona", "fiona", List.of("GRP-Finance"));
      Browser next = new Browser();
      next.openTasklist(moved);
      assertThat(groupsOf("fiona")).containsExactly("finance");
      // the webapp session carries only the groups of this sign-in
      HttpResponse<String> pmoTasks = next.get("/camunda/api/engine/engine/default/task?candidateGroup=pmo");
      assertThat(pmoTasks.statusCode()).isEqualTo(200);
      assertThat(Http.JSON.readTree(pmoTasks.body())).isEmpty();
    }
  }

  List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
