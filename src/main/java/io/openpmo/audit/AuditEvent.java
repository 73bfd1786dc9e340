package io.openpmo.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.openpmo.audit.verify.EventLeaf;
import java.time.OffsetDateTime;

/**
 * One entry of the append-only audit trail: who did what, when, to which project, and why. When an identity
 * provider vouched for the actor (OpenID Connect), {@code actorSubject} and {@code actorIssuer} say who it is
 * there, stable across renames; they are null for the engine's own work and for HTTP Basic users. {@code id} is
 * given when the event is written; {@code seq} (its place in the log, 1-based; leaf index = seq - 1) and
 * {@code leafHash} once the sealer has appended it to the Merkle tree (null while pending).
 */
public record AuditEvent(
    Long seq,
    long id,
    OffsetDateTime occurredAt,
    String actor,
    String actorSubject,
    String actorIssuer,
    String action,
    Long projectId,
    String projectCode,
    @JsonRawValue String details,
    String leafHash) {

  /** The leaf hash recomputed from the content (RFC 9162 leaf of {@link EventLeaf}'s canonical bytes). */
  @JsonIgnore
  public byte[] computeLeafHash() {
    return EventLeaf.leafHash(id, occurredAt.toInstant().toString(), actor, actorSubject, actorIssuer, action,
        projectId, projectCode, details);
  }
}
