package io.openpmo.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What is in the database: the row count of every table (ours and the engine's runtime and history tables) and
 * the content of our domain tables, so that a refused request that wrote, changed or deleted anything shows.
 * The engine's meter logs, which its own reporter thread writes, are left out. So is the audit sealer's work, which
 * runs every second whatever the requests do: it moves pending audit records into the sealed log (leaves, tree nodes,
 * checkpoints). What a request could write there shows as the number of audit records, pending and sealed together.
 */
final class Footprint {

  private static final List<String> IGNORED = List.of("act_ru_meter_log", "act_ru_task_meter_log",
      "act_ge_property", "openpmo_schema_history", "act_ge_schema_log", "act_id_info");
  /** The audit log's tables, which the sealer changes on its own; watched as one count of records. */
  private static final List<String> SEALED_LOG = List.of("audit_pending", "audit_leaf", "audit_tree_node",
      "audit_checkpoint");
  private final JdbcTemplate jdbc;
  private final List<String> counted = new ArrayList<>();
  private final List<String> compared = new ArrayList<>();

  Footprint(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE"
        + " lower(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')", String.class);
    for (String table : tables) {
      String name = table.toLowerCase(Locale.ROOT);
      if (IGNORED.contains(name) || SEALED_LOG.contains(name)) {
        continue;
      }
      counted.add(table);
      if (!name.startsWith("act_") && !name.equals("audit_event") && !name.equals("project_document")) {
        compared.add(table);
      }
    }
  }

  /** Row counts of every table and a hash of each domain table's content. */
  Map<String, Object> take() {
    Map<String, Object> footprint = new LinkedHashMap<>();
    for (String table : counted) {
      footprint.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
    }
    footprint.put("audit records (pending and sealed)", jdbc.queryForObject(
        "SELECT (SELECT count(*) FROM audit_pending) + (SELECT count(*) FROM audit_leaf)", Long.class));
    for (String table : compared) {
      List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table);
      footprint.put(table + "#content", rows.stream().mapToInt(row -> Objects.hash(row.values().stream()
          .map(Footprint::text).toArray())).sum());
    }
    return footprint;
  }

  /** A column's value as text; binary content (a document's bytes) by its content, not its identity. */
  private static String text(Object value) {
    return value instanceof byte[] bytes ? java.util.Base64.getEncoder().encodeToString(bytes) : String.valueOf(value);
  }

  /** The tables whose count or content differs, with before and after. */
  static Map<String, String> changes(Map<String, Object> before, Map<String, Object> after) {
    Map<String, String> changes = new LinkedHashMap<>();
    before.forEach((table, value) -> {
      if (!Objects.equals(value, after.get(table))) {
        changes.put(table, value + " -> " + after.get(table));
      }
    });
    return changes;
  }

  int tables() {
    return counted.size();
  }
}
