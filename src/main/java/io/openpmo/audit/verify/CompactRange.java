package io.openpmo.audit.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an append-only Merkle tree: the hashes of the perfect subtrees that the binary
 * digits of its size describe, largest first. Enough to append leaves and to compute the tree head,
 * in O(log n) memory; every perfect subtree completed by an append is reported to a {@link Sink}.
 */
public final class CompactRange {

  /** Receives every perfect subtree an append completes: the leaf itself (level 0) and the nodes above it. */
  @FunctionalInterface
  public interface Sink {
    void node(int level, long index, byte[] hash);
  }

  private long size;
  private final List<byte[]> hashes = new ArrayList<>();
  private final List<Integer> levels = new ArrayList<>();

  /** An empty tree. */
  public CompactRange() {
  }

  /** The right edge of a tree of {@code size} leaves, read from its perfect subtrees. */
  public static CompactRange of(long size, Merkle.Nodes nodes) {
    CompactRange range = new CompactRange();
    for (long[] node : edgeOf(size)) {
      range.hashes.add(nodes.node((int) node[0], node[1]));
      range.levels.add((int) node[0]);
    }
    range.size = size;
    return range;
  }

  /** The (level, index) of the perfect subtrees {@link #of} reads for a tree of {@code size} leaves. */
  public static List<long[]> edgeOf(long size) {
    List<long[]> edge = new ArrayList<>();
    long start = 0;
    for (int level = 63; level >= 0; level--) {
      long width = 1L << level;
      if ((size & width) != 0) {
        edge.add(new long[] {level, start >>> level});
        start += width;
      }
    }
    return edge;
  }

  public long size() {
    return size;
  }

  /** Appends a leaf hash (leaf index = the size before); reports the leaf and every subtree it completes. */
  public void append(byte[] leafHash, Sink sink) {
    if (leafHash.length != Merkle.HASH_LENGTH) {
      throw new IllegalArgumentException("a leaf hash has 32 bytes");
    }
    long index = size;
    size++;
    sink.node(0, index, leafHash);
    hashes.add(leafHash);
    levels.add(0);
    while (levels.size() >= 2 && levels.get(levels.size() - 1).equals(levels.get(levels.size() - 2))) {
      int level = levels.remove(levels.size() - 1);
      byte[] right = hashes.remove(hashes.size() - 1);
      levels.remove(levels.size() - 1);
      byte[] left = hashes.remove(hashes.size() - 1);
      byte[] parent = Merkle.nodeHash(left, right);
      int parentLevel = level + 1;
      sink.node(parentLevel, (size >>> parentLevel) - 1, parent);
      hashes.add(parent);
      levels.add(parentLevel);
    }
  }

  /** MTH of the leaves appended so far (RFC 9162 2.1.1). */
  public byte[] root() {
    if (hashes.isEmpty()) {
      return Merkle.emptyRoot();
    }
    byte[] root = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      root = Merkle.nodeHash(hashes.get(i), root);
    }
    return root;
  }
}
