package io.openpmo.audit.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree hashing of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf hash
 * {@code SHA-256(0x00 || data)}, interior node {@code SHA-256(0x01 || left || right)}, the tree head
 * of n leaves split at the largest power of two smaller than n (2.1.1), inclusion proofs (2.1.3) and
 * consistency proofs (2.1.4) with their verification algorithms.
 *
 * <p>Leaf indexes here are 0-based, as in the RFC. Proofs are built from the hashes of perfect
 * subtrees ({@link Nodes}): a subtree at {@code level} l with {@code index} i covers the leaves
 * {@code [i * 2^l, (i + 1) * 2^l)}. Any tree head and any proof needs O(log n) of them.
 *
 * <p>JDK only: the offline verifier runs with nothing else on the class path.
 */
public final class Merkle {

  public static final int HASH_LENGTH = 32;

  /** The hashes of perfect subtrees, wherever they are kept (a database table, memory). */
  @FunctionalInterface
  public interface Nodes {
    byte[] node(int level, long index);
  }

  private Merkle() {
  }

  public static byte[] leafHash(byte[] data) {
    MessageDigest sha256 = sha256();
    sha256.update((byte) 0x00);
    sha256.update(data);
    return sha256.digest();
  }

  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha256 = sha256();
    sha256.update((byte) 0x01);
    sha256.update(left);
    sha256.update(right);
    return sha256.digest();
  }

  /** MTH({}) = SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** The largest power of two strictly smaller than {@code n} (n > 1): where RFC 9162 splits a tree. */
  public static long split(long n) {
    if (n < 2) {
      throw new IllegalArgumentException("a tree of " + n + " leaves has no split");
    }
    return Long.highestOneBit(n - 1);
  }

  /** The tree head MTH(D[0:size]). */
  public static byte[] root(long size, Nodes nodes) {
    requireNonNegative(size, "size");
    return size == 0 ? emptyRoot() : subtree(0, size, nodes);
  }

  /** MTH(D[start:start+size]) where start is a multiple of the largest power of two not above size. */
  static byte[] subtree(long start, long size, Nodes nodes) {
    if (Long.bitCount(size) == 1) {
      int level = Long.numberOfTrailingZeros(size);
      return nodes.node(level, start >>> level);
    }
    long k = split(size);
    return nodeHash(subtree(start, k, nodes), subtree(start + k, size - k, nodes));
  }

  /** PATH(index, D[0:size]): the inclusion proof of leaf {@code index}, from the leaf's sibling up. */
  public static List<byte[]> inclusionProof(long index, long size, Nodes nodes) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(index, 0, size, nodes, proof);
    return proof;
  }

  private static void path(long m, long start, long n, Nodes nodes, List<byte[]> proof) {
    if (n == 1) {
      return;
    }
    long k = split(n);
    if (m < k) {
      path(m, start, k, nodes, proof);
      proof.add(subtree(start + k, n - k, nodes));
    } else {
      path(m - k, start + k, n - k, nodes, proof);
      proof.add(subtree(start, k, nodes));
    }
  }

  /** PROOF(first, D[0:second]): the consistency proof between two tree sizes (0 < first <= second). */
  public static List<byte[]> consistencyProof(long first, long second, Nodes nodes) {
    if (first < 1 || first > second) {
      throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
    }
    List<byte[]> proof = new ArrayList<>();
    subproof(first, 0, second, true, nodes, proof);
    return proof;
  }

  private static void subproof(long m, long start, long n, boolean complete, Nodes nodes, List<byte[]> proof) {
    if (m == n) {
      if (!complete) {
        proof.add(subtree(start, n, nodes));
      }
      return;
    }
    long k = split(n);
    if (m <= k) {
      subproof(m, start, k, complete, nodes, proof);
      proof.add(subtree(start + k, n - k, nodes));
    } else {
      subproof(m - k, start + k, n - k, false, nodes, proof);
      proof.add(subtree(start, k, nodes));
    }
  }

  /** RFC 9162 2.1.3.2: does {@code proof} show leaf {@code index} with {@code leafHash} in the tree with {@code root}? */
  public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || proof == null) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || !isHash(p)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /**
   * RFC 9162 2.1.4.2: does {@code proof} show that the tree of size {@code second} with {@code secondRoot}
   * extends the tree of size {@code first} with {@code firstRoot}? Equal sizes need an empty proof and equal
   * roots.
   */
  public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
      List<byte[]> proof) {
    if (first < 1 || first > second || !isHash(firstRoot) || !isHash(secondRoot) || proof == null) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof.size() + 1);
    if (Long.bitCount(first) == 1) {
      path.add(firstRoot);
    }
    path.addAll(proof);
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    if (!isHash(path.get(0))) {
      return false;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0 || !isHash(c)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
  }

  public static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  public static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static boolean isHash(byte[] hash) {
    return hash != null && hash.length == HASH_LENGTH;
  }

  private static void requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
