package io.openpmo.audit.verify;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A signed tree head: the log of {@code origin} had {@code treeSize} leaves with root {@code rootHash}
 * (hex) at {@code timestamp} (ISO-8601 instant, UTC). {@code signature} is the base64 Ed25519 signature
 * of {@link #signedText()} by the key {@code keyId}.
 */
public record Checkpoint(String origin, long treeSize, String rootHash, String timestamp, String keyId,
    String signature) {

  public static final String HEADER = "OpenPMO audit checkpoint v1";

  /** The exact text that is signed: six lines, each ending in a line feed. */
  public String signedText() {
    return signedText(origin, treeSize, rootHash, timestamp, keyId);
  }

  public static String signedText(String origin, long treeSize, String rootHash, String timestamp, String keyId) {
    return HEADER + "\n"
        + "origin " + origin + "\n"
        + "tree_size " + treeSize + "\n"
        + "root_hash " + rootHash + "\n"
        + "timestamp " + timestamp + "\n"
        + "key_id " + keyId + "\n";
  }

  /** Whether the signature is {@code key}'s over the signed text. */
  public boolean signedBy(PublicKey key) {
    try {
      return AuditKeys.verify(key, signedText().getBytes(StandardCharsets.UTF_8),
          Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
