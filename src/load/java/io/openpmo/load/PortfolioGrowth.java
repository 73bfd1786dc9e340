package io.openpmo.load;

import io.openpmo.load.LoadStep.Target;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the reports cost as the data grows: the portfolio report, the cycle-time report, a reviewer's task list (as
 * Tasklist asks the engine REST API for it) and a page of {@code GET /api/v1/projects}, each timed one request at a
 * time beside a hand-written SQL statement that does the same work on the same database (rows fetched to the
 * client), first on what the load benchmark left behind, then with a generated portfolio of five years
 * ({@code portfolio-growth.sql}).
 */
final class PortfolioGrowth {

  static final int REPETITIONS = Integer.getInteger("load.growth.repetitions", 15);

  /** One read: over HTTP as a person, and the SQL doing the same work. */
  private record Read(String label, String user, List<String> paths, List<String> sql) {
  }

  /** Median and 90th percentile in milliseconds. */
  private record Timing(double p50, double p90) {
  }

  private final LoadRig rig;
  private final DataSource database;

  PortfolioGrowth(LoadRig rig) {
    this.rig = rig;
    this.database = rig.database(Target.OPENPMO);
  }

  String run(int projects) throws Exception {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    measure(rows);
    long started = System.nanoTime();
    generate(projects);
    double seconds = (System.nanoTime() - started) / 1e9;
    measure(rows, ConcurrencyLoadIT.PROFILE);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "| read | projects | open PMO tasks | API p50 ms"
        + " | API p90 ms | SQL p50 ms | API ÷ SQL |%n|---|---:|---:|---:|---:|---:|---:|%n"));
    rows.values().forEach(lines -> lines.forEach(out::append));
    out.append(String.format(Locale.ROOT, "%n%d projects generated in %.0f s (bulk SQL); %d requests each after 3 of"
        + " warm-up, one at a time. %s%n", projects, seconds, REPETITIONS, LoadReport.machine(rig.postgresVersion())));
    return out.toString();
  }

  private void measure(Map<String, List<String>> rows) throws Exception {
    measure(rows, false);
  }

  private void measure(Map<String, List<String>> rows, boolean profile) throws Exception {
    long projects = count("SELECT count(*) FROM project");
    long openTasks = count("SELECT count(*) FROM act_ru_task t WHERE EXISTS (SELECT 1 FROM act_ru_identitylink l"
        + " WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ = 'pmo')");
    int index = 0;
    for (Read read : reads(projects)) {
      String name = "growth-" + (++index) + "-" + projects;
      if (profile) {
        ConcurrencyLoadIT.startRecording(rig, Target.OPENPMO, name);
      }
      Timing api = time(() -> {
        Rest person = new Rest(LoadRig.baseUrl(Target.OPENPMO), read.user(), "demo");
        for (String path : read.paths()) {
          person.get(path).expect(200);
        }
      });
      if (profile) {
        ConcurrencyLoadIT.stopRecording(rig, Target.OPENPMO, name, read.label());
      }
      Timing sql = time(() -> {
        for (String statement : read.sql()) {
          query(statement);
        }
      });
      rows.computeIfAbsent(read.label(), k -> new ArrayList<>()).add(String.format(Locale.ROOT,
          "| %s | %d | %d | %.1f | %.1f | %.1f | %.2f |%n", read.label(), projects, openTasks, api.p50(), api.p90(),
          sql.p50(), api.p50() / Math.max(0.1, sql.p50())));
    }
  }

  private static List<Read> reads(long projects) {
    LocalDate today = LocalDate.now();
    String from = today.minusMonths(12).toString();
    String to = today.toString();
    long page = Math.max(0, projects / 20 / 2);
    return List.of(
        new Read("portfolio report", "petra", List.of("/api/v1/reports/portfolio"), List.of("""
            SELECT p.code, p.title, p.status, p.phase, p.priority_class, p.risk_tier, p.health, p.budget,
              b.budget_at_completion, s.actual_cost, s.planned_value, s.earned_value, s.cpi, s.spi,
              p.project_manager, p.sponsor, p.process_instance_id, p.missed_reports
            FROM project p LEFT JOIN baseline b ON b.id = p.current_baseline_id
            LEFT JOIN LATERAL (SELECT r.actual_cost, r.planned_value, r.earned_value, r.cpi, r.spi FROM status_report r
              WHERE r.project_id = p.id ORDER BY r.report_date DESC, r.id DESC LIMIT 1) s ON true
            WHERE p.status NOT IN ('REJECTED', 'WITHDRAWN') ORDER BY p.code""", """
            SELECT status, phase, priority_class, risk_tier, health, count(*), sum(budget) FROM project
            WHERE status NOT IN ('REJECTED', 'WITHDRAWN')
            GROUP BY GROUPING SETS ((status), (phase), (priority_class), (risk_tier), (health))""", """
            SELECT business_key_, id_, proc_def_key_ FROM act_hi_procinst WHERE end_time_ IS NULL
              AND proc_def_key_ IN ('projectLifecycle', 'projectClosure', 'projectInitiation')""", """
            SELECT t.id_, t.name_, t.due_date_, t.proc_inst_id_, l.group_id_ FROM act_ru_task t
            LEFT JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate'
            WHERE t.due_date_ < now() ORDER BY t.due_date_""")),
        new Read("cycle-time report (12 months)", "petra",
            List.of("/api/v1/reports/cycle-times?from=" + from + "&to=" + to), List.of("""
            SELECT coalesce(v.text_, 'G0'), count(*),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.end_time_ - p.start_time_)),
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM p.end_time_ - p.start_time_))
            FROM act_hi_procinst p LEFT JOIN act_hi_varinst v ON v.proc_inst_id_ = p.id_ AND v.name_ = 'gate'
            WHERE p.proc_def_key_ IN ('projectInitiation', 'stageGateReview') AND p.end_time_ >= '%s'
              AND p.end_time_ < '%s'::date + 1 GROUP BY 1""".formatted(from, to), """
            SELECT l.group_id_, count(*),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.end_time_ - t.start_time_)),
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.end_time_ - t.start_time_))
            FROM act_hi_taskinst t JOIN act_hi_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate'
            WHERE t.delete_reason_ = 'completed' AND t.end_time_ >= '%s' AND t.end_time_ < '%s'::date + 1
            GROUP BY 1""".formatted(from, to), """
            SELECT t.id_, t.name_, t.create_time_, l.group_id_, p.business_key_ FROM act_ru_task t
            JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate'
            JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_ ORDER BY t.create_time_ LIMIT 10""")),
        new Read("reviewer's task list (Tasklist: 15 newest of the group, and the count)", "petra", List.of(
            "/engine-rest/task?candidateGroup=pmo&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15",
            "/engine-rest/task/count?candidateGroup=pmo"), List.of("""
            SELECT t.* FROM act_ru_task t WHERE EXISTS (SELECT 1 FROM act_ru_identitylink l WHERE l.task_id_ = t.id_
              AND l.type_ = 'candidate' AND l.group_id_ = 'pmo') ORDER BY t.create_time_ DESC LIMIT 15""", """
            SELECT count(*) FROM act_ru_task t WHERE EXISTS (SELECT 1 FROM act_ru_identitylink l
              WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate' AND l.group_id_ = 'pmo')""")),
        new Read("GET /api/v1/projects, a page of 20 half-way through", "petra",
            List.of("/api/v1/projects?page=" + page + "&size=20"), List.of("""
            SELECT * FROM project ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET %d""".formatted(page * 20),
            "SELECT count(*) FROM project")));
  }

  private interface Work {
    void run() throws Exception;
  }

  private static Timing time(Work work) throws Exception {
    for (int i = 0; i < 3; i++) {
      work.run();
    }
    double[] millis = new double[REPETITIONS];
    for (int i = 0; i < REPETITIONS; i++) {
      long start = System.nanoTime();
      work.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return new Timing(millis[REPETITIONS / 2], millis[(int) Math.ceil(REPETITIONS * 0.9) - 1]);
  }

  private void query(String sql) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int c = 1; c <= columns; c++) {
          rows.getObject(c);
        }
      }
    }
  }

  private long count(String sql) {
    return Long.parseLong(Preparation.strings(database, sql).get(0));
  }

  /** Runs portfolio-growth.sql in one transaction, then waits for the audit sealer and refreshes the statistics. */
  private void generate(int projects) throws Exception {
    String script;
    try (InputStream in = PortfolioGrowth.class.getResourceAsStream("/portfolio-growth.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    script = script.replaceAll(":n\\b", Integer.toString(projects))
        .replace(":offset", Long.toString(count("SELECT count(*) FROM project")))
        .replace(":initiation", "'" + definition("projectInitiation") + "'")
        .replace(":gate", "'" + definition("stageGateReview") + "'")
        .replace(":lifecycle", "'" + definition("projectLifecycle") + "'");
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
      connection.commit();
    }
    long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000;
    while (count("SELECT count(*) FROM audit_pending") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2000);
    }
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE");
    }
  }

  private String definition(String key) {
    return Preparation.strings(database, "SELECT id_ FROM act_re_procdef WHERE key_ = '" + key
        + "' ORDER BY version_ DESC LIMIT 1").get(0);
  }
}
