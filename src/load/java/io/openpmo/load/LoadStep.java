package io.openpmo.load;

import java.time.Duration;
import java.util.Queue;

/**
 * One run of {@link LoadSimulation}: an operation against one system with a number of concurrent clients, for a
 * while ({@code duration}) or a number of operations per client ({@code repetitions}, to prepare data).
 *
 * @param work task ids (vote, complete) or project codes (status report) that the clients take one at a time
 */
record LoadStep(Target target, Operation operation, int concurrency, Duration duration, int repetitions,
    Queue<String> work) {

  /** The systems under load. */
  enum Target {
    OPENPMO("OpenPMO"), BARE_SECURED("bare engine, secured"), BARE_OPEN("bare engine, open");

    final String label;

    Target(String label) {
      this.label = label;
    }
  }

  /** What a client does, once per iteration. */
  enum Operation {
    /** Bare engine: start the one-task process over REST. */
    START,
    /** OpenPMO: {@code POST /api/v1/projects} as integrationbot with its own Idempotency-Key. */
    SUBMIT,
    /** Claim a task and submit its form over {@code /engine-rest} (a review vote on OpenPMO). */
    COMPLETE,
    /** OpenPMO: {@code POST /api/v1/projects/{code}/status-reports}, each client on its own project. */
    STATUS_REPORT,
    /** Evaluate the {@code projectHealth} decision table over {@code /engine-rest}. */
    EVALUATE
  }

  String name() {
    return target.name().toLowerCase() + "-" + operation.name().toLowerCase().replace('_', '-') + "-c" + concurrency;
  }
}
