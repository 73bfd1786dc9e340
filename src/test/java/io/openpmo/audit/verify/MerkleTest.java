package io.openpmo.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The RFC 9162 Merkle math against the published Certificate Transparency test vectors, and against a
 * straightforward recursive reference implementation of section 2.1 for every tree size up to {@value #N},
 * every leaf and every pair of sizes.
 */
class MerkleTest {

  static final int N = 70;

  /** The RFC 6962 / 9162 reference leaves (certificate-transparency test data). */
  static final List<byte[]> CT_DATA = List.of(unhex(""), unhex("00"), unhex("10"), unhex("2021"), unhex("3031"),
      unhex("40414243"), unhex("5051525354555657"), unhex("606162636465666768696a6b6c6d6e6f"));

  static final List<String> CT_ROOTS = List.of(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  static byte[] unhex(String hex) {
    return Merkle.unhex(hex);
  }

  static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(Merkle::hex).toList();
  }

  /** A tree built leaf by leaf as the sealer builds it, keeping every perfect subtree as the database does. */
  static final class StoredTree implements Merkle.Nodes {
    final Map<String, byte[]> nodes = new HashMap<>();
    final CompactRange range = new CompactRange();

    StoredTree(List<byte[]> leafHashes) {
      leafHashes.forEach(leaf -> range.append(leaf, (level, index, hash) -> nodes.put(level + "/" + index, hash)));
    }

    @Override
    public byte[] node(int level, long index) {
      byte[] hash = nodes.get(level + "/" + index);
      assertThat(hash).as("node %d/%d", level, index).isNotNull();
      return hash;
    }
  }

  // --- the reference: RFC 9162 2.1.1, 2.1.3.1 and 2.1.4.1 written out over lists ---

  static byte[] mth(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return Merkle.emptyRoot();
    }
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = 1;
    while (k * 2 < leaves.size()) {
      k *= 2;
    }
    return Merkle.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
  }

  static List<byte[]> path(int m, List<byte[]> leaves) {
    List<byte[]> proof = new ArrayList<>();
    if (leaves.size() > 1) {
      int k = 1;
      while (k * 2 < leaves.size()) {
        k *= 2;
      }
      if (m < k) {
        proof.addAll(path(m, leaves.subList(0, k)));
        proof.add(mth(leaves.subList(k, leaves.size())));
      } else {
        proof.addAll(path(m - k, leaves.subList(k, leaves.size())));
        proof.add(mth(leaves.subList(0, k)));
      }
    }
    return proof;
  }

  static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
    List<byte[]> proof = new ArrayList<>();
    int n = leaves.size();
    if (m == n) {
      if (!b) {
        proof.add(mth(leaves));
      }
      return proof;
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    if (m <= k) {
      proof.addAll(subproof(m, leaves.subList(0, k), b));
      proof.add(mth(leaves.subList(k, n)));
    } else {
      proof.addAll(subproof(m - k, leaves.subList(k, n), false));
      proof.add(mth(leaves.subList(0, k)));
    }
    return proof;
  }

  static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(Merkle.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  @Nested
  class CertificateTransparencyVectors {

    final List<byte[]> leaves = CT_DATA.stream().map(Merkle::leafHash).toList();

    @Test
    void rootsOfEverySizeMatchThePublishedTreeHeads() {
      assertThat(Merkle.hex(Merkle.root(0, new StoredTree(List.of())))).isEqualTo(CT_ROOTS.get(0));
      for (int n = 1; n <= 8; n++) {
        StoredTree tree = new StoredTree(leaves.subList(0, n));
        assertThat(Merkle.hex(Merkle.root(n, tree))).as("size %d", n).isEqualTo(CT_ROOTS.get(n));
        assertThat(Merkle.hex(tree.range.root())).as("compact range of size %d", n).isEqualTo(CT_ROOTS.get(n));
      }
    }

    @Test
    void inclusionProofsMatchThePublishedOnes() {
      StoredTree tree = new StoredTree(leaves);
      assertThat(hex(Merkle.inclusionProof(0, 8, tree))).containsExactly(
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
      assertThat(hex(Merkle.inclusionProof(5, 8, tree))).containsExactly(
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
      assertThat(hex(Merkle.inclusionProof(2, 3, tree))).containsExactly(CT_ROOTS.get(2));
      assertThat(hex(Merkle.inclusionProof(1, 5, tree))).containsExactly(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
      assertThat(Merkle.inclusionProof(0, 1, tree)).isEmpty();
      assertThat(Merkle.verifyInclusion(5, 8, leaves.get(5), Merkle.inclusionProof(5, 8, tree), unhex(CT_ROOTS.get(8))))
          .isTrue();
    }

    @Test
    void consistencyProofsMatchThePublishedOnes() {
      StoredTree tree = new StoredTree(leaves);
      assertThat(hex(Merkle.consistencyProof(1, 8, tree))).containsExactly(
          "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
      assertThat(hex(Merkle.consistencyProof(2, 8, tree))).containsExactly(
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
      assertThat(hex(Merkle.consistencyProof(6, 8, tree))).containsExactly(
          "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
          "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
      assertThat(hex(Merkle.consistencyProof(2, 5, tree))).containsExactly(
          "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
          "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
      assertThat(Merkle.consistencyProof(8, 8, tree)).isEmpty();
      assertThat(Merkle.verifyConsistency(6, 8, unhex(CT_ROOTS.get(6)), unhex(CT_ROOTS.get(8)),
          Merkle.consistencyProof(6, 8, tree))).isTrue();
    }
  }

  @Nested
  class AgainstTheReferenceForEverySize {

    final List<byte[]> leaves = leaves(N);
    final StoredTree tree = new StoredTree(leaves);

    @Test
    void rootsAndRightEdges() {
      CompactRange grown = new CompactRange();
      for (int n = 0; n <= N; n++) {
        byte[] expected = mth(leaves.subList(0, n));
        assertThat(Merkle.root(n, tree)).as("root of %d", n).isEqualTo(expected);
        assertThat(grown.root()).as("compact range of %d", n).isEqualTo(expected);
        assertThat(CompactRange.of(n, tree).root()).as("right edge of %d read back", n).isEqualTo(expected);
        if (n < N) {
          grown.append(leaves.get(n), (level, index, hash) -> { });
        }
      }
    }

    @Test
    void everyInclusionProofIsTheReferenceOneAndVerifies() {
      for (int n = 1; n <= N; n++) {
        byte[] root = mth(leaves.subList(0, n));
        for (int m = 0; m < n; m++) {
          List<byte[]> proof = Merkle.inclusionProof(m, n, tree);
          assertThat(hex(proof)).as("PATH(%d, D[%d])", m, n).isEqualTo(hex(path(m, leaves.subList(0, n))));
          assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), proof, root)).as("leaf %d of %d", m, n).isTrue();
        }
      }
    }

    @Test
    void everyConsistencyProofIsTheReferenceOneAndVerifies() {
      for (int second = 1; second <= N; second++) {
        byte[] secondRoot = mth(leaves.subList(0, second));
        for (int first = 1; first <= second; first++) {
          List<byte[]> proof = Merkle.consistencyProof(first, second, tree);
          assertThat(hex(proof)).as("PROOF(%d, D[%d])", first, second)
              .isEqualTo(hex(subproof(first, leaves.subList(0, second), true)));
          assertThat(Merkle.verifyConsistency(first, second, mth(leaves.subList(0, first)), secondRoot, proof))
              .as("%d -> %d", first, second).isTrue();
        }
      }
    }

    @Test
    void manipulatedInclusionProofsFail() {
      for (int n = 1; n <= N; n++) {
        byte[] root = mth(leaves.subList(0, n));
        for (int m = 0; m < n; m++) {
          List<byte[]> proof = Merkle.inclusionProof(m, n, tree);
          assertThat(Merkle.verifyInclusion(m, n, leaves.get((m + 1) % N), proof, root)).isFalse();
          assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), proof, mth(leaves.subList(1, Math.min(n + 1, N))))).as("other root")
              .isFalse();
          assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), extended(proof), root)).as("longer").isFalse();
          assertThat(Merkle.verifyInclusion(n, n, leaves.get(m), proof, root)).as("index = size").isFalse();
          if (n > 1) {
            assertThat(Merkle.verifyInclusion(m ^ 1, n, leaves.get(m), proof, root)).as("other index").isFalse();
            assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), flipped(proof), root)).as("flipped").isFalse();
            assertThat(Merkle.verifyInclusion(m, n, leaves.get(m), proof.subList(0, proof.size() - 1), root))
                .as("shorter").isFalse();
          }
        }
      }
    }

    @Test
    void manipulatedConsistencyProofsFail() {
      for (int second = 2; second <= N; second++) {
        byte[] secondRoot = mth(leaves.subList(0, second));
        for (int first = 1; first < second; first++) {
          byte[] firstRoot = mth(leaves.subList(0, first));
          List<byte[]> proof = Merkle.consistencyProof(first, second, tree);
          assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, flipped(proof))).isFalse();
          assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, extended(proof))).isFalse();
          assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof.subList(0, proof.size() - 1)))
              .isFalse();
          assertThat(Merkle.verifyConsistency(first, second, secondRoot, secondRoot, proof)).as("other first root")
              .isFalse();
          assertThat(Merkle.verifyConsistency(first, second, firstRoot, firstRoot, proof)).as("other second root")
              .isFalse();
          assertThat(Merkle.verifyConsistency(second, first, secondRoot, firstRoot, proof)).as("sizes swapped")
              .isFalse();
        }
      }
      byte[] root = mth(leaves.subList(0, 4));
      assertThat(Merkle.verifyConsistency(4, 4, root, root, List.of())).isTrue();
      assertThat(Merkle.verifyConsistency(4, 4, root, mth(leaves.subList(0, 5)), List.of())).isFalse();
      assertThat(Merkle.verifyConsistency(4, 4, root, root, List.of(root))).isFalse();
    }

    private static List<byte[]> extended(List<byte[]> proof) {
      List<byte[]> longer = new ArrayList<>(proof);
      longer.add(new byte[Merkle.HASH_LENGTH]);
      return longer;
    }

    private static List<byte[]> flipped(List<byte[]> proof) {
      List<byte[]> flipped = new ArrayList<>(proof);
      byte[] last = flipped.get(flipped.size() - 1).clone();
      last[7] ^= 1;
      flipped.set(flipped.size() - 1, last);
      return flipped;
    }
  }

  @Test
  void proofsAreRefusedOutsideTheTree() {
    StoredTree tree = new StoredTree(leaves(5));
    assertThatThrownBy(() -> Merkle.inclusionProof(5, 5, tree)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Merkle.inclusionProof(-1, 5, tree)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Merkle.consistencyProof(0, 5, tree)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Merkle.consistencyProof(4, 3, tree)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSplitIsTheLargestPowerOfTwoBelowTheSize() {
    assertThat(Merkle.split(2)).isEqualTo(1);
    assertThat(Merkle.split(3)).isEqualTo(2);
    assertThat(Merkle.split(4)).isEqualTo(2);
    assertThat(Merkle.split(5)).isEqualTo(4);
    assertThat(Merkle.split(9)).isEqualTo(8);
    assertThat(Merkle.split(1L << 40)).isEqualTo(1L << 39);
    assertThat(Merkle.split((1L << 40) + 1)).isEqualTo(1L << 40);
  }

  @Test
  void aLargeTreeNeedsOnlyLogarithmicallyManySubtrees() {
    List<String> read = new ArrayList<>();
    Merkle.Nodes counting = (level, index) -> {
      read.add(level + "/" + index);
      return new byte[Merkle.HASH_LENGTH];
    };
    long size = (1L << 40) + 12345;
    Merkle.root(size, counting);
    Merkle.inclusionProof(size / 3, size, counting);
    Merkle.consistencyProof(size / 2 + 7, size, counting);
    assertThat(read).hasSizeLessThan(4 * 64);
  }
}
