package io.openpmo.reliability;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the clients saw, counted: requests sent and their answers, retries, races, what the checks found. */
final class Tally {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void add(String what) {
    add(what, 1);
  }

  void add(String what, long amount) {
    counts.computeIfAbsent(what, key -> new LongAdder()).add(amount);
  }

  long get(String what) {
    LongAdder adder = counts.get(what);
    return adder == null ? 0 : adder.sum();
  }

  /** Counts one answer: 2xx succeeded, 409 conflict, other 4xx refused, 503 retry later, other 5xx failed, none. */
  void answer(ClusterClient.Answer answer) {
    add("requests sent");
    int status = answer.status();
    if (!answer.answered()) {
      add("no answer (connection refused/reset, time-out)");
    } else if (status < 300) {
      add("succeeded (2xx)");
    } else if (status == 409) {
      add("refused 409 (conflict)");
    } else if (status < 500) {
      add("refused 4xx (other)");
    } else if (status == 503) {
      add("refused 503 (database unavailable: retry)");
    } else {
      add("failed 5xx");
    }
  }

  Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((key, value) -> snapshot.put(key, value.sum()));
    return snapshot;
  }

  String render() {
    StringBuilder text = new StringBuilder();
    snapshot().forEach((key, value) -> text.append(String.format("  %-58s %8d%n", key, value)));
    return text.toString();
  }
}
