package io.openpmo.audit;

import io.openpmo.audit.verify.CompactRange;
import io.openpmo.audit.verify.Merkle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The Merkle tree as stored in {@code audit_tree_node}: tree heads, proofs and the right edge for appending,
 * each from the O(log n) perfect subtrees it needs, fetched in one query. The RFC 9162 algorithms run twice:
 * once to learn which subtrees they read, once on the fetched hashes.
 */
@Component
class AuditTree {

  private static final byte[] PLACEHOLDER = new byte[Merkle.HASH_LENGTH];
  private static final int FETCH_CHUNK = 200;

  private final AuditMapper mapper;

  AuditTree(AuditMapper mapper) {
    this.mapper = mapper;
  }

  long size() {
    return mapper.treeSize();
  }

  byte[] root(long size) {
    return run(nodes -> Merkle.root(size, nodes));
  }

  List<byte[]> inclusionProof(long leafIndex, long size) {
    return run(nodes -> Merkle.inclusionProof(leafIndex, size, nodes));
  }

  List<byte[]> consistencyProof(long first, long second) {
    return run(nodes -> Merkle.consistencyProof(first, second, nodes));
  }

  /** The right edge of the tree of {@code size} leaves, to append to it. */
  CompactRange edge(long size) {
    return run(nodes -> CompactRange.of(size, nodes));
  }

  private <T> T run(Function<Merkle.Nodes, T> algorithm) {
    Set<AuditMapper.TreeNode> wanted = new LinkedHashSet<>();
    algorithm.apply((level, index) -> {
      wanted.add(new AuditMapper.TreeNode(level, index, null));
      return PLACEHOLDER;
    });
    Map<AuditMapper.TreeNode, byte[]> found = fetch(wanted);
    return algorithm.apply((level, index) -> {
      byte[] hash = found.get(new AuditMapper.TreeNode(level, index, null));
      if (hash == null) {
        throw new IllegalStateException("The audit tree lacks its node at level " + level + ", index " + index
            + ": the log is damaged; run GET /api/v1/audit/verification");
      }
      return hash;
    });
  }

  private Map<AuditMapper.TreeNode, byte[]> fetch(Set<AuditMapper.TreeNode> wanted) {
    Map<AuditMapper.TreeNode, byte[]> found = new HashMap<>();
    List<AuditMapper.TreeNode> refs = new ArrayList<>(wanted);
    for (int from = 0; from < refs.size(); from += FETCH_CHUNK) {
      for (AuditMapper.TreeNode node : mapper.findNodes(refs.subList(from, Math.min(refs.size(), from + FETCH_CHUNK)))) {
        found.put(new AuditMapper.TreeNode(node.treeLevel(), node.nodeIndex(), null), Merkle.unhex(node.hash()));
      }
    }
    return found;
  }
}
