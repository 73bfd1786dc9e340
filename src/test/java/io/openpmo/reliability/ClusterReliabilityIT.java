package io.openpmo.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability suite: two OpenPMO nodes started from the built jar as separate JVMs, on one PostgreSQL, behind
 * the clients' own round-robin (a load balancer's), while clients submit and approve requests through both; then
 * faults, one after the other, each followed by the checks of {@link Invariants}:
 * <ol>
 *   <li>both nodes started at the same moment on an empty database (schema, deployment, access policy, demo data);
 *   <li>a node killed with SIGKILL mid-load, then restarted (its locked jobs are taken over when the lock expires);
 *   <li>every database connection terminated mid-load ({@code pg_terminate_backend}), and in the full run the
 *       database restarted;
 *   <li>the mail server down for a while, then back (mail steps retried, every decision mailed);
 *   <li>the board pack's PDF archive failing, then back (the job fails, is retried, archives once);
 *   <li>two clients racing on the same task from both nodes: one wins, the other gets a 409 in words.
 * </ol>
 * {@code ./mvnw verify} runs a short version; {@code ./mvnw -Preliability verify} the full one. The counts are printed
 * and written to target/reliability/report.txt.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterReliabilityIT {

  static final boolean FULL = Boolean.getBoolean("reliability.full");
  static final int CLIENTS = Integer.getInteger("reliability.clients", FULL ? 6 : 3);
  static final Duration LOAD = Duration.ofSeconds(Long.getLong("reliability.load-seconds", FULL ? 40 : 15));
  static final int RACE_ROUNDS = Integer.getInteger("reliability.race-rounds", FULL ? 20 : 3);
  // generous: on a loaded machine a node takes minutes to start, and the second waits for the first
  static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("reliability.start-minutes", 12));
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);

  final Path work = Path.of("target", "reliability").toAbsolutePath();
  final Tally total = new Tally();
  final List<String> violations = new ArrayList<>();
  final StringBuilder report = new StringBuilder();
  final Map<String, String> examples = new java.util.LinkedHashMap<>();
  /** Every Idempotency-Key any client of the run sent. */
  final java.util.Set<String> keysSent = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Jobs a killed node held locked (see {@link #orphanedLocks}). */
  final List<String> orphaned = new java.util.concurrent.CopyOnWriteArrayList<>();
  final ClusterClient admin = new ClusterClient("demo", "demo");
  final ClusterClient auditor = new ClusterClient("audrey", "demo");
  Database database;
  MailServer mail;
  Node a;
  Node b;
  List<Node> nodes;

  @BeforeAll
  void startDatabaseAndMail() throws Exception {
    Files.createDirectories(work);
    try (var old = Files.list(work)) {
      old.filter(p -> p.getFileName().toString().endsWith(".log")).forEach(p -> p.toFile().delete());
    }
    database = new Database(work.resolve("pgdata"));
    database.start(true);
    mail = new MailServer();
    mail.start();
    Map<String, String> environment = Map.of(
        "SPRING_PROFILES_ACTIVE", "postgres,demo",
        "OPENPMO_DB_HOST", "localhost",
        "OPENPMO_DB_PORT", String.valueOf(database.port()),
        "OPENPMO_DB_NAME", Database.NAME,
        "OPENPMO_DB_USER", "postgres",
        "OPENPMO_DB_POOL_SIZE", "12",
        "OPENPMO_SMTP_HOST", "127.0.0.1",
        "OPENPMO_SMTP_PORT", String.valueOf(mail.port()),
        "OPENPMO_MAIL_DELIVERY", "smtp",
        // the full run also seeds the demo portfolio at start-up (two nodes, one portfolio); the short run saves
        // the minute it takes
        "OPENPMO_DEMO_PORTFOLIO", String.valueOf(FULL));
    Path jar = Node.jar();
    a = new Node("a", Integer.getInteger("reliability.port-a", 8095), jar, work, environment);
    b = new Node("b", Integer.getInteger("reliability.port-b", 8096), jar, work, environment);
    nodes = List.of(a, b);
    report.append("Reliability run (").append(FULL ? "full" : "short").append("): ").append(CLIENTS)
        .append(" clients, ").append(LOAD.toSeconds()).append(" s of load per fault, ").append(RACE_ROUNDS)
        .append(" race rounds; started ").append(Instant.now()).append('\n');
  }

  @AfterAll
  void stopEverything() throws Exception {
    if (nodes != null) {
      nodes.forEach(Node::stop);
    }
    if (mail != null) {
      mail.close();
    }
    if (database != null) {
      database.close();
    }
    report.append("\nTotal\n").append(total.render());
    report.append("invariant violations: ").append(violations.size()).append('\n');
    examples.forEach((what, text) -> report.append(what).append(": ").append(text).append('\n'));
    violations.forEach(v -> report.append("  ").append(v).append('\n'));
    System.out.println(report);
    Files.writeString(work.resolve("report.txt"), report.toString());
  }

  @Test
  @Order(1)
  void bothNodesStartAtTheSameMomentOnAnEmptyDatabase() throws Exception {
    Instant started = Instant.now();
    ExecutorService starting = Executors.newFixedThreadPool(2);
    List<Future<?>> ready = new ArrayList<>();
    for (Node node : nodes) {
      ready.add(starting.submit(() -> {
        node.start();
        node.awaitReady(START_TIMEOUT);
        return null;
      }));
    }
    for (Future<?> future : ready) {
      future.get();
    }
    starting.shutdown();
    Tally tally = new Tally();
    Invariants checks = new Invariants(database, tally);
    long waited = nodes.stream().filter(node -> logContains(node, "Another node of the cluster is starting")).count();
    tally.add("nodes that waited for the other's start-up", waited);
    // what a start-up writes exists once: schema, definitions, grants, filters, users, demo data, signing key
    tally.add("demo projects seeded", database.count("SELECT count(*) FROM project"));
    expectNone(tally, "Flyway migrations failed or applied twice", "SELECT count(*) FROM (SELECT version FROM"
        + " openpmo_schema_history WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1 OR bool_and(success)"
        + " = false) d");
    expectNone(tally, "process definitions deployed twice", "SELECT count(*) FROM (SELECT key_ FROM act_re_procdef"
        + " GROUP BY key_ HAVING count(*) > 1) d");
    expectNone(tally, "decision definitions deployed twice", "SELECT count(*) FROM (SELECT key_ FROM act_re_decision_def"
        + " GROUP BY key_ HAVING count(*) > 1) d");
    expectNone(tally, "forms deployed twice", "SELECT count(*) FROM (SELECT key_ FROM act_re_camformdef"
        + " GROUP BY key_ HAVING count(*) > 1) d");
    expectNone(tally, "access grants written twice", "SELECT count(*) FROM (SELECT group_id_, resource_type_,"
        + " resource_id_ FROM act_ru_authorization WHERE group_id_ IS NOT NULL GROUP BY group_id_, resource_type_,"
        + " resource_id_ HAVING count(*) > 1) d");
    expectNone(tally, "Tasklist filters created twice", "SELECT count(*) FROM (SELECT name_ FROM act_ru_filter"
        + " GROUP BY name_ HAVING count(*) > 1) d");
    expectNone(tally, "demo projects seeded twice", "SELECT count(*) FROM (SELECT title FROM project"
        + " GROUP BY title HAVING count(*) > 1) d");
    expectNone(tally, "generated audit signing keys beyond one", "SELECT count(*) - 1 FROM audit_signing_key");
    checks.checkDatabase();
    for (Node node : nodes) {
      ClusterClient.Answer me = admin.get(node, "/engine-rest/user/demo/profile");
      expect(tally, node + " serves /engine-rest", me.status() == 200, me);
      ClusterClient.Answer projects = auditor.get(node, "/api/v1/projects?size=1");
      expect(tally, node + " serves /api/v1", projects.status() == 200, projects);
      ClusterClient.Answer tasklist = new ClusterClient(null, null).get(node, "/camunda/app/tasklist/default/");
      expect(tally, node + " serves Tasklist", tasklist.status() == 200, tasklist);
    }
    violations.addAll(checks.violations());
    phase("start-up of both nodes at once (" + Duration.between(started, Instant.now()).toSeconds() + " s)", tally,
        checks);
  }

  @Test
  @Order(3)
  void aNodeKilledMidLoad() throws Exception {
    assumeTrue(FULL, "full run only; the short run kills a node in its combined fault phase");
    underLoad("SIGKILL of a node mid-load, then restarted", workload -> {
      Node.pause(LOAD.dividedBy(2));
      a.kill();
      workload.tally.add("fault: node killed (SIGKILL)");
      orphanedLocks(workload.tally);
      Node.pause(LOAD.dividedBy(2));
      a.start();
      a.awaitReady(START_TIMEOUT);
      workload.tally.add("fault: node restarted");
      Node.pause(LOAD.dividedBy(2));
    });
  }

  @Test
  @Order(4)
  void theDatabaseConnectionsEndMidLoad() throws Exception {
    assumeTrue(FULL, "full run only; the short run terminates the connections in its combined fault phase");
    underLoad("every database connection terminated mid-load" + (FULL ? ", then the database restarted" : ""),
        workload -> {
          Node.pause(LOAD.dividedBy(2));
          for (int i = 0; i < 3; i++) {
            workload.tally.add("fault: database connections terminated", database.terminateConnections());
            Node.pause(Duration.ofSeconds(2));
          }
          Node.pause(LOAD.dividedBy(2));
          if (FULL) {
            database.restart();
            workload.tally.add("fault: database restarted");
            Node.pause(LOAD);
          }
        });
  }

  @Test
  @Order(5)
  void theMailServerIsDownForAWhile() throws Exception {
    assumeTrue(FULL, "full run only; the short run stops the mail server in its combined fault phase");
    underLoad("mail server down, then back", workload -> {
      Node.pause(LOAD.dividedBy(3));
      mail.stop();
      workload.tally.add("fault: mail server stopped");
      Node.pause(LOAD);
      mail.start();
      workload.tally.add("fault: mail server back");
      Node.pause(LOAD.dividedBy(3));
    });
  }

  @Test
  @Order(6)
  void theBoardPackArchiveFailsThenRecovers() {
    Tally tally = new Tally();
    Invariants checks = new Invariants(database, tally);
    ClusterClient pmo = new ClusterClient("petra", "demo");
    database.execute("CREATE FUNCTION reliability_archive_down() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN RAISE EXCEPTION 'document archive unavailable (reliability suite)'; END $$");
    database.execute("CREATE TRIGGER reliability_archive_down BEFORE INSERT ON board_pack_document"
        + " FOR EACH ROW EXECUTE FUNCTION reliability_archive_down()");
    String packId;
    try {
      LocalDate month = LocalDate.now().withDayOfMonth(1).minusMonths(1);
      ClusterClient.Answer requested = pmo.post(b, "/api/v1/reports/board-packs",
          Map.of("periodFrom", month.toString(), "periodTo", month.plusMonths(1).minusDays(1).toString()), Map.of());
      tally.answer(requested);
      assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
      packId = requested.json().get("pack").get("id").asText();
      await().atMost(DRAIN_TIMEOUT).until(() -> database.count("SELECT count(*) FROM act_ru_job j JOIN board_pack p"
          + " ON p.process_instance_id = j.process_instance_id_ WHERE p.id = " + packId
          + " AND j.exception_msg_ IS NOT NULL") == 1);
      tally.add("fault: board pack archive failed (job failed, retry pending)");
      expectNone(tally, "documents half-archived while the archive was down",
          "SELECT count(*) FROM board_pack_document WHERE board_pack_id = " + packId);
    } finally {
      database.execute("DROP TRIGGER reliability_archive_down ON board_pack_document");
      database.execute("DROP FUNCTION reliability_archive_down()");
    }
    // the operator retries the job now (Cockpit's "retry"), on the other node; otherwise its retry cycle would
    String job = database.strings("SELECT j.id_ FROM act_ru_job j JOIN board_pack p ON p.process_instance_id ="
        + " j.process_instance_id_ WHERE p.id = " + packId).get(0);
    ClusterClient.Answer retried = admin.post(a, "/engine-rest/job/" + job + "/execute", "", Map.of());
    tally.answer(retried);
    expect(tally, "the retried job ran", retried.status() == 204, retried);
    await().atMost(DRAIN_TIMEOUT).until(() -> "SENT".equals(database.strings(
        "SELECT status FROM board_pack WHERE id = " + packId).get(0)));
    tally.add("board packs archived and sent after the archive came back");
    expectNone(tally, "board pack documents not archived exactly once (PDF and CSV)",
        "SELECT abs(count(*) - 2) FROM board_pack_document WHERE board_pack_id = " + packId);
    expectNone(tally, "board pack archived events not exactly one", "SELECT abs(count(*) - 1) FROM audit_event e"
        + " JOIN board_pack p ON e.details LIKE '%' || p.code || '%' WHERE p.id = " + packId
        + " AND e.action = 'BOARD_PACK_ARCHIVED'");
    checks.checkDatabase();
    checks.checkAudit(auditor, b);
    violations.addAll(checks.violations());
    phase("board pack archive failing, then back", tally, checks);
  }

  @Test
  @Order(2)
  void twoClientsRaceOnTheSameTaskFromBothNodes() throws Exception {
    Tally tally = new Tally();
    Invariants checks = new Invariants(database, tally);
    ClusterClient petra = new ClusterClient("petra", "demo");
    ClusterClient pierre = new ClusterClient("pierre", "demo");
    Workload setup = new Workload(nodes, tally);
    ExecutorService racers = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < RACE_ROUNDS; round++) {
        Workload.Item item = new Workload.Item("Reliability race " + round);
        ClusterClient.Answer submitted = new ClusterClient("integrationbot", "demo").post(a, "/api/v1/projects",
            Workload.request(item.title), Map.of("Idempotency-Key", item.key));
        tally.answer(submitted);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String code = submitted.json().get("code").asText();
        String task = petra.get(b, "/engine-rest/task?processInstanceBusinessKey=" + code).json().get(0).get("id")
            .asText();
        // the same task claimed by two people, one on each node, at the same moment
        List<ClusterClient.Answer> claims = race(racers,
            () -> petra.post(a, "/engine-rest/task/" + task + "/claim", Map.of("userId", "petra"), Map.of()),
            () -> pierre.post(b, "/engine-rest/task/" + task + "/claim", Map.of("userId", "pierre"), Map.of()));
        claims.forEach(tally::answer);
        String winner = oneWinsOneIsToldInWords(tally, "claim", claims, "already claimed by (petra|pierre)");
        ClusterClient who = "petra".equals(winner) ? petra : pierre;
        // the winner's double click: the same decision sent to both nodes at the same moment
        // a client honours a 503's Retry-After (the task was still open for it: nothing was written) and sends again
        List<ClusterClient.Answer> decisions = race(racers,
            () -> sendAgainAfter503(tally, () -> who.post(a, "/engine-rest/task/" + task + "/submit-form",
                Workload.approve(), Map.of())),
            () -> sendAgainAfter503(tally, () -> who.post(b, "/engine-rest/task/" + task + "/submit-form",
                Workload.approve(), Map.of())));
        decisions.forEach(tally::answer);
        oneWinsOneIsToldInWords(tally, "decision", decisions, "already decided by " + winner
            + " at \\d\\d:\\d\\d");
        // the requester's withdrawal of an approved request, from both nodes: refused on both, in words
        List<ClusterClient.Answer> withdrawals = race(racers,
            () -> petra.post(a, "/api/v1/projects/" + code + "/withdrawal", Map.of("reason", "race"), Map.of()),
            () -> petra.post(b, "/api/v1/projects/" + code + "/withdrawal", Map.of("reason", "race"), Map.of()));
        withdrawals.forEach(tally::answer);
        long fiveHundreds = withdrawals.stream().filter(w -> w.status() >= 500 || !w.answered()).count();
        expect(tally, "withdrawal race answered without a 5xx", fiveHundreds == 0, withdrawals);
        item.code = code;
        item.decided = true;
        setup.items.add(item);
      }
    } finally {
      racers.shutdown();
    }
    drain(setup, tally);
    keysSent(setup);
    checks.checkWork(setup.items, keysSent);
    checks.checkDatabase();
    checks.checkMails(setup.items, mail.approvalsByCode());
    checks.checkRepeatsRecognisable(setup.items, mail.approvalMessageIds());
    checks.checkAudit(auditor, a);
    violations.addAll(checks.violations());
    phase("two clients racing on the same task from both nodes", tally, checks);
  }

  /**
   * The short run's faults, one after the other under one load: every database connection terminated, the mail
   * server down and back, and node b killed with SIGKILL (not restarted: its locked jobs are taken over by node a
   * when their lock expires).
   */
  @Test
  @Order(7)
  void shortRunFaultsUnderOneLoad() throws Exception {
    assumeFalse(FULL, "the full run injects each fault on its own");
    underLoad("connections terminated, mail server down and back, node b killed (SIGKILL)", workload -> {
      Node.pause(LOAD.dividedBy(3));
      workload.tally.add("fault: database connections terminated", database.terminateConnections());
      Node.pause(LOAD.dividedBy(3));
      mail.stop();
      workload.tally.add("fault: mail server stopped");
      Node.pause(LOAD.dividedBy(3));
      b.kill();
      workload.tally.add("fault: node killed (SIGKILL)");
      orphanedLocks(workload.tally);
      Node.pause(LOAD.dividedBy(3));
      mail.start();
      workload.tally.add("fault: mail server back");
      Node.pause(LOAD.dividedBy(3));
    });
  }

  @Test
  @Order(8)
  void nothingIsLostOrDoubledOverTheWholeRun() {
    assertThat(violations).as("invariant violations over the whole run").isEmpty();
    assertThat(total.get("failed 5xx seen by the racing clients")).isZero();
  }

  // ------------------------------------------------------------------------------------------------------------

  interface Fault {
    void inject(Workload workload) throws Exception;
  }

  /** Runs the workload through both nodes, injects the fault while it runs, lets it finish and drain, checks. */
  private void underLoad(String name, Fault fault) throws Exception {
    Tally tally = new Tally();
    Invariants checks = new Invariants(database, tally);
    Workload workload = new Workload(nodes, tally);
    Instant started = Instant.now();
    workload.start(CLIENTS);
    try {
      fault.inject(workload);
    } finally {
      workload.stop();
    }
    drain(workload, tally);
    keysSent(workload);
    checks.checkWork(workload.items, keysSent);
    checks.checkDatabase();
    checks.checkMails(workload.items, mail.approvalsByCode());
    checks.checkRepeatsRecognisable(workload.items, mail.approvalMessageIds());
    for (Node node : nodes) {
      if (node.alive()) {
        checks.checkAudit(auditor, node);
      }
    }
    violations.addAll(checks.violations());
    phase(name + " (" + Duration.between(started, Instant.now()).toSeconds() + " s)", tally, checks);
  }

  /**
   * The jobs the killed node had locked: a live node finishes a job within moments, so what is still locked a few
   * seconds after the kill, with its lock not expired, belongs to the dead node. The drain then waits until each
   * of them has been taken over (executed by the other node once the lock expired).
   */
  private void orphanedLocks(Tally tally) {
    Node.pause(Duration.ofSeconds(3));
    List<String> locked = database.strings("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL"
        + " AND lock_exp_time_ > now() AND lock_exp_time_ < now() + interval '" + (Node.JOB_LOCK_TIME.toSeconds() - 2)
        + " seconds'");
    tally.add("jobs the killed node held locked", locked.size());
    orphaned.addAll(locked);
  }

  private void keysSent(Workload workload) {
    workload.items.forEach(item -> keysSent.add(item.key));
  }

  /** Waits until every approved request's mail step has run and no job is due (a dead node's locks expire). */
  private void drain(Workload workload, Tally tally) {
    Invariants probe = new Invariants(database, new Tally());
    Instant started = Instant.now();
    try {
      await().atMost(DRAIN_TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() ->
          probe.mailsOutstanding(workload.items).isEmpty()
              && database.count("SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND duedate_ <= now()"
              + " AND suspension_state_ = 1") == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      List<String> outstanding = probe.mailsOutstanding(workload.items);
      violations.add("not drained after " + DRAIN_TIMEOUT + ": mails outstanding " + outstanding.size() + " "
          + outstanding.stream().limit(5).toList() + ", jobs due " + database.query(
          "SELECT id_, retries_, lock_owner_, lock_exp_time_, exception_msg_ FROM act_ru_job WHERE duedate_ <= now()"
              + " LIMIT 5"));
    }
    tally.add("seconds to drain (jobs of a killed node wait for their lock to expire)",
        Duration.between(started, Instant.now()).toSeconds());
    if (!orphaned.isEmpty()) {
      String ids = orphaned.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(", "));
      long stillLocked = database.count("SELECT count(*) FROM act_ru_job WHERE id_ IN (" + ids + ")"
          + " AND lock_owner_ IS NOT NULL AND lock_exp_time_ < now()");
      tally.add("jobs of the killed node taken over", orphaned.size() - stillLocked);
      if (stillLocked > 0) {
        violations.add("jobs of the killed node never taken over: " + stillLocked);
      }
      orphaned.clear();
    }
    tally.add("open incidents after the drain", database.count("SELECT count(*) FROM act_ru_incident"));
  }

  /** Sends the call again, after a second, while it is answered 503 (at most three times), as a client does. */
  private static ClusterClient.Answer sendAgainAfter503(Tally tally, Callable<ClusterClient.Answer> call)
      throws Exception {
    ClusterClient.Answer answer = call.call();
    for (int again = 0; again < 3 && answer.status() == 503; again++) {
      tally.add("race calls answered 503 (still open, sent again)");
      Node.pause(Duration.ofSeconds(1));
      answer = call.call();
    }
    return answer;
  }

  private static List<ClusterClient.Answer> race(ExecutorService racers, Callable<ClusterClient.Answer> one,
      Callable<ClusterClient.Answer> other) throws Exception {
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    Future<ClusterClient.Answer> first = racers.submit(() -> {
      go.await();
      return one.call();
    });
    Future<ClusterClient.Answer> second = racers.submit(() -> {
      go.await();
      return other.call();
    });
    go.countDown();
    return List.of(first.get(), second.get());
  }

  /** One answer 204, the other a 409 whose message says who won; returns the winner named. */
  private String oneWinsOneIsToldInWords(Tally tally, String what, List<ClusterClient.Answer> answers,
      String sentence) {
    long won = answers.stream().filter(x -> x.status() == 204).count();
    List<ClusterClient.Answer> lost = answers.stream().filter(x -> x.status() != 204).toList();
    boolean inWords = lost.size() == 1 && lost.get(0).status() == 409
        && java.util.regex.Pattern.compile(sentence).matcher(lost.get(0).json().path("message").asText()).find();
    expect(tally, what + " race: one won, the other got a 409 in words", won == 1 && inWords, answers);
    if (answers.stream().anyMatch(x -> x.status() >= 500)) {
      tally.add("failed 5xx seen by the racing clients");
      total.add("failed 5xx seen by the racing clients");
    }
    tally.add(what + " races run");
    String message = lost.isEmpty() ? "" : lost.get(0).json().path("message").asText();
    java.util.regex.Matcher name = java.util.regex.Pattern.compile("already (?:claimed|decided) by (\\w+)")
        .matcher(message);
    if (lost.size() == 1 && won == 1) {
      examples.putIfAbsent(what + " race, the loser was told", lost.get(0).status() + " " + message);
    }
    return name.find() ? name.group(1) : "petra";
  }

  private void expectNone(Tally tally, String what, String sql) {
    long found = database.count(sql);
    tally.add("check: " + what, found);
    if (found != 0) {
      violations.add(what + ": " + found);
    }
  }

  private void expect(Tally tally, String what, boolean holds, Object detail) {
    tally.add("check: " + what + (holds ? " (ok)" : " (FAILED)"), holds ? 0 : 1);
    if (!holds) {
      violations.add(what + ": " + detail);
    }
  }

  private void phase(String name, Tally tally, Invariants checks) {
    tally.snapshot().forEach((key, value) -> {
      if (!key.startsWith("check:")) {
        total.add(key, value);
      }
    });
    long broken = tally.snapshot().entrySet().stream().filter(e -> e.getKey().startsWith("check:"))
        .mapToLong(Map.Entry::getValue).sum();
    report.append("\n== ").append(name).append('\n').append(tally.render())
        .append("  invariant violations: ").append(broken).append('\n');
    System.out.println("\n== " + name + "\n" + tally.render() + "  invariant violations: " + broken);
  }

  private static boolean logContains(Node node, String text) {
    try {
      return Files.readString(node.log()).contains(text);
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
