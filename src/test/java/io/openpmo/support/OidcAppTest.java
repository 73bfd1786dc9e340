package io.openpmo.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in the oidc profile (no demo users, no passwords) on in-memory H2, served over HTTP,
 * signing people and integrations in through {@link TestIdentityProvider}. Runs in its own test JVM (tag
 * "oidc"); every oidc test extends this class and shares its context.
 *
 * <p>Provider groups mapped onto ours: {@code GRP-Requesters} requesters, {@code GRP-PMO} pmo,
 * {@code GRP-Finance} finance, {@code GRP-Audit} auditors, app role {@code Projects.Submit} integrations,
 * {@code GRP-Admins} camunda-admin, {@code GRP-Monitoring} monitoring. Anything else grants nothing.
 */
@Tag("oidc")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"oidc", "test"})
public abstract class OidcAppTest {

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("OPENPMO_OIDC_ISSUER", TestIdentityProvider::issuer);
    registry.add("OPENPMO_OIDC_CLIENT_ID", () -> TestIdentityProvider.CLIENT_ID);
    registry.add("OPENPMO_OIDC_CLIENT_SECRET", () -> TestIdentityProvider.CLIENT_SECRET);
    registry.add("OPENPMO_OIDC_SCOPES", () -> "openid");
    registry.add("openpmo.oidc.group-mapping[GRP-Requesters]", () -> "requesters");
    registry.add("openpmo.oidc.group-mapping[GRP-PMO]", () -> "pmo");
    registry.add("openpmo.oidc.group-mapping[GRP-Finance]", () -> "finance");
    registry.add("openpmo.oidc.group-mapping[GRP-Audit]", () -> "auditors");
    registry.add("openpmo.oidc.group-mapping[GRP-Admins]", () -> "camunda-admin");
    registry.add("openpmo.oidc.group-mapping[GRP-Monitoring]", () -> "monitoring");
    registry.add("openpmo.oidc.group-mapping[Projects.Submit]", () -> "integrations");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestMail::port);
  }
}
