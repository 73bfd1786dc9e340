package io.openpmo.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The leaf covers every field of an event, unambiguously. */
class EventLeafTest {

  static final String AT = "2026-01-02T03:04:05.000006Z";

  static String leaf(long id, String at, String actor, String action, Long projectId, String code, String details) {
    return Merkle.hex(EventLeaf.leafHash(id, at, actor, action, projectId, code, details));
  }

  @Test
  void theHashChangesWithEveryField() {
    String base = leaf(1, AT, "rita", "SUBMITTED", 7L, "PRJ-1", "{}");
    assertThat(base).hasSize(64).isEqualTo(leaf(1, AT, "rita", "SUBMITTED", 7L, "PRJ-1", "{}"))
        .isNotEqualTo(leaf(2, AT, "rita", "SUBMITTED", 7L, "PRJ-1", "{}"))
        .isNotEqualTo(leaf(1, "2026-01-02T03:04:05.000007Z", "rita", "SUBMITTED", 7L, "PRJ-1", "{}"))
        .isNotEqualTo(leaf(1, AT, "rito", "SUBMITTED", 7L, "PRJ-1", "{}"))
        .isNotEqualTo(leaf(1, AT, "rita", "APPROVED", 7L, "PRJ-1", "{}"))
        .isNotEqualTo(leaf(1, AT, "rita", "SUBMITTED", 8L, "PRJ-1", "{}"))
        .isNotEqualTo(leaf(1, AT, "rita", "SUBMITTED", null, "PRJ-1", "{}"))
        .isNotEqualTo(leaf(1, AT, "rita", "SUBMITTED", 7L, "PRJ-2", "{}"))
        .isNotEqualTo(leaf(1, AT, "rita", "SUBMITTED", 7L, null, "{}"))
        .isNotEqualTo(leaf(1, AT, "rita", "SUBMITTED", 7L, "PRJ-1", "{ }"));
  }

  @Test
  void fieldsCannotBeShiftedIntoEachOtherNorNullPassedForText() {
    assertThat(leaf(1, AT, "ab", "c", null, null, "{}")).isNotEqualTo(leaf(1, AT, "a", "bc", null, null, "{}"));
    assertThat(leaf(1, AT, "a", "b", null, "null", "{}")).isNotEqualTo(leaf(1, AT, "a", "b", null, null, "{}"));
    assertThat(leaf(1, AT, "a", "b", null, "", "{}")).isNotEqualTo(leaf(1, AT, "a", "b", null, null, "{}"));
  }

  @Test
  void theCanonicalBytesAreLengthPrefixedUtf8AfterTheFormatTag() {
    byte[] bytes = EventLeaf.canonicalBytes(42, AT, "réné", "X", null, null, "{}");
    String hex = HexFormat.of().formatHex(bytes);
    assertThat(hex).startsWith("00000015" + HexFormat.of().formatHex(EventLeaf.FORMAT.getBytes()) + "00000002" + "3432");
    // "réné" is 6 bytes in UTF-8; a null is length -1
    assertThat(hex).contains("00000006" + "72c3a96ec3a9").contains("ffffffffffffffff").endsWith("000000027b7d");
    assertThat(EventLeaf.leafHash(42, AT, "réné", "X", null, null, "{}")).isEqualTo(Merkle.leafHash(bytes));
  }

  @Test
  void anActorVouchedForByAnIdentityProviderIsCoveredWithSubjectAndIssuerInTheSecondFormat() {
    String plain = leaf(1, AT, "petra", "VOTE", 7L, "PRJ-1", "{}");
    String vouched = Merkle.hex(EventLeaf.leafHash(1, AT, "petra", "9a2e", "https://idp/bank", "VOTE", 7L, "PRJ-1",
        "{}"));
    // without subject and issuer the bytes are those of the first format, so older leaves verify as before
    assertThat(Merkle.hex(EventLeaf.leafHash(1, AT, "petra", null, null, "VOTE", 7L, "PRJ-1", "{}"))).isEqualTo(plain);
    assertThat(vouched).isNotEqualTo(plain)
        .isNotEqualTo(Merkle.hex(EventLeaf.leafHash(1, AT, "petra", "9a2f", "https://idp/bank", "VOTE", 7L, "PRJ-1",
            "{}")))
        .isNotEqualTo(Merkle.hex(EventLeaf.leafHash(1, AT, "petra", "9a2e", "https://idp/other", "VOTE", 7L, "PRJ-1",
            "{}")));
    String hex = HexFormat.of().formatHex(EventLeaf.canonicalBytes(1, AT, "petra", "9a2e", "https://idp/bank", "VOTE",
        7L, "PRJ-1", "{}"));
    assertThat(hex).startsWith("00000015" + HexFormat.of().formatHex(EventLeaf.FORMAT_VOUCHED.getBytes()))
        .contains(HexFormat.of().formatHex("petra".getBytes()) + "00000004" + HexFormat.of().formatHex("9a2e".getBytes()));
  }
}
