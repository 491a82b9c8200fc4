package dev.stigsmith.oval.engine;

import java.util.Locale;

final class StringComparator implements DatatypeComparator {
  @Override
  public boolean compare(String actual, Operation op, String expected) {
    return switch (op) {
      case EQUALS -> actual.equals(expected);
      case NOT_EQUAL -> !actual.equals(expected);
      case CASE_INSENSITIVE_EQUALS -> fold(actual).equals(fold(expected));
      case CASE_INSENSITIVE_NOT_EQUAL -> !fold(actual).equals(fold(expected));
      case PATTERN_MATCH -> DatatypeComparator.patternMatch(actual, expected);
      default -> throw DatatypeComparator.notFor(op, "string");
    };
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
