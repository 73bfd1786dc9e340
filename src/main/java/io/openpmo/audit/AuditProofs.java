package io.openpmo.audit;

import io.openpmo.audit.verify.Checkpoint;
import io.openpmo.audit.verify.Merkle;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Checkpoints and the RFC 9162 proofs that tie events and checkpoints together, read from the stored tree. */
@Component
class AuditProofs {

  private final AuditMapper mapper;
  private final AuditTree tree;

  AuditProofs(AuditMapper mapper, AuditTree tree) {
    this.mapper = mapper;
    this.tree = tree;
  }

  @Transactional(readOnly = true)
  public Checkpoint latestCheckpoint() {
    AuditMapper.CheckpointRow latest = mapper.latestCheckpoint();
    if (latest == null) {
      throw new NotFoundException("No checkpoint yet: nothing has been sealed");
    }
    return latest.checkpoint();
  }

  @Transactional(readOnly = true)
  public List<Checkpoint> checkpoints(long afterTreeSize, int limit) {
    return mapper.findCheckpoints(afterTreeSize, limit, null).stream().map(AuditMapper.CheckpointRow::checkpoint)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<PublicKeyView> publicKeys() {
    return mapper.findKeys().stream().map(key -> new PublicKeyView(key.keyId(), key.algorithm(), key.publicKey(),
        key.generatedSlot() != null, key.createdAt().toInstant().toString())).toList();
  }

  /** The inclusion proof of event {@code seq} in the tree of {@code treeSize} (default: the latest checkpoint). */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public InclusionProof inclusion(long seq, Long treeSize) {
    if (seq < 1) {
      throw new InvalidRequestException("seq", "must be 1 or more");
    }
    AuditEvent event = mapper.findBySeq(seq);
    if (event == null) {
      throw new NotFoundException("Event seq " + seq + " is not sealed (yet): the log has " + tree.size() + " events");
    }
    long size = treeSizeOrLatest(treeSize, "treeSize");
    if (size < seq) {
      throw new InvalidRequestException("treeSize", "must be at least " + seq + ": a tree of " + size
          + " events does not hold event seq " + seq);
    }
    AuditMapper.CheckpointRow checkpoint = mapper.checkpointAt(size);
    return new InclusionProof(seq, seq - 1, size, event.leafHash(),
        tree.inclusionProof(seq - 1, size).stream().map(Merkle::hex).toList(), Merkle.hex(tree.root(size)),
        checkpoint == null ? null : checkpoint.checkpoint(), event);
  }

  /** The consistency proof between the trees of {@code first} and {@code second} (default: the latest checkpoint). */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public ConsistencyProof consistency(long first, Long second) {
    long to = treeSizeOrLatest(second, "second");
    if (first < 1 || first > to) {
      throw new InvalidRequestException("first", "must be between 1 and second (" + to + ")");
    }
    AuditMapper.CheckpointRow firstCheckpoint = mapper.checkpointAt(first);
    AuditMapper.CheckpointRow secondCheckpoint = mapper.checkpointAt(to);
    return new ConsistencyProof(first, to, Merkle.hex(tree.root(first)), Merkle.hex(tree.root(to)),
        tree.consistencyProof(first, to).stream().map(Merkle::hex).toList(),
        firstCheckpoint == null ? null : firstCheckpoint.checkpoint(),
        secondCheckpoint == null ? null : secondCheckpoint.checkpoint());
  }

  private long treeSizeOrLatest(Long requested, String field) {
    long size = tree.size();
    if (requested == null) {
      AuditMapper.CheckpointRow latest = mapper.latestCheckpoint();
      if (latest == null) {
        throw new NotFoundException("No checkpoint yet: nothing has been sealed");
      }
      return latest.treeSize();
    }
    if (requested < 1 || requested > size) {
      throw new InvalidRequestException(field, "must be between 1 and the tree size " + size + " (was " + requested
          + ")");
    }
    return requested;
  }

  /** RFC 9162 2.1.3: the audit path from the leaf (index = seq - 1) up to the root of the tree of treeSize. */
  record InclusionProof(long seq, long leafIndex, long treeSize, String leafHash, List<String> auditPath,
      String rootHash, Checkpoint checkpoint, AuditEvent event) {
  }

  /** RFC 9162 2.1.4: the proof that the tree of {@code second} extends the tree of {@code first}. */
  record ConsistencyProof(long first, long second, String firstRootHash, String secondRootHash, List<String> proof,
      Checkpoint firstCheckpoint, Checkpoint secondCheckpoint) {
  }

  /** A key that signed checkpoints; {@code generated}: made by the application, not configured. */
  record PublicKeyView(String keyId, String algorithm, String publicKey, boolean generated, String createdAt) {
  }
}
