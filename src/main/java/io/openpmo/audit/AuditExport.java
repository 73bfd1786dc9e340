package io.openpmo.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openpmo.audit.verify.AuditVerifier;
import io.openpmo.audit.verify.Checkpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the whole log for an auditor as one JSON document, streamed page by page from one snapshot: format,
 * origin, tree size, the public keys, every checkpoint (by tree size), then every sealed event in seq order
 * with its details as the exact stored text (the leaf covers those bytes). {@code AuditVerifier} checks it.
 */
@Component
class AuditExport {

  private static final int PAGE = 1000;

  private final AuditMapper mapper;
  private final AuditSettings settings;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate snapshot;

  AuditExport(AuditMapper mapper, AuditSettings settings, ObjectMapper json, Clock clock,
      PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  void write(OutputStream out) {
    snapshot.executeWithoutResult(status -> {
      try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
        long treeSize = mapper.treeSize();
        g.writeStartObject();
        g.writeStringField("format", AuditVerifier.EXPORT_FORMAT);
        g.writeStringField("origin", settings.origin());
        g.writeStringField("exportedAt", clock.instant().toString());
        g.writeNumberField("treeSize", treeSize);
        g.writeNumberField("pending", mapper.countUnsealed());
        g.writeArrayFieldStart("publicKeys");
        for (AuditMapper.SigningKey key : mapper.findKeys()) {
          g.writeStartObject();
          g.writeStringField("keyId", key.keyId());
          g.writeStringField("algorithm", key.algorithm());
          g.writeStringField("publicKey", key.publicKey());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("checkpoints");
        for (List<AuditMapper.CheckpointRow> rows = mapper.findCheckpoints(0, PAGE, treeSize); !rows.isEmpty();
            rows = mapper.findCheckpoints(rows.get(rows.size() - 1).treeSize(), PAGE, treeSize)) {
          for (AuditMapper.CheckpointRow row : rows) {
            writeCheckpoint(g, row.checkpoint());
          }
          g.flush();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("events");
        for (List<AuditEvent> events = mapper.findSealed(0, PAGE, null, treeSize); !events.isEmpty();
            events = mapper.findSealed(events.get(events.size() - 1).seq(), PAGE, null, treeSize)) {
          for (AuditEvent event : events) {
            writeEvent(g, event);
          }
          g.flush();
        }
        g.writeEndArray();
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void writeCheckpoint(JsonGenerator g, Checkpoint checkpoint) throws IOException {
    g.writeStartObject();
    g.writeStringField("origin", checkpoint.origin());
    g.writeNumberField("treeSize", checkpoint.treeSize());
    g.writeStringField("rootHash", checkpoint.rootHash());
    g.writeStringField("timestamp", checkpoint.timestamp());
    g.writeStringField("keyId", checkpoint.keyId());
    g.writeStringField("signature", checkpoint.signature());
    g.writeEndObject();
  }

  private static void writeEvent(JsonGenerator g, AuditEvent event) throws IOException {
    g.writeStartObject();
    g.writeNumberField("seq", event.seq());
    g.writeNumberField("id", event.id());
    g.writeStringField("occurredAt", event.occurredAt().toInstant().toString());
    g.writeStringField("actor", event.actor());
    if (event.actorSubject() != null || event.actorIssuer() != null) {
      g.writeStringField("actorSubject", event.actorSubject());
      g.writeStringField("actorIssuer", event.actorIssuer());
    }
    g.writeStringField("action", event.action());
    if (event.projectId() == null) {
      g.writeNullField("projectId");
    } else {
      g.writeNumberField("projectId", event.projectId());
    }
    g.writeStringField("projectCode", event.projectCode());
    g.writeStringField("details", event.details());
    g.writeStringField("leafHash", event.leafHash());
    g.writeEndObject();
  }
}
