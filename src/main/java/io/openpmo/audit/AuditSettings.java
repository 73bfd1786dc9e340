package io.openpmo.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log ({@code openpmo.audit.*}): the name of the log in its checkpoints
 * ({@code origin}; never change it once checkpoints exist) and the Ed25519 key pair that signs them
 * ({@code signing-key}, base64 PKCS#8, with {@code public-key}, base64 X.509). Without a key the
 * application generates one at first start and keeps it in the database (demo, tests): production
 * configures its own. How often the sealer runs is {@code openpmo.audit.seal-interval} (read by
 * {@link AuditSealer}).
 */
@ConfigurationProperties(prefix = "openpmo.audit")
public record AuditSettings(String origin, String signingKey, String publicKey) {

  public AuditSettings {
    origin = origin == null || origin.isBlank() ? "openpmo" : origin.strip();
    if (!origin.matches("[\\x21-\\x7e]{1,100}")) {
      throw new IllegalArgumentException("openpmo.audit.origin must be 1 to 100 visible ASCII characters without"
          + " spaces (was " + origin + ")");
    }
    signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey;
    publicKey = publicKey == null || publicKey.isBlank() ? null : publicKey;
    if ((signingKey == null) != (publicKey == null)) {
      throw new IllegalArgumentException("openpmo.audit.signing-key and openpmo.audit.public-key go together:"
          + " set both or neither");
    }
  }
}
