package io.openpmo.audit;

import io.openpmo.audit.verify.Checkpoint;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The tables of the audit log (statements in AuditMapper.xml). */
@Mapper
interface AuditMapper {

  // --- writing events (business transactions: inserts only) ---

  long insert(NewEvent event);

  void enqueue(@Param("eventId") long eventId);

  // --- reading events ---

  List<AuditEvent> findByProject(@Param("projectId") long projectId);

  /** Sealed events after a seq, in seq order, up to maxSeq if given. */
  List<AuditEvent> findSealed(@Param("afterSeq") long afterSeq, @Param("limit") int limit,
      @Param("projectId") Long projectId, @Param("maxSeq") Long maxSeq);

  AuditEvent findBySeq(@Param("seq") long seq);

  // --- sealing ---

  /** The sealer's lock if free (null if another sealer holds it); held until the transaction ends. */
  Integer tryLockSealer();

  /** The sealer's lock, waiting for it. */
  Integer lockSealer();

  long treeSize();

  /** Queued events not yet sealed, oldest first. */
  List<AuditEvent> findPending(@Param("limit") int limit);

  void dequeue(@Param("eventIds") Collection<Long> eventIds);

  void insertLeaves(@Param("leaves") List<Leaf> leaves);

  void insertNodes(@Param("nodes") List<TreeNode> nodes);

  List<TreeNode> findNodes(@Param("refs") Collection<TreeNode> refs);

  List<TreeNode> findNodesOfLevel(@Param("level") int level, @Param("from") long from, @Param("to") long to);

  // --- checkpoints and keys ---

  void insertCheckpoint(CheckpointRow checkpoint);

  CheckpointRow latestCheckpoint();

  CheckpointRow checkpointAt(@Param("treeSize") long treeSize);

  List<CheckpointRow> findCheckpoints(@Param("afterTreeSize") long afterTreeSize, @Param("limit") int limit,
      @Param("maxTreeSize") Long maxTreeSize);

  Long maxCheckpointSize();

  List<SigningKey> findKeys();

  SigningKey findKey(@Param("keyId") String keyId);

  SigningKey findGeneratedKey();

  void insertKey(SigningKey key);

  // --- verification ---

  /** Leaves after a seq up to maxSeq with their stored leaf hash and the event (null fields if it is gone). */
  List<SealedRow> findSealedRows(@Param("afterSeq") long afterSeq, @Param("limit") int limit,
      @Param("maxSeq") long maxSeq);

  long countUnsealed();

  /** The first event that is neither sealed nor queued for sealing, if any. */
  Long firstStrayEvent();

  record NewEvent(OffsetDateTime occurredAt, String actor, String actorSubject, String actorIssuer, String action,
      Long projectId, String projectCode, String details) {

    NewEvent(OffsetDateTime occurredAt, String actor, String action, Long projectId, String projectCode,
        String details) {
      this(occurredAt, actor, null, null, action, projectId, projectCode, details);
    }
  }

  record Leaf(long seq, long eventId, OffsetDateTime sealedAt) {
  }

  record TreeNode(int treeLevel, long nodeIndex, String hash) {
  }

  record SigningKey(String keyId, String algorithm, String publicKey, String privateKey, Integer generatedSlot,
      OffsetDateTime createdAt) {
  }

  record CheckpointRow(long treeSize, String rootHash, String origin, OffsetDateTime signedAt, String keyId,
      String signature) {

    static CheckpointRow of(Checkpoint checkpoint, OffsetDateTime signedAt) {
      return new CheckpointRow(checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.origin(), signedAt,
          checkpoint.keyId(), checkpoint.signature());
    }

    Checkpoint checkpoint() {
      return new Checkpoint(origin, treeSize, rootHash, signedAt.toInstant().toString(), keyId, signature);
    }
  }

  record SealedRow(long seq, long leafEventId, String storedLeafHash, Long id, OffsetDateTime occurredAt,
      String actor, String actorSubject, String actorIssuer, String action, Long projectId, String projectCode,
      String details) {

    AuditEvent event() {
      return new AuditEvent(seq, id, occurredAt, actor, actorSubject, actorIssuer, action, projectId, projectCode,
          details, storedLeafHash);
    }
  }
}
