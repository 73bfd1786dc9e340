package io.openpmo.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Corrected comments of applied migrations: a database that applied the earlier text still starts; nothing else does. */
class MigrationHistoryTest {

  static final MigrationHistory.CommentEdit V1 = MigrationHistory.COMMENT_EDITS.get(0);

  static Flyway flyway(String name) {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        "sa", "");
    return Flyway.configure().dataSource(dataSource).table("openpmo_schema_history")
        .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
  }

  static JdbcTemplate jdbc(Flyway flyway) {
    return new JdbcTemplate(flyway.getConfiguration().getDataSource());
  }

  static void recordChecksum(Flyway flyway, int checksum) {
    jdbc(flyway).update("UPDATE \"openpmo_schema_history\" SET \"checksum\" = ? WHERE \"version\" = '1'", checksum);
  }

  @Test
  void theListedChecksumIsTheOneOfTheMigrationAsItReadsNow() {
    Flyway flyway = flyway("migrations_now");
    MigrationHistory.realign(flyway); // an empty database: nothing to realign, nothing fails
    flyway.migrate();
    assertThat(jdbc(flyway).queryForObject("SELECT \"checksum\" FROM \"openpmo_schema_history\""
        + " WHERE \"version\" = '1'", Integer.class)).isEqualTo(V1.corrected());
  }

  @Test
  void aDatabaseThatAppliedTheEarlierTextStarts() {
    Flyway flyway = flyway("migrations_earlier");
    flyway.migrate();
    recordChecksum(flyway, V1.applied());
    assertThatThrownBy(flyway::validate).isInstanceOf(FlywayValidateException.class);

    MigrationHistory.realign(flyway);
    flyway.validate();
    assertThat(jdbc(flyway).queryForObject("SELECT \"checksum\" FROM \"openpmo_schema_history\""
        + " WHERE \"version\" = '1'", Integer.class)).isEqualTo(V1.corrected());
  }

  @Test
  void anyOtherDifferenceStillStopsTheStartUp() {
    Flyway flyway = flyway("migrations_other");
    flyway.migrate();
    recordChecksum(flyway, 42);
    MigrationHistory.realign(flyway);
    assertThatThrownBy(flyway::validate).isInstanceOf(FlywayValidateException.class);
  }
}
