package io.openpmo.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Clients working through both nodes as a load balancer spreads them: an integration submits project requests
 * (each with its own Idempotency-Key), the PMO claims and approves the review. On no answer, a time-out or a 5xx
 * a client retries the same request, with the same Idempotency-Key, on the next node, as an integration does; a
 * 409 on a retry that says the client itself already did it counts as done. What each client saw acknowledged is
 * kept for the checks.
 */
final class Workload {

  /** How long a client keeps retrying one request before it gives up (and says so). */
  static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);
  static final String REVIEWER = "petra";

  /** One unit of work: a request submitted, then approved by the PMO. */
  static final class Item {
    final String key = UUID.randomUUID().toString();
    final String title;
    volatile String code;
    volatile boolean decided;
    volatile String gaveUp;

    Item(String title) {
      this.title = title;
    }
  }

  final Tally tally;
  private final List<Node> nodes;
  private final ClusterClient integration = new ClusterClient("integrationbot", "demo");
  private final ClusterClient reviewer = new ClusterClient(REVIEWER, "demo");
  final Queue<Item> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger nextNode = new AtomicInteger();
  private volatile boolean running;
  private ExecutorService clients;
  private final List<Future<?>> workers = new ArrayList<>();

  Workload(List<Node> nodes, Tally tally) {
    this.nodes = nodes;
    this.tally = tally;
  }

  /** Starts {@code clients} clients, each submitting and approving one request after the other. */
  void start(int clientCount) {
    running = true;
    clients = Executors.newFixedThreadPool(clientCount);
    for (int i = 0; i < clientCount; i++) {
      workers.add(clients.submit(() -> {
        while (running) {
          Item item = new Item("Reliability run " + sequence.incrementAndGet());
          items.add(item);
          submitAndApprove(item);
        }
        return null;
      }));
    }
  }

  /** Lets every client finish the item it is on (retrying as long as it must), then returns. */
  void stop() throws Exception {
    running = false;
    for (Future<?> worker : workers) {
      worker.get(GIVE_UP_AFTER.toSeconds() * 3, TimeUnit.SECONDS);
    }
    workers.clear();
    clients.shutdown();
  }

  void submitAndApprove(Item item) {
    ClusterClient.Answer submitted = retrying(integration, "submit", node -> integration.post(node,
        "/api/v1/projects", request(item.title), Map.of("Idempotency-Key", item.key)), a -> a.answered() && a.status() < 300, item);
    if (submitted == null) {
      return;
    }
    if (!submitted.answered() || submitted.status() >= 300) {
      item.gaveUp = "submission refused: " + submitted;
      tally.add("work items refused at submission");
      return;
    }
    item.code = submitted.json().get("code").asText();
    tally.add(submitted.replayed() ? "submissions acknowledged on a retry (replayed)" : "submissions acknowledged");
    ClusterClient.Answer tasks = retrying(reviewer, "find task", node -> reviewer.get(node,
        "/engine-rest/task?processInstanceBusinessKey=" + item.code), a -> a.status() == 200 && a.json().size() > 0,
        item);
    if (tasks == null) {
      return;
    }
    String task = tasks.json().get(0).get("id").asText();
    int[] attempts = new int[1];
    ClusterClient.Answer claimed = retrying(reviewer, "claim", node -> {
      attempts[0]++;
      return reviewer.post(node, "/engine-rest/task/" + task + "/claim", Map.of("userId", REVIEWER), Map.of());
    }, a -> a.status() == 204 || attempts[0] > 1 && a.status() == 409 && a.body().contains("already claimed by "
        + REVIEWER), item);
    if (claimed == null) {
      return;
    }
    attempts[0] = 0;
    ClusterClient.Answer decided = retrying(reviewer, "decide", node -> {
      attempts[0]++;
      return reviewer.post(node, "/engine-rest/task/" + task + "/submit-form", approve(), Map.of());
    }, a -> a.status() == 204 || attempts[0] > 1 && a.status() == 409 && a.body().contains("already decided by "
        + REVIEWER), item);
    if (decided == null) {
      return;
    }
    if (decided.status() == 409) {
      tally.add("decisions acknowledged on a retry (409: already decided by the same user)");
    } else {
      tally.add("decisions acknowledged");
    }
    item.decided = true;
  }

  /**
   * Sends a request until {@code done} holds for its answer or it is refused for good (a 4xx other than the one
   * expected); after no answer or a 5xx it retries on the next node. Returns the final answer, or null when the
   * client gave up.
   */
  private ClusterClient.Answer retrying(ClusterClient client, String what,
      Function<Node, ClusterClient.Answer> request, Predicate<ClusterClient.Answer> done, Item item) {
    Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
    int attempt = 0;
    int start = nextNode.getAndIncrement();
    ClusterClient.Answer answer = null;
    while (Instant.now().isBefore(deadline)) {
      Node node = nodes.get((start + attempt) % nodes.size());
      if (attempt > 0) {
        tally.add("retries");
      }
      attempt++;
      answer = request.apply(node);
      tally.answer(answer);
      if (done.test(answer)) {
        return answer;
      }
      if (answer.answered() && answer.status() < 500 && answer.status() != 404 && !"find task".equals(what)) {
        // refused for good: the client does not retry what the server refused
        tally.add("unexpected refusals (" + what + " " + answer.status() + ")");
        item.gaveUp = what + " refused: " + answer;
        return answer;
      }
      if (answer.answered() && answer.status() >= 500) {
        tally.add("5xx seen by " + what);
      }
      Node.pause(Duration.ofMillis(250L * Math.min(attempt, 8)));
    }
    item.gaveUp = what + " still failing after " + GIVE_UP_AFTER + ": " + answer;
    tally.add("gave up (client never got an answer it could use)");
    return null;
  }

  static Map<String, Object> approve() {
    return Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"), "conflictOfInterest",
        Map.of("value", false)));
  }

  /** A small request only the PMO reviews (budget 100k, nothing sensitive). */
  static Map<String, Object> request(String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("description", "Automate the monthly reconciliation");
    body.put("businessUnit", "Operations");
    body.put("sponsor", "sam");
    body.put("projectType", "RUN");
    body.put("strategicAlignment", 3);
    body.put("expectedAnnualBenefit", 60000);
    body.put("budget", 100000);
    body.put("startDate", LocalDate.now().plusMonths(2).toString());
    body.put("durationMonths", 6);
    body.put("complexity", "LOW");
    body.put("personalData", false);
    body.put("dataClassification", "INTERNAL");
    body.put("thirdParty", "NONE");
    body.put("criticalFunction", false);
    body.put("newTechnology", false);
    return body;
  }
}
