package io.openpmo.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.openpmo.load.LoadStep.Operation;
import io.openpmo.load.LoadStep.Target;
import io.openpmo.load.bare.BareEngineApp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Gatling simulation of one {@link LoadStep}: {@code concurrency} clients, each with its own connection, repeat
 * the operation back to back for the step's duration (closed model: as many requests in flight as clients). The
 * load benchmark sets {@link #step} before each run; Gatling measures and reports. When the system runs as several
 * nodes ({@link LoadRig#NODES}), client i calls node i mod n for all its requests (the claim and the form submission
 * of a vote on the same node, as a load balancer keeps a connection), its requests grouped by node
 * ({@code "node 1"}, {@code "node 2"}) so that the statistics show what each node served.
 */
public class LoadSimulation extends Simulation {

  static volatile LoadStep step;
  static volatile long startedNanos;
  static volatile long endedNanos;
  static final AtomicLong SEQUENCE = new AtomicLong();
  /** Set when a client found no more work (tasks, projects) before the step's time was up. */
  static volatile boolean ranOutOfWork;

  public LoadSimulation() {
    LoadStep s = step;
    HttpProtocolBuilder protocol = http.baseUrl(LoadRig.baseUrl(s.target()))
        .acceptHeader("application/json").contentTypeHeader("application/json")
        .disableWarmUp().disableCaching();
    // a vote's two requests are grouped by node inside the "vote" group, the other operations' one request alone
    ChainBuilder iteration = switch (s.operation()) {
      case START -> byNode(s, http("start")
          .post("#{base}/engine-rest/process-definition/key/" + BareEngineApp.PROCESS + "/start")
          .basicAuth(BareEngineApp.USER, BareEngineApp.PASSWORD)
          .body(StringBody(session -> "{\"businessKey\":\"bench-" + SEQUENCE.incrementAndGet()
              + "\",\"variables\":{\"title\":{\"value\":\"Load\",\"type\":\"String\"}}}"))
          .check(status().is(200)));
      case SUBMIT -> byNode(s, http("submit").post("#{base}/api/v1/projects").basicAuth("integrationbot", "demo")
          .header("Idempotency-Key", session -> UUID.randomUUID().toString())
          .body(StringBody(session -> projectRequest(SEQUENCE.incrementAndGet())))
          .check(status().is(201)));
      case EVALUATE -> byNode(s, http("evaluate")
          .post("#{base}/engine-rest/decision-definition/key/projectHealth/evaluate")
          .basicAuth(user(s.target()), password(s.target()))
          .body(StringBody(session -> healthInputs(SEQUENCE.incrementAndGet())))
          .check(status().is(200)));
      case COMPLETE -> exec(session -> take(session, s, "taskId"))
          .exitHereIf(session -> !session.contains("taskId"))
          .exec(group("vote").on(byNode(s,
              exec(http("claim").post("#{base}/engine-rest/task/#{taskId}/claim")
                  .basicAuth("#{user}", "#{password}")
                  .body(StringBody("{\"userId\":\"#{user}\"}"))
                  .check(status().is(204)))
              .exec(http("submit-form").post("#{base}/engine-rest/task/#{taskId}/submit-form")
                  .basicAuth("#{user}", "#{password}")
                  .body(StringBody(s.target() == Target.OPENPMO
                      ? "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"Load test\"},"
                          + "\"conflictOfInterest\":{\"value\":false}}}"
                      : "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"Load test\"}}}"))
                  .check(status().is(204))))))
          .exec(session -> session.remove("taskId"));
      case STATUS_REPORT -> byNode(s, http("status-report").post("#{base}/api/v1/projects/#{code}/status-reports")
          .basicAuth("paul", "demo")
          .body(StringBody(session -> {
            long n = SEQUENCE.incrementAndGet();
            return "{\"percentComplete\":" + (n % 90) + ",\"actualCostToDate\":" + (1000 + n % 50_000)
                + ",\"notes\":\"Load test report " + n + "\"}";
          }))
          .check(status().is(201)));
    };
    ScenarioBuilder scenario = scenario(s.name())
        .exec(session -> identify(session, s))
        .exitHereIf(session -> s.operation() == Operation.STATUS_REPORT && !session.contains("code"))
        .exec(s.repetitions() > 0
            ? exec(io.gatling.javaapi.core.CoreDsl.repeat(s.repetitions()).on(iteration))
            // an iteration begun runs to its end (not Gatling's default exitASAP, which ends a client between a vote's
            // claim and its form submission at the end of the step and counts the half vote as one)
            : exec(io.gatling.javaapi.core.CoreDsl.during(s.duration(), false).on(iteration)));
    setUp(scenario.injectOpen(atOnceUsers(s.concurrency()))).protocols(protocol);
  }

  @Override
  public void before() {
    ranOutOfWork = false;
    startedNanos = System.nanoTime();
  }

  @Override
  public void after() {
    endedNanos = System.nanoTime();
  }

  /**
   * Who the client is and which node it calls: reviewers take turns (OpenPMO: both PMO members), a status reporter
   * keeps one project; client i (Gatling counts from 1) calls node i mod n.
   */
  private static Session identify(Session session, LoadStep s) {
    List<String> nodes = LoadRig.baseUrls(s.target());
    int node = (int) ((session.userId() - 1) % nodes.size());
    Session identified = session.set("user", s.target() == Target.OPENPMO
        ? (session.userId() % 2 == 0 ? "petra" : "pierre") : BareEngineApp.USER)
        .set("password", password(s.target()))
        .set("base", nodes.get(node)).set("node", "node " + (node + 1));
    if (s.operation() == Operation.STATUS_REPORT) {
      return take(identified, s, "code");
    }
    return identified;
  }

  /** The requests in the group of the client's node when the system has several nodes; as they are with one. */
  private static ChainBuilder byNode(LoadStep s, ChainBuilder requests) {
    return LoadRig.nodes(s.target()) > 1 ? group("#{node}").on(requests) : requests;
  }

  private static ChainBuilder byNode(LoadStep s, HttpRequestActionBuilder request) {
    return byNode(s, exec(request));
  }

  private static Session take(Session session, LoadStep s, String key) {
    String next = s.work().poll();
    if (next == null) {
      ranOutOfWork = true;
      return session;
    }
    return session.set(key, next);
  }

  static String user(Target target) {
    return target == Target.OPENPMO ? "integrationbot" : BareEngineApp.USER;
  }

  static String password(Target target) {
    return target == Target.OPENPMO ? "demo" : BareEngineApp.PASSWORD;
  }

  /** A small, low-risk request (the PMO alone reviews it), as an integration sends it. */
  static String projectRequest(long n) {
    return """
        {"title":"Load request %d","description":"Automate the monthly reconciliation","businessUnit":"Operations",
         "sponsor":"sam","projectType":"RUN","strategicAlignment":3,"expectedAnnualBenefit":60000,"budget":100000,
         "startDate":"%s","durationMonths":6,"complexity":"LOW","personalData":false,
         "dataClassification":"INTERNAL","thirdParty":"NONE","criticalFunction":false,"newTechnology":false}"""
        .formatted(n, LocalDate.now().plusMonths(2));
  }

  /** Inputs of the projectHealth table, cycling through GREEN, AMBER and RED cases. */
  static String healthInputs(long n) {
    double cpi = 0.8 + (n % 5) * 0.05;
    double spi = 0.82 + (n % 7) * 0.04;
    return String.format(Locale.ROOT, "{\"variables\":{\"cpi\":{\"value\":%.2f,\"type\":\"Double\"},"
        + "\"spi\":{\"value\":%.2f,\"type\":\"Double\"},\"openCriticalIssues\":{\"value\":%d,\"type\":\"Integer\"},"
        + "\"openHighRisks\":{\"value\":%d,\"type\":\"Integer\"},"
        + "\"regulatoryDeadlineMissed\":{\"value\":false,\"type\":\"Boolean\"}}}", cpi, spi, n % 11 == 0 ? 1 : 0,
        n % 3);
  }
}
