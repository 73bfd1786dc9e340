package io.openpmo.audit;

import io.openpmo.audit.verify.Checkpoint;
import io.openpmo.audit.verify.CompactRange;
import io.openpmo.audit.verify.Merkle;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the stored log from its rows, as of one snapshot: recomputes every leaf from its event, rebuilds the
 * tree and compares every stored subtree, recomputes the root of every stored checkpoint and checks its
 * signature, and looks for events that were never sealed nor queued. Stops at the first problem and names it.
 */
@Component
class AuditVerification {

  private static final int PAGE = 1000;
  private static final int NODE_CHECK_BATCH = 512;

  private final AuditMapper mapper;
  private final AuditSigner signer;

  AuditVerification(AuditMapper mapper, AuditSigner signer) {
    this.mapper = mapper;
    this.signer = signer;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Result verify() {
    long treeSize = mapper.treeSize();
    long pending = mapper.countUnsealed();
    CheckpointRowCursor checkpoints = new CheckpointRowCursor(treeSize);
    Map<String, PublicKey> keys = signer.publicKeys();
    CompactRange range = new CompactRange();
    NodeCheck nodeCheck = new NodeCheck();
    long checkpointsChecked = 0;
    long expected = 1;
    List<AuditMapper.SealedRow> page = mapper.findSealedRows(0, PAGE, treeSize);
    while (!page.isEmpty()) {
      for (AuditMapper.SealedRow row : page) {
        if (row.seq() != expected) {
          return broken(expected - 1, treeSize, checkpointsChecked, pending, expected, null,
              "event seq " + expected + " is missing from the tree: its leaf was removed");
        }
        if (row.id() == null) {
          return broken(expected - 1, treeSize, checkpointsChecked, pending, row.seq(), row.leafEventId(),
              "event seq " + row.seq() + " (id " + row.leafEventId() + ") was removed from the trail");
        }
        AuditEvent event = row.event();
        byte[] leaf = event.computeLeafHash();
        if (row.storedLeafHash() == null) {
          return broken(expected - 1, treeSize, checkpointsChecked, pending, row.seq(), row.id(),
              "the leaf of event seq " + row.seq() + " was removed from the tree");
        }
        if (!Merkle.hex(leaf).equals(row.storedLeafHash())) {
          return broken(expected - 1, treeSize, checkpointsChecked, pending, row.seq(), row.id(),
              "event seq " + row.seq() + " (id " + row.id() + ") was changed after it was sealed");
        }
        range.append(leaf, nodeCheck);
        if (nodeCheck.problem != null) {
          return broken(expected - 1, treeSize, checkpointsChecked, pending, nodeCheck.firstSeq, null, nodeCheck.problem);
        }
        for (Checkpoint checkpoint = checkpoints.at(range.size()); checkpoint != null;
            checkpoint = checkpoints.at(range.size())) {
          String problem = check(checkpoint, range.root(), keys);
          if (problem != null) {
            return broken(expected, treeSize, checkpointsChecked, pending, null, null, problem);
          }
          checkpointsChecked++;
        }
        expected++;
      }
      page = mapper.findSealedRows(page.get(page.size() - 1).seq(), PAGE, treeSize);
    }
    nodeCheck.flush();
    if (nodeCheck.problem != null) {
      return broken(treeSize, treeSize, checkpointsChecked, pending, nodeCheck.firstSeq, null, nodeCheck.problem);
    }
    if (expected - 1 != treeSize) {
      return broken(expected - 1, treeSize, checkpointsChecked, pending, expected, null,
          "event seq " + expected + " is missing from the tree: its leaf was removed");
    }
    Long beyond = mapper.maxCheckpointSize();
    if (beyond != null && beyond > treeSize) {
      return broken(treeSize, treeSize, checkpointsChecked, pending, treeSize + 1, null, "the checkpoint at tree size "
          + beyond + " covers more events than the tree holds (" + treeSize + "): sealed events were removed");
    }
    Long stray = mapper.firstStrayEvent();
    if (stray != null) {
      return broken(treeSize, treeSize, checkpointsChecked, pending, null, stray, "event id " + stray
          + " was neither sealed nor queued for sealing: it was written behind the application's back");
    }
    AuditMapper.CheckpointRow latest = mapper.latestCheckpoint();
    return new Result(true, treeSize, treeSize, checkpointsChecked, pending, null, null, null,
        latest == null ? null : latest.checkpoint());
  }

  private static String check(Checkpoint checkpoint, byte[] root, Map<String, PublicKey> keys) {
    if (!Arrays.equals(Merkle.unhex(checkpoint.rootHash()), root)) {
      return "the checkpoint at tree size " + checkpoint.treeSize() + " does not match the tree: its root hash differs";
    }
    PublicKey key = keys.get(checkpoint.keyId());
    if (key == null) {
      return "the checkpoint at tree size " + checkpoint.treeSize() + " is signed by an unknown key " + checkpoint.keyId();
    }
    if (!checkpoint.signedBy(key)) {
      return "the signature of the checkpoint at tree size " + checkpoint.treeSize() + " does not verify";
    }
    return null;
  }

  private Result broken(long checked, long treeSize, long checkpointsChecked, long pending, Long seq, Long eventId,
      String problem) {
    AuditMapper.CheckpointRow latest = mapper.latestCheckpoint();
    return new Result(false, checked, treeSize, checkpointsChecked, pending, seq, eventId, problem,
        latest == null ? null : latest.checkpoint());
  }

  /** The stored checkpoints up to the tree size, read page by page in order of size. */
  private final class CheckpointRowCursor {
    private final long maxTreeSize;
    private Iterator<AuditMapper.CheckpointRow> page = List.<AuditMapper.CheckpointRow>of().iterator();
    private AuditMapper.CheckpointRow next;
    private long after;
    private boolean exhausted;

    CheckpointRowCursor(long maxTreeSize) {
      this.maxTreeSize = maxTreeSize;
      advance();
    }

    /** The next checkpoint if it is at {@code size}; checkpoints skipped over are no concern (sizes only grow). */
    Checkpoint at(long size) {
      while (next != null && next.treeSize() < size) {
        advance();
      }
      if (next == null || next.treeSize() != size) {
        return null;
      }
      Checkpoint checkpoint = next.checkpoint();
      advance();
      return checkpoint;
    }

    private void advance() {
      if (!page.hasNext() && !exhausted) {
        List<AuditMapper.CheckpointRow> rows = mapper.findCheckpoints(after, PAGE, maxTreeSize);
        exhausted = rows.size() < PAGE;
        page = rows.iterator();
      }
      next = page.hasNext() ? page.next() : null;
      if (next != null) {
        after = next.treeSize();
      }
    }
  }

  /** Compares the subtrees that recomputing completes with the stored ones, a level's batch at a time. */
  private final class NodeCheck implements CompactRange.Sink {
    private final Map<Integer, List<AuditMapper.TreeNode>> computed = new HashMap<>();
    private String problem;
    private Long firstSeq;

    @Override
    public void node(int level, long index, byte[] hash) {
      if (level == 0 || problem != null) {
        return;
      }
      List<AuditMapper.TreeNode> batch = computed.computeIfAbsent(level, l -> new ArrayList<>());
      batch.add(new AuditMapper.TreeNode(level, index, Merkle.hex(hash)));
      if (batch.size() >= NODE_CHECK_BATCH) {
        check(level, batch);
      }
    }

    void flush() {
      computed.forEach((level, batch) -> {
        if (!batch.isEmpty()) {
          check(level, batch);
        }
      });
    }

    private void check(int level, List<AuditMapper.TreeNode> batch) {
      if (problem != null) {
        return;
      }
      Map<Long, String> stored = new HashMap<>();
      mapper.findNodesOfLevel(level, batch.get(0).nodeIndex(), batch.get(batch.size() - 1).nodeIndex())
          .forEach(node -> stored.put(node.nodeIndex(), node.hash()));
      for (AuditMapper.TreeNode node : batch) {
        String hash = stored.get(node.nodeIndex());
        if (!node.hash().equals(hash)) {
          long first = (node.nodeIndex() << level) + 1;
          long last = (node.nodeIndex() + 1) << level;
          firstSeq = first;
          problem = "the tree node over events seq " + first + ".." + last + " (level " + level + ", index "
              + node.nodeIndex() + ") " + (hash == null ? "was removed" : "was changed");
          break;
        }
      }
      batch.clear();
    }
  }

  /**
   * The outcome: {@code intact}, how many events (= leaves) and checkpoints were checked, the tree size,
   * how many events are {@code pending} (committed, not yet sealed: normal for a moment after each write),
   * and for a broken log the first bad event ({@code firstBrokenSeq} and/or {@code firstBrokenEventId}) and
   * what is wrong, in words.
   */
  record Result(boolean intact, long eventsChecked, long treeSize, long checkpointsChecked, long pending,
      Long firstBrokenSeq, Long firstBrokenEventId, String problem, Checkpoint latestCheckpoint) {
  }
}
