package io.openpmo.oidc;

import static io.openpmo.support.TestIdentityProvider.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openpmo.support.Chromium;
import io.openpmo.support.Http;
import io.openpmo.support.OidcAppTest;
import io.openpmo.support.Requests;
import io.openpmo.support.TestIdentityProvider;
import io.openpmo.support.TestIdentityProvider.Person;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reviewer's day in a real browser (headless Chromium over the DevTools Protocol): Tasklist sends her to the
 * bank's identity provider, she signs in there as a member of the PMO's group, lands in Tasklist, finds the
 * request's review task, claims it, fills the Camunda Form and completes it. The outcome is read from our tables:
 * the project is approved, her vote is recorded under her user id, and the audit trail names the provider's
 * subject and issuer for it. Screenshots of each step go to {@code target/chromium/}.
 */
class OidcTasklistBrowserTest extends OidcAppTest {

  static final Person RITA = new Person("7f1c-rita", "rita", List.of("GRP-Requesters"));
  static final Person SAM = new Person("3b7d-sam", "sam", List.of());
  /** Petra as the provider knows her: a stable subject, her login name, the provider group mapped onto pmo. */
  static final Person PETRA = new Person("9a2e-petra", "petra", List.of("GRP-PMO"));

  static final String COMMENT = "Fits the branch programme; approved in Tasklist.";
  static final Duration PAGE = Duration.ofSeconds(60);

  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aReviewerSignsInToTasklistThroughTheProviderInChromiumAndApprovesTheRequest() throws Exception {
    // given: Rita's request (Sam her sponsor) waits for the PMO's review
    assertThat(bearer(SAM).get("/engine-rest/task").status()).isEqualTo(200);
    String title = "Branch queue display, reviewed in a browser";
    Http.Response started = bearer(RITA).post("/engine-rest/process-definition/key/projectInitiation/submit-form",
        typed(Requests.asFormVariables(Requests.small(title))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String code = started.json().get("businessKey").asText();
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewRequest");

    Chromium.journey("tasklist-review", browser -> reviewInTasklist(browser, code, review));

    // then: the project is approved with Petra's vote, and the trail says who the provider vouched for
    await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(
        jdbc.queryForObject("SELECT status FROM project WHERE code = ?", String.class, code)));
    assertThat(jdbc.queryForList("SELECT reviewer, decision, group_id, task_id, comment FROM review_decision d"
        + " JOIN project p ON p.id = d.project_id WHERE p.code = ?", code))
        .singleElement().satisfies(vote -> {
          assertThat(vote.get("REVIEWER")).isEqualTo("petra");
          assertThat(vote.get("DECISION")).isEqualTo("APPROVE");
          assertThat(vote.get("GROUP_ID")).isEqualTo("pmo");
          assertThat(vote.get("TASK_ID")).isEqualTo(review.getId());
          assertThat(vote.get("COMMENT")).isEqualTo(COMMENT);
        });
    assertThat(jdbc.queryForList("SELECT actor, actor_subject, actor_issuer FROM audit_event"
        + " WHERE project_code = ? AND action = 'REVIEW_DECIDED'", code))
        .singleElement().satisfies(event -> {
          assertThat(event.get("ACTOR")).isEqualTo("petra");
          assertThat(event.get("ACTOR_SUBJECT")).isEqualTo(PETRA.subject());
          assertThat(event.get("ACTOR_ISSUER")).isEqualTo(TestIdentityProvider.issuer());
        });
    // and the project's API, asked with Petra's token, shows the same
    Http.Response project = bearer(PETRA).get("/api/v1/projects/" + code);
    assertThat(project.status()).as(project.body()).isEqualTo(200);
    assertThat(project.json().get("status").asText()).isEqualTo("APPROVED");
  }

  /** What Petra does in the browser, from opening Tasklist to completing the review. */
  void reviewInTasklist(Chromium browser, String code, Task review) {
    // she opens Tasklist and, not signed in, is sent to the provider's login page
    browser.navigate(base() + "/camunda/app/tasklist/default/");
    browser.waitFor("the provider's login page", "document.body && document.body.innerText.includes("
        + js(TestIdentityProvider.LOGIN_TITLE) + ") && !!document.querySelector('input[name=username]')", PAGE);
    assertThat(browser.url()).startsWith(
        TestIdentityProvider.server().authorizationEndpointUrl(TestIdentityProvider.ISSUER_ID).toString());

    // she signs in there
    signInAtProvider(browser, PETRA);

    // back in Tasklist, signed in as petra; the PMO's filter lists the request's review
    browser.waitFor("Tasklist, signed in", "location.pathname.startsWith('/camunda/app/tasklist/')"
        + " && !!document.querySelector('.tasks-list')", PAGE);
    assertThat(browser.url()).startsWith(base() + "/camunda/app/tasklist/default/");
    String taskLink = "[...document.querySelectorAll('.tasks-list .task')].find(t => t.innerText.includes("
        + js(code) + "))?.querySelector('a')";
    browser.waitFor("the review task of " + code + " in the task list", "!!(" + taskLink + ")", PAGE);
    browser.screenshot("task-list");
    browser.click("the review task", taskLink);

    // she claims it
    String claim = "[...document.querySelectorAll('.task-details button, .task-details a')]"
        + ".find(b => b.innerText.trim() === 'Claim')";
    browser.click("the Claim button", claim);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> "petra".equals(taskService.createTaskQuery().taskId(review.getId()).singleResult()
            .getAssignee()));

    // the Camunda Form: no conflict of interest, decision Approve, an optional comment. Tasklist redraws the form
    // after the claim: wait until it is editable and has stayed the same for a second
    browser.waitFor("the review form, editable and settled", "(() => { const form ="
        + " document.querySelector('.task-details .fjs-form'); if (!form || form.querySelector('input:disabled'))"
        + " return false; if (window.reviewForm !== form) { window.reviewForm = form; window.reviewFormSince ="
        + " Date.now(); return false; } return Date.now() - window.reviewFormSince > 1000; })()", PAGE);
    String conflict = field("I have a conflict of interest");
    assertThat(browser.eval("(" + conflict + ").checked").asBoolean()).as("conflict of interest: no").isFalse();
    String approve = "(() => { const l = [...document.querySelectorAll('.task-details label')]"
        + ".find(l => l.innerText.trim() === 'Approve'); return l && (l.control || l.querySelector('input')); })()";
    browser.clickUntil("the Approve choice", approve, "(" + approve + ")?.checked");
    String comment = field("Comment (optional)");
    browser.fill("the comment", comment, COMMENT);
    // still so, just before completing
    browser.waitFor("the form filled in", "(" + approve + ").checked && !(" + conflict + ").checked && ("
        + comment + ").value === " + js(COMMENT));
    browser.screenshot("review-form");

    // and completes it: the task leaves her list
    browser.click("the Complete button", "[...document.querySelectorAll('.task-details button')]"
        + ".find(b => b.innerText.trim() === 'Complete' && !b.disabled)");
    browser.waitFor("the task to be completed", "!(" + taskLink + ")", PAGE);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> taskService.createTaskQuery().taskId(review.getId()).count() == 0);
    browser.screenshot("completed");
  }

  /** On the provider's login page: the person's subject, and the claims the provider holds (login name, groups). */
  void signInAtProvider(Chromium browser, Person person) {
    browser.type("the subject field", "document.querySelector('input[name=username]')", person.subject());
    browser.type("the claims field", "document.querySelector('textarea[name=claims]')", person.claimsJson());
    browser.screenshot("provider-login");
    browser.click("the Sign-in button", "document.querySelector('input[type=submit]')");
  }

  @Test
  void thePortfolioDashboardSignsInThroughTheProviderAndReadsTheApiWithTheSession() throws Exception {
    // given: a request in the portfolio
    assertThat(bearer(SAM).get("/engine-rest/task").status()).isEqualTo(200);
    Http.Response started = bearer(RITA).post("/engine-rest/process-definition/key/projectInitiation/submit-form",
        typed(Requests.asFormVariables(Requests.small("Dashboard seen through the provider"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String code = started.json().get("businessKey").asText();

    Chromium.journey("dashboard", browser -> {
      // the dashboard offers the provider's sign-in, not a password form
      browser.navigate(base() + "/dashboard/");
      String button = "document.querySelector('#login-submit')";
      browser.waitFor("the dashboard's sign-in", "(() => { const b = " + button + "; return !!b"
          + " && b.offsetParent !== null && b.innerText.includes('organisation'); })()", PAGE);
      assertThat(browser.eval("document.querySelector('#login-password').offsetParent === null").asBoolean())
          .as("no password field").isTrue();
      browser.screenshot("sign-in");
      browser.click("the sign-in button", button);

      // through the provider's login page and back to the dashboard, signed in
      browser.waitFor("the provider's login page", "!!document.querySelector('input[name=username]')", PAGE);
      signInAtProvider(browser, PETRA);
      browser.waitFor("the dashboard, signed in as petra", "location.pathname === '/dashboard/'"
          + " && document.querySelector('#current-user')?.innerText === 'petra'", PAGE);
      // the portfolio came from the API with the session: the new request is in the table of all projects
      browser.waitFor("the request in the table of all projects", "document.querySelector('[data-table=projects]')"
          + "?.innerText.includes(" + js(code) + ")", PAGE);
      browser.screenshot("portfolio");
      // the request's own page (another script of the dashboard) is signed in by the same session
      browser.navigate(base() + "/dashboard/request.html?code=" + code);
      browser.waitFor("the request's page, signed in as petra", "document.body.dataset.state === 'ready'"
          + " && document.querySelector('#current-user')?.innerText === 'petra'"
          + " && document.querySelector('#content')?.innerText.includes('Dashboard seen through the provider')", PAGE);
      browser.screenshot("request");

      // "Log out" ends the session here and at the provider
      browser.click("Log out", "document.querySelector('#logout')");
      browser.waitFor("the way through the provider's sign-out", "document.readyState === 'complete'"
          + " && !location.pathname.startsWith('/dashboard/') && !location.pathname.endsWith('/endsession')", PAGE);
      browser.navigate(base() + "/dashboard/");
      browser.waitFor("the dashboard's sign-in again", "(() => { const b = " + button + "; return !!b"
          + " && b.offsetParent !== null && b.innerText.includes('organisation'); })()", PAGE);
      assertThat(browser.eval("fetch('/api/v1/reports/portfolio', {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
          + ".then(r => r.status)").asInt()).isEqualTo(401);
    });
  }

  @Test
  void aRequesterSignedInThroughTheProviderIsToldTheDashboardIsNotHersAndMaySignOut() throws Exception {
    Chromium.journey("dashboard-requester", browser -> {
      browser.navigate(base() + "/dashboard/");
      browser.click("the sign-in button", "document.querySelector('#login-submit')");
      browser.waitFor("the provider's login page", "!!document.querySelector('input[name=username]')", PAGE);
      signInAtProvider(browser, RITA);
      browser.waitFor("the refusal", "location.pathname === '/dashboard/'"
          + " && document.querySelector('#login-error')?.innerText.includes('Only the PMO')", PAGE);
      browser.screenshot("refused");
      // no sign-in button that would lead back here, but her name and "Log out" to change accounts
      assertThat(browser.eval("document.querySelector('#login-submit').offsetParent === null").asBoolean()).isTrue();
      assertThat(browser.eval("document.querySelector('#current-user').innerText").asText()).isEqualTo("rita");
      assertThat(browser.eval("document.querySelector('#login-form p').innerText").asText()).contains("log out first");
      browser.click("Log out", "document.querySelector('#logout')");
      browser.waitFor("the way through the provider's sign-out", "document.readyState === 'complete'"
          + " && !location.pathname.startsWith('/dashboard/') && !location.pathname.endsWith('/endsession')", PAGE);
    });
  }

  /** The form field of this label, in the task's form. */
  static String field(String label) {
    return "(() => { const l = [...document.querySelectorAll('.task-details label')].find(l => l.innerText.includes("
        + js(label) + ")); return l && (l.control || l.querySelector('input, textarea')"
        + " || document.getElementById(l.htmlFor)); })()";
  }

  String base() {
    return "http://localhost:" + port;
  }

  Http bearer(Person person) {
    return new Http(port, null, null).header("Authorization", "Bearer " + accessToken(person));
  }

  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** A JavaScript string literal. */
  static String js(String text) {
    try {
      return Http.JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
