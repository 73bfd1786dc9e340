package io.openpmo.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on in-memory H2, served over real HTTP on a random port, with the demo users
 * and a real SMTP server. Every test of the default test JVM extends this class, so they share one
 * Spring context and one engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class AppTest {

  @LocalServerPort
  protected int port;

  @org.springframework.beans.factory.annotation.Autowired
  protected org.springframework.context.ApplicationContext context;

  /** Drives projects through the processes of this application. */
  protected Journeys journeys() {
    return Journeys.of(context);
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestMail::port);
  }

  protected Http http(String user) {
    return new Http(port, user, "demo");
  }

  protected Http anonymous() {
    return new Http(port, null, null);
  }
}
