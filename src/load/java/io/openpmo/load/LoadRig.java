package io.openpmo.load;

import io.openpmo.load.LoadStep.Target;
import io.openpmo.load.bare.BareEngineApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the load benchmark runs against: one embedded PostgreSQL server (zonky, as the tests use it) with a database
 * for each system, OpenPMO started from its boot jar, and the bare engine ({@link BareEngineApp}) twice, open and
 * secured, each as its own JVM with the same heap and connection pool size. With {@code load.nodes} (1) above one,
 * OpenPMO runs as that many nodes of a cluster, each a JVM of its own from the same jar on the same database and
 * environment, started together (they take their turns through the application's start-up lock); the bare engines
 * stay single nodes. Closing stops them all.
 */
final class LoadRig implements AutoCloseable {

  /**
   * OpenPMO on {@code load.port} (28086), the open bare engine on the next port, the secured one on the one after,
   * OpenPMO's further nodes on the ports after those.
   */
  private static final int PORT = Integer.getInteger("load.port", 28086);
  private static final Map<Target, Integer> PORTS = Map.of(Target.OPENPMO, PORT, Target.BARE_OPEN, PORT + 1,
      Target.BARE_SECURED, PORT + 2);
  /** OpenPMO's nodes ({@code load.nodes}, 1): JVMs of the same jar on the same database. */
  static final int NODES = nodesOption();
  /**
   * Further arguments for OpenPMO's nodes (Spring Boot properties such as {@code --camunda.bpm.history-level=audit}),
   * separated by spaces: what-if runs against settings other than the shipped ones; the report names them.
   */
  static final List<String> APP_ARGS = java.util.Arrays.stream(System.getProperty("load.app.args", "").trim()
      .split("\\s+")).filter(arg -> !arg.isEmpty()).toList();
  private static final Map<Target, String> DATABASES = Map.of(Target.OPENPMO, "openpmo", Target.BARE_OPEN,
      "bare_open", Target.BARE_SECURED, "bare_secured");
  static final String JVM_HEAP = "-Xmx2g";

  private final EmbeddedPostgres postgres;
  /** The JVMs of each system: OpenPMO's nodes in order, one for each bare engine. */
  private final Map<Target, List<Process>> processes = new EnumMap<>(Target.class);
  private final Path output;
  private long postmaster;

  private LoadRig(EmbeddedPostgres postgres, Path output) {
    this.postgres = postgres;
    this.output = output;
  }

  /** The (first) node of the system. */
  static String baseUrl(Target target) {
    return baseUrls(target).get(0);
  }

  /** Every node of the system: OpenPMO's {@link #NODES}, one for a bare engine. */
  static List<String> baseUrls(Target target) {
    List<String> urls = new ArrayList<>();
    for (int node = 0; node < nodes(target); node++) {
      urls.add("http://127.0.0.1:" + port(target, node));
    }
    return urls;
  }

  static int nodes(Target target) {
    return target == Target.OPENPMO ? NODES : 1;
  }

  private static int port(Target target, int node) {
    return node == 0 ? PORTS.get(target) : PORT + 2 + node;
  }

  private static int nodesOption() {
    int nodes = Integer.getInteger("load.nodes", 1);
    if (nodes < 1) {
      throw new IllegalArgumentException("-Dload.nodes= must be 1 or more, not " + nodes);
    }
    return nodes;
  }

  /** Starts the database server and the three applications, and waits until each answers. */
  static LoadRig start(Path output, String jar) throws Exception {
    Files.createDirectories(output);
    EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
        .setServerConfig("max_connections", "200")
        .setServerConfig("shared_buffers", "512MB");
    if (StatementStats.ENABLED) {
      server.setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.max", "5000");
    }
    EmbeddedPostgres postgres = server.start();
    LoadRig rig = new LoadRig(postgres, output);
    try {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        for (String database : DATABASES.values()) {
          statement.execute("CREATE DATABASE " + database);
        }
      }
      if (StatementStats.ENABLED) {
        StatementStats.install(postgres.getPostgresDatabase());
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String jdbc = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
      // deep stacks (engine, Spring, servlet filters) are recorded whole by the profiler
      // every node the same environment but its port (profile postgres: the cluster's shared database); started
      // together, the nodes take their turns through the start-up lock and the later ones find everything in place
      for (int node = 0; node < NODES; node++) {
        List<String> command = new ArrayList<>(List.of(java, JVM_HEAP, "-XX:FlightRecorderOptions:stackdepth=512",
            "-jar", jar));
        command.addAll(APP_ARGS);
        rig.launch(Target.OPENPMO, node, command, Map.of(
            "SPRING_PROFILES_ACTIVE", "demo,postgres", "PORT", "" + port(Target.OPENPMO, node),
            "OPENPMO_DB_HOST", "127.0.0.1", "OPENPMO_DB_PORT", "" + postgres.getPort(),
            "OPENPMO_DB_NAME", DATABASES.get(Target.OPENPMO), "OPENPMO_DB_USER", "postgres",
            "OPENPMO_DB_PASSWORD", "postgres", "OPENPMO_DEMO_PORTFOLIO", "false", "OPENPMO_MAIL_DELIVERY", "log"));
      }
      for (Target bare : List.of(Target.BARE_OPEN, Target.BARE_SECURED)) {
        List<String> command = new ArrayList<>(List.of(java, JVM_HEAP, "-cp", System.getProperty("java.class.path"),
            BareEngineApp.class.getName(), "--spring.config.name=bare-engine",
            "--server.port=" + PORTS.get(bare), "--spring.datasource.url=" + jdbc + DATABASES.get(bare),
            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        if (bare == Target.BARE_SECURED) {
          command.add("--spring.profiles.active=secured");
        }
        rig.launch(bare, 0, command, Map.of());
      }
      for (Target target : Target.values()) {
        for (int node = 0; node < nodes(target); node++) {
          rig.awaitReady(target, node, Duration.ofMinutes(12));
        }
      }
      return rig;
    } catch (Exception e) {
      rig.close();
      throw e;
    }
  }

  private void launch(Target target, int node, List<String> command, Map<String, String> environment)
      throws IOException {
    int port = port(target, node);
    try (java.net.ServerSocket free = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      free.getLocalPort();
    } catch (IOException taken) {
      throw new IllegalStateException("Port " + port + " is taken: choose others with -Dload.port=", taken);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log(target, node).toFile());
    builder.environment().putAll(environment);
    processes.computeIfAbsent(target, t -> new ArrayList<>()).add(builder.start());
  }

  /** target/load/openpmo.log, openpmo-node2.log for OpenPMO's second node, bare_open.log, bare_secured.log. */
  Path log(Target target, int node) {
    return output.resolve(target.name().toLowerCase() + (node == 0 ? "" : "-node" + (node + 1)) + ".log");
  }

  private void awaitReady(Target target, int node, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String credentials = target == Target.OPENPMO ? "demo:demo" : BareEngineApp.USER + ":" + BareEngineApp.PASSWORD;
    String what = target + (nodes(target) > 1 ? " node " + (node + 1) : "");
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrls(target).get(node)
            + "/engine-rest/process-definition/count"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            credentials.getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(10)).build();
    Process process = processes.get(target).get(node);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(what + " ended on start (exit " + process.exitValue() + "); see "
            + log(target, node));
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && !response.body().contains("\"count\":0")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(what + " did not start within " + timeout);
  }

  /** The JVM of the system (OpenPMO's first node). */
  long pid(Target target) {
    return processes.get(target).get(0).pid();
  }

  /** The JVMs of all the system's nodes. */
  List<Long> pids(Target target) {
    return processes.get(target).stream().map(Process::pid).toList();
  }

  DataSource database(Target target) {
    return postgres.getDatabase("postgres", DATABASES.get(target));
  }

  DataSource postgres() {
    return postgres.getPostgresDatabase();
  }

  String databaseName(Target target) {
    return DATABASES.get(target);
  }

  /**
   * The process id of the benchmark's PostgreSQL server (the parent of its backends), found once: the parent of a
   * backend looked up while its connection is still open (a closed connection's backend may be gone already).
   */
  synchronized long postmasterPid() {
    if (postmaster == 0) {
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement();
          java.sql.ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
        row.next();
        long backend = row.getLong(1);
        postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
            .orElseThrow(() -> new IllegalStateException("No postmaster above backend " + backend));
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Cannot ask the database server for its process", e);
      }
    }
    return postmaster;
  }

  String postgresVersion() {
    return Preparation.strings(postgres.getPostgresDatabase(), "SHOW server_version").get(0);
  }

  Path output() {
    return output;
  }

  @Override
  public void close() throws IOException {
    List<Process> all = processes.values().stream().flatMap(List::stream).toList();
    all.forEach(Process::destroy);
    for (Process process : all) {
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    postgres.close();
  }
}
