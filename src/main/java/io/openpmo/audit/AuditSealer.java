package io.openpmo.audit;

import io.openpmo.audit.verify.Checkpoint;
import io.openpmo.audit.verify.CompactRange;
import io.openpmo.audit.verify.Merkle;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends committed events to the Merkle tree and signs a checkpoint of each new tree head: every
 * {@code openpmo.audit.seal-interval} (1 s by default) on every node, one node at a time (the row of
 * {@code audit_seal_lock}, taken with SKIP LOCKED: a node that finds it taken skips this run). In one
 * transaction a run takes up to {@value #BATCH} queued events in the order of their ids, gives them the next
 * seq numbers, stores their leaves and the perfect subtrees they complete, removes them from the queue and
 * stores the signed checkpoint. So every sealed event is covered by a signed checkpoint at once.
 */
@Component
public class AuditSealer {

  static final int BATCH = 500;
  private static final int INSERT_CHUNK = 500;
  private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

  private final AuditMapper mapper;
  private final AuditTree tree;
  private final AuditSigner signer;
  private final Clock clock;
  private final TransactionTemplate transaction;

  AuditSealer(AuditMapper mapper, AuditTree tree, AuditSigner signer, Clock clock,
      PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.tree = tree;
    this.signer = signer;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Scheduled(fixedDelayString = "${openpmo.audit.seal-interval:1s}",
      initialDelayString = "${openpmo.audit.seal-interval:1s}")
  void sealOnSchedule() {
    try {
      while (sealBatch(false) == BATCH) {
        // more are waiting
      }
    } catch (RuntimeException e) {
      log.warn("Sealing the audit trail failed; its events stay queued and the next run tries again", e);
    }
  }

  /**
   * Seals every event committed so far, waiting for a sealer that is running elsewhere; returns the tree size.
   * For tests and tools: the schedule does the same on its own.
   */
  public long sealPending() {
    while (sealBatch(true) == BATCH) {
      // more are waiting
    }
    return transaction.execute(status -> mapper.treeSize());
  }

  private int sealBatch(boolean wait) {
    signer.signing();
    Integer sealed = transaction.execute(status -> {
      Integer locked = wait ? mapper.lockSealer() : mapper.tryLockSealer();
      if (locked == null) {
        return 0;
      }
      List<AuditEvent> events = mapper.findPending(BATCH);
      if (events.isEmpty()) {
        return 0;
      }
      OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
          .truncatedTo(ChronoUnit.MICROS);
      CompactRange range = tree.edge(mapper.treeSize());
      List<AuditMapper.Leaf> leaves = new ArrayList<>(events.size());
      List<AuditMapper.TreeNode> nodes = new ArrayList<>(events.size() * 2);
      for (AuditEvent event : events) {
        range.append(event.computeLeafHash(),
            (level, index, hash) -> nodes.add(new AuditMapper.TreeNode(level, index, Merkle.hex(hash))));
        leaves.add(new AuditMapper.Leaf(range.size(), event.id(), now));
      }
      for (int from = 0; from < leaves.size(); from += INSERT_CHUNK) {
        mapper.insertLeaves(leaves.subList(from, Math.min(leaves.size(), from + INSERT_CHUNK)));
      }
      for (int from = 0; from < nodes.size(); from += INSERT_CHUNK) {
        mapper.insertNodes(nodes.subList(from, Math.min(nodes.size(), from + INSERT_CHUNK)));
      }
      mapper.dequeue(events.stream().map(AuditEvent::id).toList());
      Checkpoint checkpoint = signer.sign(range.size(), range.root(), now.toInstant());
      mapper.insertCheckpoint(AuditMapper.CheckpointRow.of(checkpoint, now));
      return events.size();
    });
    return sealed == null ? 0 : sealed;
  }
}
