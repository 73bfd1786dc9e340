package io.openpmo.audit;

import io.openpmo.support.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migration of a trail with history on PostgreSQL. */
@Tag("postgres")
class LegacyTrailMigrationPostgresTest {

  @Test
  void aChainedTrailMovesIntoTheMerkleLogOnPostgres() {
    LegacyTrailMigration.check(new DriverManagerDataSource(TestPostgres.jdbcUrl("openpmo_legacy_trail"), "postgres",
        "postgres"), "postgresql");
  }
}
