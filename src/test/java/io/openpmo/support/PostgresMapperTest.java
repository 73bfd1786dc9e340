package io.openpmo.support;

import io.openpmo.core.MyBatisConfiguration;
import org.junit.jupiter.api.Tag;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A MyBatis slice (mappers, Flyway, transactions; no engine) on a real PostgreSQL database of its own.
 * Each test method rolls back.
 */
@Tag("postgres")
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(MyBatisConfiguration.class)
public abstract class PostgresMapperTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("openpmo_mappers"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
