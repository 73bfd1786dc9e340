package io.openpmo.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL with the production profile ({@code postgres}), served
 * over HTTP, as if behind TLS ({@code openpmo.security.https=true}). Runs in its own test JVM
 * (tag "postgres"); every PostgreSQL application test extends this class and shares its context.
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres"})
public abstract class PostgresAppTest {

  @LocalServerPort
  protected int port;

  @org.springframework.beans.factory.annotation.Autowired
  protected org.springframework.context.ApplicationContext context;

  /** Drives projects through the processes of this application. */
  protected Journeys journeys() {
    return Journeys.of(context);
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl("openpmo"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestMail::port);
    registry.add("openpmo.security.https", () -> "true");
  }

  protected Http http(String user) {
    return new Http(port, user, "demo");
  }
}
