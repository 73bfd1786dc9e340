package io.openpmo.audit.verify;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canonical bytes of an audit event, the data of its Merkle leaf: a format tag and the fields in a
 * fixed order, each as a 4-byte big-endian length and its UTF-8 bytes (length -1 for null). The time is
 * the ISO-8601 instant in UTC as {@link java.time.Instant#toString()} writes it, and the details are the
 * JSON text exactly as stored. The leaf hash is {@code SHA-256(0x00 || canonical bytes)}.
 * <p>
 * An event whose actor an identity provider vouched for (OpenID Connect) carries the actor's stable subject
 * and the provider's issuer too: its tag is {@link #FORMAT_VOUCHED} and the two fields follow the actor. Events
 * without them keep the first format byte for byte, so older leaves verify as they always did.
 */
public final class EventLeaf {

  public static final String FORMAT = "openpmo.audit.event/1";
  public static final String FORMAT_VOUCHED = "openpmo.audit.event/2";

  private EventLeaf() {
  }

  public static byte[] canonicalBytes(long id, String occurredAt, String actor, String action, Long projectId,
      String projectCode, String details) {
    return canonicalBytes(id, occurredAt, actor, null, null, action, projectId, projectCode, details);
  }

  /** With the actor's subject and issuer; both null gives the bytes of the first format. */
  public static byte[] canonicalBytes(long id, String occurredAt, String actor, String actorSubject,
      String actorIssuer, String action, Long projectId, String projectCode, String details) {
    boolean vouched = actorSubject != null || actorIssuer != null;
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + (details == null ? 0 : details.length()));
    field(out, vouched ? FORMAT_VOUCHED : FORMAT);
    field(out, Long.toString(id));
    field(out, occurredAt);
    field(out, actor);
    if (vouched) {
      field(out, actorSubject);
      field(out, actorIssuer);
    }
    field(out, action);
    field(out, projectId == null ? null : projectId.toString());
    field(out, projectCode);
    field(out, details);
    return out.toByteArray();
  }

  public static byte[] leafHash(long id, String occurredAt, String actor, String action, Long projectId,
      String projectCode, String details) {
    return Merkle.leafHash(canonicalBytes(id, occurredAt, actor, action, projectId, projectCode, details));
  }

  public static byte[] leafHash(long id, String occurredAt, String actor, String actorSubject, String actorIssuer,
      String action, Long projectId, String projectCode, String details) {
    return Merkle.leafHash(canonicalBytes(id, occurredAt, actor, actorSubject, actorIssuer, action, projectId,
        projectCode, details));
  }

  private static void field(ByteArrayOutputStream out, String value) {
    if (value == null) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
