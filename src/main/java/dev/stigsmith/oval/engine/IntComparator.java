package dev.stigsmith.oval.engine;

import java.math.BigInteger;

final class IntComparator implements DatatypeComparator {
  @Override
  public boolean compare(String actual, Operation op, String expected) {
    if (op == Operation.PATTERN_MATCH) return DatatypeComparator.patternMatch(actual, expected);
    BigInteger a = parse(actual);
    BigInteger e = parse(expected);
    return switch (op) {
      case BITWISE_AND -> a.and(e).equals(e);
      case BITWISE_OR -> a.or(e).equals(e);
      default -> op.ordered(a.compareTo(e));
    };
  }

  static BigInteger parse(String s) {
    try {
      return new BigInteger(s.trim());
    } catch (NumberFormatException ex) {
      throw new ComparisonException("'" + s + "' is not an int");
    }
  }
}
