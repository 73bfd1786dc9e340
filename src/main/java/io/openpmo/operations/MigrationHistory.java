package io.openpmo.operations;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway's migrations, run as Spring Boot would, after one narrow bookkeeping step: a migration whose comments
 * were corrected after it was applied keeps its SQL, but Flyway's checksum covers every line, so a database that
 * applied the earlier text would refuse to start. For each such edit listed here, the recorded checksum of exactly
 * that version is moved from the text it applied to the corrected one, and only when it matches the applied text;
 * any other difference still stops the start-up, as Flyway's validation means it to.
 */
@Configuration
class MigrationHistory {

  /** A migration whose comments changed after release: its version, the checksum applied, the checksum now. */
  record CommentEdit(String version, int applied, int corrected) {
  }

  /** V1's first comment named a document outside the repository; it now names docs/policy.md. */
  static final List<CommentEdit> COMMENT_EDITS = List.of(new CommentEdit("1", -68483016, 1865940066));

  @Bean
  FlywayMigrationStrategy migrateAfterCommentEdits() {
    return flyway -> {
      realign(flyway);
      flyway.migrate();
    };
  }

  static void realign(Flyway flyway) {
    JdbcTemplate jdbc = new JdbcTemplate(flyway.getConfiguration().getDataSource());
    String table = "\"" + flyway.getConfiguration().getTable() + "\"";
    Integer tables = jdbc.queryForObject("SELECT count(*) FROM information_schema.tables"
        + " WHERE lower(table_name) = lower(?)", Integer.class, flyway.getConfiguration().getTable());
    if (tables == null || tables == 0) {
      return; // an empty database: Flyway applies the corrected text
    }
    for (CommentEdit edit : COMMENT_EDITS) {
      jdbc.update("UPDATE " + table + " SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?",
          edit.corrected(), edit.version(), edit.applied());
    }
  }
}
