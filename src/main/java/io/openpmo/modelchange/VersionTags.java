package io.openpmo.modelchange;

import java.math.BigInteger;

/**
 * Orders version tags (camunda:versionTag) the way people write them: dot- or dash-separated parts, numbers
 * compared as numbers ("1.10" after "1.9"), other parts as text; no tag comes before any tag.
 */
final class VersionTags {

  private VersionTags() {
  }

  static int compare(String a, String b) {
    if (a == null || a.isBlank()) {
      return b == null || b.isBlank() ? 0 : -1;
    }
    if (b == null || b.isBlank()) {
      return 1;
    }
    String[] left = a.strip().split("[.\\-_]");
    String[] right = b.strip().split("[.\\-_]");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      String l = i < left.length ? left[i] : "0";
      String r = i < right.length ? right[i] : "0";
      int order = l.matches("\\d+") && r.matches("\\d+") ? new BigInteger(l).compareTo(new BigInteger(r))
          : l.compareTo(r);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** Whether {@code candidate} is a later version than {@code current}. */
  static boolean isNewer(String candidate, String current) {
    return compare(candidate, current) > 0;
  }
}
