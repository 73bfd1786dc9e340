package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.intake.SubmissionResult;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attack class 8: abusing deputies to reach a vote one may not cast. A person names themselves deputy of an
 * approver (over our API, or by slipping the approver into the Tasklist start form); the PMO names itself; a
 * requester or sponsor becomes the deputy of a reviewer of their own request; a deputy acts after the deputyship
 * ended; a deputy votes twice, once in their own right and once for the approver. Each is refused with a sentence,
 * and the votes on record do not change.
 */
class DeputyAbuseAttackPostgresTest extends AttackTest {

  @AfterEach
  void endEveryDeputyship() {
    ClockUtil.reset();
    jdbc.update("UPDATE deputyship SET ended_at = CURRENT_TIMESTAMP WHERE ended_at IS NULL");
  }

  static Map<String, Object> naming(String principal, String deputy, LocalDate from, LocalDate to) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (principal != null) {
      body.put("principal", principal);
    }
    body.put("deputy", deputy);
    body.put("validFrom", from.toString());
    body.put("validTo", to.toString());
    return body;
  }

  long deputyships() {
    return jdbc.queryForObject("SELECT count(*) FROM deputyship", Long.class);
  }

  long votes(String code) {
    return jdbc.queryForObject("SELECT count(*) FROM review_decision WHERE project_id = ?", Long.class,
        project(code).id());
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void nobodyNamesThemselvesDeputyOfSomebodyElse(Surface surface) {
    String approver = people().user("absentfin" + surface.ordinal(), Groups.FINANCE);
    long before = deputyships();
    LocalDate today = LocalDate.now();

    // over our API: the risk reviewer claims to stand in for the finance approver; the PMO names itself
    Http.Response rick = http("rick").post("/api/v1/deputies", naming(approver, "rick", today, today.plusDays(3)));
    assertThat(rick.status()).as(rick.body()).isEqualTo(403);
    assertThat(rick.json().get("detail").asText()).isEqualTo("You may name a deputy for yourself only; the PMO names"
        + " one for an approver who cannot.");
    Http.Response petra = http("petra").post("/api/v1/deputies", naming(approver, "petra", today, today.plusDays(3)));
    assertThat(petra.status()).isEqualTo(403);
    assertThat(petra.json().get("detail").asText()).contains("never itself");

    // through the start form of "Name a deputy": the form has no field for the approver
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("deputy", "rick");
    form.put("validFrom", today.toString());
    form.put("validTo", today.plusDays(3).toString());
    form.put("principal", approver);
    Http.Response started = as(surface, "rick").post(surface.base + "/process-definition/key/deputyship/submit-form",
        Map.of("variables", variables(form)));
    assertThat(started.status()).as(started.body()).isEqualTo(400);
    assertThat(started.body()).contains("does not ask for principal");
    assertThat(deputyships()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aDeputyWhoRequestedTheProjectMayNotReviewIt(Surface surface) {
    String approver = people().user("finreq" + surface.ordinal(), Groups.FINANCE);
    LocalDate today = LocalDate.now();
    // the finance approver (innocently) names the requester rita as her deputy
    assertThat(http(approver).post("/api/v1/deputies", naming(null, "rita", today, today.plusDays(2))).status())
        .isEqualTo(201);
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Own request " + surface));
    Task finance = task(request.code(), Groups.FINANCE);
    Outcome before = outcome(request.code());
    Http rita = as(surface, "rita");

    Http.Response claim = rita.post(surface.base + "/task/" + finance.getId() + "/claim", Map.of("userId", "rita"));
    assertThat(claim.status()).as(claim.body()).isEqualTo(403);
    assertThat(claim.json().get("message").asText())
        .isEqualTo("You requested " + request.code() + ", so you may not review it.");
    Http.Response complete = rita.post(surface.base + "/task/" + finance.getId() + "/submit-form",
        Map.of("variables", variables(Map.of("decision", "APPROVE"))));
    assertThat(complete.status()).isIn(400, 403);
    assertThat(taskService.createTaskQuery().taskId(finance.getId()).singleResult().getAssignee()).isNull();
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void aDeputyWhoSponsorsTheProjectMayNotReviewItForTheApprover() {
    String approver = people().user("finspon", Groups.FINANCE);
    LocalDate today = LocalDate.now();
    assertThat(http(approver).post("/api/v1/deputies", naming(null, "sam", today, today.plusDays(2))).status())
        .isEqualTo(201);
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Sponsored by the deputy"));
    Task finance = task(request.code(), Groups.FINANCE);
    Outcome before = outcome(request.code());
    Http.Response claim = http("sam").post("/engine-rest/task/" + finance.getId() + "/claim", Map.of("userId", "sam"));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.json().get("message").asText())
        .isEqualTo("You sponsor " + request.code() + ", so you may not review it.");
    // nor may the approver hand it to him
    Http.Response handed = http(approver).post("/engine-rest/task/" + finance.getId() + "/claim",
        Map.of("userId", "sam"));
    assertThat(handed.status()).isEqualTo(403);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void anExpiredDeputyDecidesNothing() {
    String approver = people().user("finexp", Groups.FINANCE);
    String deputy = people().user("depexp", Groups.PROJECT_MANAGERS);
    LocalDate today = LocalDate.now();
    assertThat(http(approver).post("/api/v1/deputies", naming(null, deputy, today, today.plusDays(1))).status())
        .isEqualTo(201);
    SubmissionResult request = submitted("rita", Requests.withFinanceAndCompliance("Expired deputy"));
    Task finance = task(request.code(), Groups.FINANCE);
    assertThat(http(deputy).post("/engine-rest/task/" + finance.getId() + "/claim", Map.of("userId", deputy))
        .status()).isEqualTo(204);
    Outcome before = outcome(request.code());
    long votesBefore = votes(request.code());

    // three days later the deputyship is over, although its end step has not run yet
    ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(3))));
    Http.Response late = http(deputy).post("/engine-rest/task/" + finance.getId() + "/submit-form",
        Map.of("variables", variables(Map.of("decision", "APPROVE"))));
    assertThat(late.status()).as(late.body()).isEqualTo(403);
    assertThat(late.json().get("message").asText()).contains("not a member of Finance")
        .contains("stand-in for " + approver + " ended on");
    SubmissionResult later = submitted("rita", Requests.withFinanceAndCompliance("After the deputyship"));
    Http.Response claim = http(deputy).post("/engine-rest/task/" + task(later.code(), Groups.FINANCE).getId()
        + "/claim", Map.of("userId", deputy));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(votes(request.code())).isEqualTo(votesBefore);
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void aDeputyCastsOneVoteNotOneForEachPersonTheyStandInFor() {
    String approver = people().user("findouble", Groups.FINANCE);
    LocalDate today = LocalDate.now();
    // ivan reviews for infosec in his own right and stands in for the finance approver
    assertThat(http(approver).post("/api/v1/deputies", naming(null, "ivan", today, today.plusDays(2))).status())
        .isEqualTo(201);
    SubmissionResult request = submitted("rita", Requests.withBothCommittees("Two votes for one person"));
    journeys().decide("ivan", task(request.code(), Groups.INFOSEC), Map.of("decision", "APPROVE"));
    Task finance = task(request.code(), Groups.FINANCE);
    Outcome before = outcome(request.code());

    Http.Response claim = http("ivan").post("/engine-rest/task/" + finance.getId() + "/claim", Map.of("userId", "ivan"));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.json().get("message").asText()).contains("You already voted on " + request.code());
    assertThat(outcome(request.code())).isEqualTo(before);
  }

  @Test
  void aPersonWhoVotedIsNotRepresentedAgainByTheirDeputy() {
    // an approver with two hats votes for finance, then goes away; her deputy may not vote for her for risk
    String approver = people().user("twohats", Groups.FINANCE, Groups.RISK);
    String deputy = people().user("twohatsdep", Groups.PROJECT_MANAGERS);
    SubmissionResult request = submitted("rita", Requests.withBothCommittees("Represented once"));
    journeys().decide(approver, task(request.code(), Groups.FINANCE), Map.of("decision", "APPROVE"));
    LocalDate today = LocalDate.now();
    assertThat(http(approver).post("/api/v1/deputies", naming(null, deputy, today, today.plusDays(2))).status())
        .isEqualTo(201);
    Task risk = task(request.code(), Groups.RISK);
    Outcome before = outcome(request.code());
    Http.Response claim = http(deputy).post("/engine-rest/task/" + risk.getId() + "/claim", Map.of("userId", deputy));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.json().get("message").asText()).isEqualTo("You stand in for " + approver + ", who already has"
        + " a vote on " + request.code() + " in round 1, so you may not review it for them.");
    assertThat(outcome(request.code())).isEqualTo(before);
  }
}
