package io.openpmo.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One OpenPMO node: the built boot jar started as a JVM of its own ({@code java -jar}), on the production profile
 * (PostgreSQL) with the demo users, on its own port. It can be stopped as an operator would (SIGTERM) or killed
 * (SIGKILL: no shutdown hook, no graceful anything) and started again.
 */
final class Node {

  /** How long a job locked by a node stays locked: a killed node's jobs are taken over after this. */
  static final Duration JOB_LOCK_TIME = Duration.ofSeconds(15);

  final String name;
  final int port;
  private final Path jar;
  private final Path logDirectory;
  private final Map<String, String> environment;
  private int starts;
  private volatile Process process;

  Node(String name, int port, Path jar, Path logDirectory, Map<String, String> environment) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.logDirectory = logDirectory;
    this.environment = environment;
  }

  /** Starts the JVM; does not wait for it (see {@link #awaitReady}). */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    starts++;
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
        "-jar", jar.toString(),
        "--server.port=" + port,
        // a killed node's jobs are taken over once their lock expires (Camunda's default: 5 minutes)
        "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK_TIME.toMillis(),
        "--camunda.bpm.job-execution.max-wait=3000",
        // a failing mail step is retried every 3 seconds for two minutes before it becomes an incident
        "--camunda.bpm.generic-properties.properties.failed-job-retry-time-cycle=R40/PT3S",
        "--logging.level.root=WARN", "--logging.level.io.openpmo=INFO",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=INFO"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(logDirectory);
      Files.writeString(log(), "\n===== start " + starts + " of " + name + " at " + Instant.now() + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  Path log() {
    return logDirectory.resolve("node-" + name + ".log");
  }

  /** Waits until the node's readiness probe answers UP (the load balancer would send it requests from then on). */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    ClusterClient probe = new ClusterClient(null, null);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " died while starting (exit " + process.exitValue() + "), see "
            + log());
      }
      ClusterClient.Answer answer = probe.get(this, "/actuator/health/readiness");
      if (answer.status() == 200 && answer.body().contains("\"UP\"")) {
        return;
      }
      pause(Duration.ofMillis(500));
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ", see " + log());
  }

  /** SIGKILL: the JVM ends at once, whatever it was doing. */
  void kill() {
    Process running = process;
    running.destroyForcibly();
    waitFor(running);
  }

  /** SIGTERM: graceful shutdown. */
  void stop() {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroy();
      try {
        if (!running.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
          running.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.destroyForcibly();
      }
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  private static void waitFor(Process running) {
    try {
      running.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path jar() {
    File[] jars = new File("target").listFiles((dir, file) -> file.startsWith("openpmo-") && file.endsWith(".jar")
        && !file.endsWith("-plain.jar") && !file.endsWith("-sources.jar"));
    if (jars == null || jars.length == 0) {
      throw new IllegalStateException("No boot jar in target/: the suite runs after `package` (./mvnw verify)");
    }
    return jars[0].toPath().toAbsolutePath();
  }

  @Override
  public String toString() {
    return "node " + name + " (port " + port + ")";
  }
}
