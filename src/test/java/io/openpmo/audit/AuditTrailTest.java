package io.openpmo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openpmo.audit.verify.AuditKeys;
import io.openpmo.audit.verify.AuditVerifier;
import io.openpmo.audit.verify.Checkpoint;
import io.openpmo.audit.verify.Merkle;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import java.io.StringReader;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log on the embedded H2 default, over HTTP: sealed, provable, exported, append-only, guarded. */
class AuditTrailTest extends AppTest {

  @Autowired AuditTrail auditTrail;
  @Autowired AuditSealer sealer;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  static List<String> hexes(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  static Checkpoint checkpoint(JsonNode json) throws Exception {
    return Http.JSON.treeToValue(json, Checkpoint.class);
  }

  PublicKey publicKey(String keyId) {
    JsonNode keys = http("audrey").get("/api/v1/audit/public-keys").json();
    return StreamSupport.stream(keys.spliterator(), false).filter(key -> key.get("keyId").asText().equals(keyId))
        .map(key -> AuditKeys.publicKey(key.get("publicKey").asText())).findFirst().orElseThrow();
  }

  @Test
  void h2RefusesToChangeEveryTableOfTheLog() {
    AuditEvent event = auditTrail.record("petra", "TEST_H2", null, null, Map.of("k", "v"));
    sealer.sealPending();
    for (String statement : List.of("UPDATE audit_event SET actor = 'mallory'", "DELETE FROM audit_event",
        "UPDATE audit_leaf SET sealed_at = sealed_at", "DELETE FROM audit_leaf",
        "UPDATE audit_tree_node SET hash = hash", "DELETE FROM audit_tree_node",
        "UPDATE audit_checkpoint SET origin = 'x'", "DELETE FROM audit_checkpoint",
        "UPDATE audit_signing_key SET algorithm = 'x'", "DELETE FROM audit_signing_key")) {
      assertThatThrownBy(() -> jdbc.update(statement)).as(statement).isInstanceOf(DataAccessException.class)
          .hasStackTraceContaining("append-only");
    }
    assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, event.id()))
        .isEqualTo("petra");
    assertThat(http("audrey").get("/api/v1/audit/verification").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void anEventIsWrittenWithItsChangeOrNotAtAllAndSealedAfterwards() {
    AuditEvent[] written = new AuditEvent[2];
    transactions.executeWithoutResult(status -> {
      written[0] = auditTrail.record("petra", "TEST_ROLLED_BACK", null, null, Map.of());
      written[1] = auditTrail.recordInNewTransaction("petra", "TEST_REFUSED", null, null, Map.of("why", "refused"));
      status.setRollbackOnly();
    });
    assertThat(written[0].seq()).isNull();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id = ?", Long.class, written[0].id()))
        .as("rolled back with its transaction").isZero();
    assertThat(jdbc.queryForObject("SELECT action FROM audit_event WHERE id = ?", String.class, written[1].id()))
        .as("committed in its own transaction").isEqualTo("TEST_REFUSED");
    long size = sealer.sealPending();
    Long seq = jdbc.queryForObject("SELECT seq FROM audit_leaf WHERE event_id = ?", Long.class, written[1].id());
    assertThat(seq).isBetween(1L, size);
    JsonNode sealed = http("audrey").get("/api/v1/audit/events?afterSeq=" + (seq - 1) + "&limit=1").json().get(0);
    assertThat(sealed.get("id").asLong()).isEqualTo(written[1].id());
    assertThat(sealed.get("details").get("why").asText()).isEqualTo("refused");
    assertThat(sealed.get("leafHash").asText()).isEqualTo(Merkle.hex(written[1].computeLeafHash()));
  }

  @Test
  void everyEventHasAnInclusionProofAndCheckpointsAConsistencyProofThatVerify() throws Exception {
    AuditEvent first = auditTrail.record("petra", "TEST_PROOF", null, null, Map.of("n", 1));
    sealer.sealPending();
    JsonNode kept = http("audrey").get("/api/v1/audit/checkpoints/latest").json();
    for (int i = 0; i < 5; i++) {
      auditTrail.record("petra", "TEST_PROOF", null, null, Map.of("n", i + 2));
    }
    sealer.sealPending();
    Checkpoint older = checkpoint(kept);
    Checkpoint latest = checkpoint(http("audrey").get("/api/v1/audit/checkpoints/latest").json());
    assertThat(latest.treeSize()).isEqualTo(older.treeSize() + 5);
    PublicKey key = publicKey(latest.keyId());
    assertThat(older.signedBy(key)).isTrue();
    assertThat(latest.signedBy(key)).isTrue();

    long seq = jdbc.queryForObject("SELECT seq FROM audit_leaf WHERE event_id = ?", Long.class, first.id());
    JsonNode proof = http("audrey").get("/api/v1/audit/events/" + seq + "/proof").json();
    assertThat(proof.get("treeSize").asLong()).isEqualTo(latest.treeSize());
    assertThat(proof.get("leafIndex").asLong()).isEqualTo(seq - 1);
    assertThat(proof.get("rootHash").asText()).isEqualTo(latest.rootHash());
    assertThat(checkpoint(proof.get("checkpoint"))).isEqualTo(latest);
    assertThat(proof.at("/event/action").asText()).isEqualTo("TEST_PROOF");
    assertThat(Merkle.verifyInclusion(seq - 1, latest.treeSize(), first.computeLeafHash(),
        hexes(proof.get("auditPath")).stream().map(Merkle::unhex).toList(), Merkle.unhex(latest.rootHash()))).isTrue();

    JsonNode atOlder = http("audrey").get("/api/v1/audit/events/" + seq + "/proof?treeSize=" + older.treeSize()).json();
    assertThat(atOlder.get("rootHash").asText()).isEqualTo(older.rootHash());
    assertThat(Merkle.verifyInclusion(seq - 1, older.treeSize(), first.computeLeafHash(),
        hexes(atOlder.get("auditPath")).stream().map(Merkle::unhex).toList(), Merkle.unhex(older.rootHash()))).isTrue();

    JsonNode consistency = http("petra").get("/api/v1/audit/consistency?first=" + older.treeSize()).json();
    assertThat(consistency.get("second").asLong()).isEqualTo(latest.treeSize());
    assertThat(consistency.get("firstRootHash").asText()).isEqualTo(older.rootHash());
    assertThat(consistency.get("secondRootHash").asText()).isEqualTo(latest.rootHash());
    assertThat(Merkle.verifyConsistency(older.treeSize(), latest.treeSize(), Merkle.unhex(older.rootHash()),
        Merkle.unhex(latest.rootHash()), hexes(consistency.get("proof")).stream().map(Merkle::unhex).toList())).isTrue();

    JsonNode checkpoints = http("audrey").get("/api/v1/audit/checkpoints?afterTreeSize=" + (older.treeSize() - 1)
        + "&limit=2").json();
    assertThat(checkpoints).hasSize(2);
    assertThat(checkpoint(checkpoints.get(0))).isEqualTo(older);

    JsonNode verification = http("audrey").get("/api/v1/audit/verification").json();
    assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    assertThat(verification.get("treeSize").asLong()).isGreaterThanOrEqualTo(latest.treeSize());
    assertThat(verification.get("checkpointsChecked").asLong()).isPositive();
    assertThat(verification.has("pending")).isTrue();
  }

  @Test
  void badProofRequestsAreAnsweredInWords() {
    auditTrail.record("petra", "TEST_BAD_PROOF", null, null, Map.of());
    long size = sealer.sealPending();
    Http audrey = http("audrey");
    Http.Response zero = audrey.get("/api/v1/audit/events/0/proof");
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().at("/errors/0/field").asText()).isEqualTo("seq");
    Http.Response beyond = audrey.get("/api/v1/audit/events/" + (size + 1000) + "/proof");
    assertThat(beyond.status()).isEqualTo(404);
    assertThat(beyond.json().get("detail").asText()).contains("not sealed");
    Http.Response tooLarge = audrey.get("/api/v1/audit/events/1/proof?treeSize=" + (size + 1000));
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.json().at("/errors/0/field").asText()).isEqualTo("treeSize");
    Http.Response smallerThanSeq = audrey.get("/api/v1/audit/events/" + size + "/proof?treeSize=1");
    assertThat(smallerThanSeq.status()).as(smallerThanSeq.body()).isEqualTo(size > 1 ? 400 : 200);
    assertThat(audrey.get("/api/v1/audit/consistency?first=0").json().at("/errors/0/field").asText())
        .isEqualTo("first");
    assertThat(audrey.get("/api/v1/audit/consistency?first=2&second=1").status()).isEqualTo(400);
    assertThat(audrey.get("/api/v1/audit/consistency").status()).isEqualTo(400);
    assertThat(audrey.get("/api/v1/audit/consistency?first=abc").status()).isEqualTo(400);
  }

  @Test
  void onlyAuditorsAndThePmoReadTheTrailAndOnlyAuditorsExportIt() {
    auditTrail.record("petra", "TEST_HTTP", null, null, Map.of());
    sealer.sealPending();
    List<String> reads = List.of("/api/v1/audit/events?limit=5", "/api/v1/audit/verification",
        "/api/v1/audit/checkpoints/latest", "/api/v1/audit/checkpoints", "/api/v1/audit/public-keys",
        "/api/v1/audit/events/1/proof", "/api/v1/audit/consistency?first=1");
    for (String path : reads) {
      assertThat(http("audrey").get(path).status()).as("auditor: " + path).isEqualTo(200);
      assertThat(http("petra").get(path).status()).as("PMO: " + path).isEqualTo(200);
      assertThat(http("rita").get(path).status()).as("requester: " + path).isEqualTo(403);
      assertThat(http("integrationbot").get(path).status()).as("integration: " + path).isEqualTo(403);
      assertThat(anonymous().get(path).status()).as("anonymous: " + path).isEqualTo(401);
    }
    assertThat(http("audrey").get("/api/v1/audit/export").status()).isEqualTo(200);
    assertThat(http("petra").get("/api/v1/audit/export").status()).isEqualTo(403);
    assertThat(http("paul").get("/api/v1/audit/export").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/audit/export").status()).isEqualTo(401);
  }

  @Test
  void theExportVerifiesOfflineAndAChangeToItIsNamed() throws Exception {
    AuditEvent event = auditTrail.record("petra", "TEST_EXPORT", null, null, Map.of("amount", 100));
    sealer.sealPending();
    Checkpoint kept = checkpoint(http("audrey").get("/api/v1/audit/checkpoints/latest").json());
    auditTrail.record("petra", "TEST_EXPORT_AFTER", null, null, Map.of());
    sealer.sealPending();

    Http.Response export = http("audrey").get("/api/v1/audit/export");
    assertThat(export.header("Content-Disposition").get(0)).contains("openpmo-audit-export.json");
    AuditVerifier.Report report = AuditVerifier.verify(new StringReader(export.body()), Map.of("kept", kept),
        List.of(publicKey(kept.keyId())));
    assertThat(report.problems()).isEmpty();
    assertThat(report.events()).isEqualTo(export.json().get("treeSize").asLong()).isGreaterThanOrEqualTo(2);

    ObjectNode tampered = (ObjectNode) export.json();
    long seq = jdbc.queryForObject("SELECT seq FROM audit_leaf WHERE event_id = ?", Long.class, event.id());
    ((ObjectNode) tampered.get("events").get((int) seq - 1)).put("details", "{\"amount\":1}");
    AuditVerifier.Report broken = AuditVerifier.verify(new StringReader(tampered.toString()), Map.of("kept", kept),
        List.of());
    assertThat(broken.intact()).isFalse();
    assertThat(broken.problems().get(0))
        .isEqualTo("event seq " + seq + " (id " + event.id() + ") does not match its leaf hash: it was changed");
    assertThat(broken.problems()).anyMatch(p -> p.startsWith("kept checkpoint kept"));
  }
}
