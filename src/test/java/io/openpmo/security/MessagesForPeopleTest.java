package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.SubmissionResult;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.People;
import io.openpmo.support.Requests;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * What Tasklist shows when our rules refuse something, through the webapps' own API as Tasklist calls it: every
 * bad field at once, named by the label on the form, without the engine's technical prefix; a refusal to claim in
 * one sentence that says why; a 4xx, and no stack trace in the log for a person's mistake.
 */
class MessagesForPeopleTest extends AppTest {

  static final String ENGINE = "/camunda/api/engine/engine/default";

  @Autowired IdentityService identityService;

  Http tasklist(String user) {
    Http browser = new Http(port, null, null);
    assertThat(browser.webappLogin("tasklist", user, "demo").status()).isEqualTo(200);
    return browser;
  }

  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** What the call logs at WARN and above, with the engine's command log on as in production (tests silence it). */
  static List<ILoggingEvent> warningsDuring(Runnable call) {
    LoggingSystem logging = LoggingSystem.get(MessagesForPeopleTest.class.getClassLoader());
    logging.setLogLevel("org.camunda.bpm.engine.context", LogLevel.DEBUG);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(events);
    try {
      call.run();
    } finally {
      root.detachAppender(events);
      logging.setLogLevel("org.camunda.bpm.engine.context", LogLevel.OFF);
    }
    return events.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
  }

  @Test
  void aStartFormWithMistakesNamesEveryFieldByItsLabel() {
    Map<String, Object> form = new LinkedHashMap<>(Requests.asFormVariables(Requests.small("Mistakes")));
    form.put("startDate", "2020-01-01");
    form.put("title", " ");
    Http rita = tasklist("rita");
    Http.Response[] answer = new Http.Response[1];
    List<ILoggingEvent> warnings = warningsDuring(() -> answer[0] = rita.post(ENGINE
        + "/process-definition/key/projectInitiation/submit-form", variables(form)));
    Http.Response started = answer[0];
    assertThat(started.status()).isEqualTo(400);
    assertThat(started.json().get("message").asText())
        .isEqualTo("Please correct 2 fields: Start date must be today or later. Title must not be blank.");
    // a person's mistake is not a server error with a stack trace in the log
    assertThat(warnings).isEmpty();
  }

  @Test
  void aReworkWithoutAReasonIsRefusedInWordsAtTheField() {
    SubmissionResult request = journeys().submit("rita", Requests.small("Rework without a reason"));
    Task review = journeys().task(request.code(), Groups.PMO);
    Http petra = tasklist("petra");
    assertThat(petra.post(ENGINE + "/task/" + review.getId() + "/claim", Map.of("userId", "petra")).status())
        .isEqualTo(204);
    Http.Response rework = petra.post(ENGINE + "/task/" + review.getId() + "/submit-form",
        variables(Map.of("decision", "REWORK", "conflictOfInterest", false)));
    assertThat(rework.status()).isEqualTo(400);
    assertThat(rework.json().get("message").asText())
        .isEqualTo("Please correct the form: Reason is required: say why you chose “Return for rework”.");
  }

  @Test
  void aClaimTheEngineWouldRefuseSaysWhyInOneSentence() {
    SubmissionResult request = journeys().submit("rita", Requests.withFinanceAndCompliance("Claim explained"));
    Task finance = journeys().task(request.code(), Groups.FINANCE);
    Http petra = tasklist("petra");
    Http.Response[] answer = new Http.Response[1];
    List<ILoggingEvent> warnings = warningsDuring(() -> answer[0] = petra.post(ENGINE + "/task/" + finance.getId()
        + "/claim", Map.of("userId", "petra")));
    Http.Response otherGroup = answer[0];
    assertThat(otherGroup.status()).isEqualTo(403);
    assertThat(otherGroup.json().get("message").asText()).isEqualTo("You may not hold “" + finance.getName()
        + "”: it belongs to Finance, and you are not a member.");
    assertThat(warnings).isEmpty();

    String sponsor = new People(identityService).user("pmosponsor", Groups.PMO);
    SubmissionResult sponsored = journeys().submit("rita",
        Requests.withSponsor(Requests.small("Sponsored by a PMO member"), sponsor));
    Task pmo = journeys().task(sponsored.code(), Groups.PMO);
    Http.Response barred = tasklist(sponsor).post(ENGINE + "/task/" + pmo.getId() + "/claim",
        Map.of("userId", sponsor));
    assertThat(barred.status()).isEqualTo(403);
    assertThat(barred.json().get("message").asText())
        .isEqualTo("You sponsor " + sponsored.code() + ", so you may not review it.");
  }
}
