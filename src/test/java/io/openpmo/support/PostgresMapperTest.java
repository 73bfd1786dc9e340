package io.openpmo.support;

import io.openpmo.core.MyBatisConfiguration;
import io.openpmo.project.ProjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A MyBatis slice (mappers, Flyway, transactions; no engine) on a real PostgreSQL database of its own.
 * Each test method rolls back. {@link #given} writes the rows a test needs first (projects, baselines, ...), in
 * the same transaction. Keep this one Spring context for every subclass: no {@code @Import} or {@code @MockBean}
 * in a subclass.
 */
@Tag("postgres")
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(MyBatisConfiguration.class)
public abstract class PostgresMapperTest {

  @Autowired private ProjectMapper projectMapper;
  @Autowired private JdbcTemplate jdbc;

  /** Prerequisite rows, written in the test's transaction. */
  protected TestRows given;

  @BeforeEach
  void prerequisites() {
    given = new TestRows(projectMapper, jdbc);
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("openpmo_mappers"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
