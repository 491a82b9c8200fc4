package dev.stigsmith.oval.engine;

import java.math.BigInteger;

/**
 * OVAL "version": components split at any non-alphanumeric character, compared left to right,
 * numerically when both are digits; a missing component counts as 0.
 */
final class VersionComparator implements DatatypeComparator {
  @Override
  public boolean compare(String actual, Operation op, String expected) {
    if (op == Operation.PATTERN_MATCH) return DatatypeComparator.patternMatch(actual, expected);
    return op.ordered(compareVersions(actual, expected));
  }

  static int compareVersions(String a, String b) {
    String[] pa = a.trim().split("[^A-Za-z0-9]+");
    String[] pb = b.trim().split("[^A-Za-z0-9]+");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      String x = i < pa.length ? pa[i] : "0";
      String y = i < pb.length ? pb[i] : "0";
      int c = component(x, y);
      if (c != 0) return c;
    }
    return 0;
  }

  private static int component(String x, String y) {
    boolean nx = !x.isEmpty() && x.chars().allMatch(Character::isDigit);
    boolean ny = !y.isEmpty() && y.chars().allMatch(Character::isDigit);
    if (nx && ny) return new BigInteger(x).compareTo(new BigInteger(y));
    return Integer.signum(x.compareTo(y));
  }
}
