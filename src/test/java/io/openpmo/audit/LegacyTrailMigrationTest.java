package io.openpmo.audit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migration of a trail with history on H2 (the demo database). */
class LegacyTrailMigrationTest {

  @Test
  void aChainedTrailMovesIntoTheMerkleLogOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:legacy-trail;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    LegacyTrailMigration.check(h2, "h2");
  }
}
