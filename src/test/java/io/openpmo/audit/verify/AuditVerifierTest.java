package io.openpmo.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier on exports written here exactly as the server writes them: an intact export passes,
 * and every kind of tampering with it fails with a sentence that says where.
 */
class AuditVerifierTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ORIGIN = "openpmo-test";

  /** A log being written: events, checkpoints signed after some of them, the export of it all. */
  static final class Log {
    final KeyPair key;
    final List<ObjectNode> events = new ArrayList<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    final CompactRange tree = new CompactRange();

    Log(KeyPair key) {
      this.key = key;
    }

    Log add(int count) {
      for (int i = 0; i < count; i++) {
        long id = events.size() + 100;
        ObjectNode event = JSON.createObjectNode();
        event.put("seq", events.size() + 1);
        event.put("id", id);
        event.put("occurredAt", Instant.parse("2026-03-01T10:00:00Z").plusSeconds(id * 61).plusNanos(id * 1000)
            .toString());
        event.put("actor", id % 3 == 0 ? "petra" : "rita");
        event.put("action", "TEST_" + id);
        if (id % 4 == 0) {
          event.putNull("projectId");
          event.putNull("projectCode");
        } else {
          event.put("projectId", id % 5);
          event.put("projectCode", "PRJ-2026-000" + id % 5);
        }
        event.put("details", "{\"amount\":" + id * 1000 + ",\"note\":\"é ✓ \\\"quoted\\\"\"}");
        byte[] leaf = leaf(event);
        event.put("leafHash", Merkle.hex(leaf));
        tree.append(leaf, (level, index, hash) -> { });
        events.add(event);
      }
      return this;
    }

    Log checkpoint() {
      checkpoints.add(sign(key, tree.size(), tree.root()));
      return this;
    }

    ObjectNode export() {
      ObjectNode export = JSON.createObjectNode();
      export.put("format", AuditVerifier.EXPORT_FORMAT);
      export.put("origin", ORIGIN);
      export.put("exportedAt", "2026-03-02T00:00:00Z");
      export.put("treeSize", events.size());
      export.put("pending", 0);
      ObjectNode publicKey = export.putArray("publicKeys").addObject();
      publicKey.put("keyId", AuditKeys.keyId(key.getPublic()));
      publicKey.put("algorithm", "Ed25519");
      publicKey.put("publicKey", AuditKeys.encode(key.getPublic()));
      ArrayNode array = export.putArray("checkpoints");
      checkpoints.forEach(checkpoint -> array.add(JSON.valueToTree(checkpoint)));
      ArrayNode eventArray = export.putArray("events");
      events.forEach(event -> eventArray.add(event.deepCopy()));
      return export;
    }
  }

  static byte[] leaf(JsonNode event) {
    return EventLeaf.leafHash(event.get("id").asLong(), event.get("occurredAt").asText(), event.get("actor").asText(),
        event.get("action").asText(), event.get("projectId").isNull() ? null : event.get("projectId").asLong(),
        event.get("projectCode").isNull() ? null : event.get("projectCode").asText(), event.get("details").asText());
  }

  static Checkpoint sign(KeyPair key, long size, byte[] root) {
    String keyId = AuditKeys.keyId(key.getPublic());
    String timestamp = Instant.parse("2026-03-01T12:00:00Z").plusSeconds(size).toString();
    String text = Checkpoint.signedText(ORIGIN, size, Merkle.hex(root), timestamp, keyId);
    return new Checkpoint(ORIGIN, size, Merkle.hex(root), timestamp, keyId, Base64.getEncoder().encodeToString(
        AuditKeys.sign(key.getPrivate(), text.getBytes(StandardCharsets.UTF_8))));
  }

  static AuditVerifier.Report verify(JsonNode export, Map<String, Checkpoint> kept, List<PublicKey> pinned)
      throws IOException {
    return AuditVerifier.verify(new StringReader(JSON.writeValueAsString(export)), kept, pinned);
  }

  static AuditVerifier.Report verify(JsonNode export) throws IOException {
    return verify(export, Map.of(), List.of());
  }

  static ArrayNode events(JsonNode export) {
    return (ArrayNode) export.get("events");
  }

  static void recomputeLeafHash(ObjectNode event) {
    event.put("leafHash", Merkle.hex(leaf(event)));
  }

  KeyPair key;
  Log log;
  Checkpoint keptAtSeven;

  @BeforeEach
  void writeALog() {
    key = AuditKeys.generate();
    log = new Log(key).add(3).checkpoint().add(4).checkpoint();
    keptAtSeven = log.checkpoints.get(1);
    log.add(3).checkpoint().add(2).checkpoint();
  }

  @Test
  void anIntactExportPassesWithItsKeysWithAPinnedKeyAndWithKeptCheckpoints() throws IOException {
    AuditVerifier.Report report = verify(log.export(), Map.of("kept-7.json", keptAtSeven), List.of(key.getPublic()));
    assertThat(report.problems()).isEmpty();
    assertThat(report.intact()).isTrue();
    assertThat(report.events()).isEqualTo(12);
    assertThat(report.checkpoints()).isEqualTo(4);
    assertThat(report.keptCheckpoints()).isEqualTo(1);
    assertThat(verify(log.export()).intact()).isTrue();
  }

  @Nested
  class TamperedEvents {

    @Test
    void aChangedEventIsNamedByItsLeafHash() throws IOException {
      ObjectNode export = log.export();
      ((ObjectNode) events(export).get(4)).put("details", "{\"amount\":1}");
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems().get(0)).isEqualTo("event seq 5 (id 104) does not match its leaf hash: it was changed");
      assertThat(report.problems()).anyMatch(p -> p.contains("checkpoint at tree size 7")
          && p.contains("among seq 4..7 was changed, removed, inserted or reordered"));
    }

    @Test
    void aChangedEventWithARecomputedLeafHashIsCaughtByTheSignedCheckpoints() throws IOException {
      ObjectNode export = log.export();
      ObjectNode event = (ObjectNode) events(export).get(8);
      event.put("actor", "mallory");
      recomputeLeafHash(event);
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems().get(0)).startsWith("checkpoint at tree size 10 (")
          .endsWith("does not match the exported events: an event among seq 8..10 was changed, removed, inserted"
              + " or reordered");
      assertThat(report.problems()).contains("1 later checkpoints do not match the exported events either");
    }

    @Test
    void aRemovedEventIsNamed() throws IOException {
      ObjectNode export = log.export();
      events(export).remove(5);
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems().get(0)).isEqualTo("event seq 7 (id 106) is where seq 6 should be: events before it were removed or moved");
    }

    @Test
    void aRemovedEventWithRenumberedSuccessorsIsCaughtByTheCheckpoints() throws IOException {
      ObjectNode export = log.export();
      events(export).remove(5);
      for (int i = 5; i < events(export).size(); i++) {
        ((ObjectNode) events(export).get(i)).put("seq", i + 1);
      }
      export.put("treeSize", 11);
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems()).anyMatch(p -> p.contains("checkpoint at tree size 7") && p.contains("4..7"));
      assertThat(report.problems()).anyMatch(p -> p.contains("covers 12 events but the export holds 11"));
    }

    @Test
    void reorderedEventsAreNamed() throws IOException {
      ObjectNode export = log.export();
      JsonNode third = events(export).get(2);
      events(export).set(2, events(export).get(3));
      events(export).set(3, third);
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems().get(0)).isEqualTo("event seq 4 (id 103) is where seq 3 should be: events before it were removed or moved");
      assertThat(report.problems()).anyMatch(p -> p.contains("checkpoint at tree size 3") && p.contains("1..3"));
    }

    @Test
    void reorderedAndRenumberedEventsAreCaughtByTheCheckpoints() throws IOException {
      ObjectNode export = log.export();
      ObjectNode third = (ObjectNode) events(export).get(2);
      ObjectNode fourth = (ObjectNode) events(export).get(3);
      third.put("seq", 4);
      fourth.put("seq", 3);
      events(export).set(2, fourth);
      events(export).set(3, third);
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems().get(0)).contains("checkpoint at tree size 3").contains("among seq 1..3");
    }

    @Test
    void anInsertedEventIsNamed() throws IOException {
      ObjectNode export = log.export();
      ObjectNode forged = events(export).get(6).deepCopy();
      forged.put("id", 999);
      forged.put("action", "FORGED");
      recomputeLeafHash(forged);
      events(export).insert(7, forged);
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems().get(0))
          .isEqualTo("event seq 7 (id 999) is where seq 8 should be: an event was inserted, repeated or moved");
    }

    @Test
    void anEventAppendedWithoutACheckpointIsNamed() throws IOException {
      ObjectNode export = log.export();
      ObjectNode forged = events(export).get(11).deepCopy();
      forged.put("seq", 13);
      forged.put("id", 999);
      recomputeLeafHash(forged);
      events(export).add(forged);
      export.put("treeSize", 13);
      AuditVerifier.Report report = verify(export);
      assertThat(report.intact()).isFalse();
      assertThat(report.problems()).containsExactly("events seq 13..13 are not covered by any signed checkpoint: they"
          + " were added behind the log's back, or checkpoints were removed");
    }

    @Test
    void droppingTheLastEventsAndTheirCheckpointIsCaughtByAKeptCheckpoint() throws IOException {
      Checkpoint keptAtTwelve = log.checkpoints.get(3);
      ObjectNode export = log.export();
      events(export).remove(11);
      events(export).remove(10);
      ((ArrayNode) export.get("checkpoints")).remove(3);
      export.put("treeSize", 10);
      assertThat(verify(export).intact()).as("without what the auditor kept, a cut-off tail looks complete").isTrue();
      AuditVerifier.Report report = verify(export, Map.of("kept-12.json", keptAtTwelve), List.of());
      assertThat(report.intact()).isFalse();
      assertThat(report.problems()).containsExactly("kept checkpoint kept-12.json covers 12 events but the export holds"
          + " 10: events were removed");
    }
  }

  @Nested
  class RewrittenHistory {

    /** The same log rewritten from event 5 on, re-signed: consistent in itself, but not with what was kept. */
    ObjectNode rewritten(KeyPair signer) {
      Log forged = new Log(signer).add(3).checkpoint().add(9);
      ObjectNode changed = forged.events.get(5);
      changed.put("details", "{\"amount\":0}");
      recomputeLeafHash(changed);
      CompactRange tree = new CompactRange();
      forged.events.forEach(event -> tree.append(Merkle.unhex(event.get("leafHash").asText()), (l, i, h) -> { }));
      forged.checkpoints.add(sign(signer, 12, tree.root()));
      return forged.export();
    }

    @Test
    void aHistoryRewrittenWithTheSameKeyFailsAgainstACheckpointTheAuditorKept() throws IOException {
      ObjectNode export = rewritten(key);
      assertThat(verify(export).intact()).as("in itself the rewritten export is consistent").isTrue();
      AuditVerifier.Report report = verify(export, Map.of("kept-7.json", keptAtSeven), List.of(key.getPublic()));
      assertThat(report.intact()).isFalse();
      assertThat(report.problems()).singleElement().asString().startsWith("kept checkpoint kept-7.json (tree size 7, ")
          .endsWith("does not match the export: the history up to seq 7 was rewritten after it was kept");
    }

    @Test
    void aHistoryRewrittenWithANewKeyFailsAgainstThePinnedKey() throws IOException {
      KeyPair mallory = AuditKeys.generate();
      ObjectNode export = rewritten(mallory);
      assertThat(verify(export).intact()).isTrue();
      AuditVerifier.Report report = verify(export, Map.of(), List.of(key.getPublic()));
      assertThat(report.intact()).isFalse();
      assertThat(report.problems()).hasSize(2).allMatch(p -> p.contains("is signed by key "
          + AuditKeys.keyId(mallory.getPublic()) + ", which is not a trusted key"));
      AuditVerifier.Report kept = verify(export, Map.of("kept-7.json", keptAtSeven), List.of());
      assertThat(kept.problems()).contains("kept checkpoint kept-7.json is signed by key " + keptAtSeven.keyId()
          + ", which the export does not contain");
    }

    @Test
    void aForgedSignatureOrAChangedCheckpointFails() throws IOException {
      ObjectNode export = log.export();
      ObjectNode checkpoint = (ObjectNode) export.get("checkpoints").get(1);
      checkpoint.put("timestamp", "2030-01-01T00:00:00Z");
      AuditVerifier.Report report = verify(export);
      assertThat(report.problems()).singleElement().asString().startsWith("checkpoint at tree size 7 (2030-01-01T00:00:00Z)")
          .endsWith("has a signature that does not verify with key " + AuditKeys.keyId(key.getPublic()));
    }

    @Test
    void aCheckpointOfAnotherLogFails() throws IOException {
      Checkpoint foreign = new Checkpoint("elsewhere", keptAtSeven.treeSize(), keptAtSeven.rootHash(),
          keptAtSeven.timestamp(), keptAtSeven.keyId(), keptAtSeven.signature());
      AuditVerifier.Report report = verify(log.export(), Map.of("foreign.json", foreign), List.of());
      assertThat(report.problems()).contains("kept checkpoint foreign.json belongs to the log 'elsewhere', not to '"
          + ORIGIN + "'");
    }
  }

  @Test
  void whatIsNotAnExportIsNotReadable() {
    assertThatThrownBy(() -> AuditVerifier.verify(new StringReader("{\"format\":\"other\"}"), Map.of(), List.of()))
        .isInstanceOf(IOException.class).hasMessageContaining("not an OpenPMO audit export");
    assertThatThrownBy(() -> AuditVerifier.verify(new StringReader("{\"format\": \"" + AuditVerifier.EXPORT_FORMAT
        + "\", \"events\": ["), Map.of(), List.of())).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> AuditVerifier.verify(new StringReader("[1, 2"), Map.of(), List.of()))
        .isInstanceOf(IOException.class).hasMessageContaining("Not valid JSON");
  }

  /** The verifier runs with plain java and nothing but the compiled classes: no Spring, no Jackson. */
  @Test
  void theCommandLineRunsOnTheJdkAloneAndExitsByTheResult(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export.json");
    Path kept = dir.resolve("kept.json");
    Files.writeString(export, JSON.writeValueAsString(log.export()));
    Files.writeString(kept, JSON.writeValueAsString(keptAtSeven));
    String keyFile = dir.resolve("key.txt").toString();
    Files.writeString(Path.of(keyFile), AuditKeys.encode(key.getPublic()));

    Result intact = run("--key", "@" + keyFile, export.toString(), kept.toString());
    assertThat(intact.exit()).as(intact.output()).isZero();
    assertThat(intact.output()).contains("12 events, 4 signed checkpoints, 1 kept checkpoints").contains("INTACT");

    ObjectNode tampered = log.export();
    ((ObjectNode) events(tampered).get(1)).put("action", "CHANGED");
    Files.writeString(export, JSON.writeValueAsString(tampered));
    Result broken = run(export.toString(), kept.toString());
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.output()).contains("NOT INTACT").contains("event seq 2 (id 101) does not match its leaf hash");

    assertThat(run().exit()).isEqualTo(2);
    Files.writeString(export, "not json");
    assertThat(run(export.toString()).exit()).isEqualTo(2);
  }

  record Result(int exit, String output) {
  }

  static Result run(String... args) throws Exception {
    Path classes = Path.of(AuditVerifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes.toString(), AuditVerifier.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  @Test
  void keptCheckpointFilesAreReadAsTheApiWritesThem() throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("origin", ORIGIN);
    json.put("treeSize", 7);
    json.put("rootHash", keptAtSeven.rootHash());
    json.put("timestamp", keptAtSeven.timestamp());
    json.put("keyId", keptAtSeven.keyId());
    json.put("signature", keptAtSeven.signature());
    assertThat(AuditVerifier.readCheckpoint(new StringReader(JSON.writeValueAsString(json)))).isEqualTo(keptAtSeven);
    assertThat(keptAtSeven.signedBy(key.getPublic())).isTrue();
    assertThat(keptAtSeven.signedText()).isEqualTo("OpenPMO audit checkpoint v1\norigin " + ORIGIN
        + "\ntree_size 7\nroot_hash " + keptAtSeven.rootHash() + "\ntimestamp " + keptAtSeven.timestamp() + "\nkey_id "
        + keptAtSeven.keyId() + "\n");
  }
}
