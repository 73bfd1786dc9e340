package io.openpmo.fuzz;

import io.openpmo.support.AppTest;
import io.openpmo.support.PostgresAppTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * The running application the fuzz run talks to: the shared test application of this JVM (Spring's test context
 * cache), on H2 in {@code ./mvnw verify}, on PostgreSQL with {@code -Pfuzz} ({@code -Dfuzz.database=postgres}).
 * jqwik runs beside JUnit Jupiter and has no Spring extension: the context comes from Spring's own
 * {@link TestContextManager}, exactly as for a Jupiter test of the same configuration.
 */
final class FuzzTarget {

  /** Same configuration as every H2 application test: the same cached context. */
  abstract static class OnH2 extends AppTest {
  }

  /** Same configuration as every PostgreSQL application test. */
  abstract static class OnPostgres extends PostgresAppTest {
  }

  static ApplicationContext context() {
    Class<?> configuration = "postgres".equals(System.getProperty("fuzz.database")) ? OnPostgres.class : OnH2.class;
    return new TestContextManager(configuration).getTestContext().getApplicationContext();
  }

  static int port(ApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  private FuzzTarget() {
  }
}
