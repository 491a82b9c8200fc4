package dev.stigsmith.oval.engine;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compares one actual (item) value with one expected (state) value under one operation. */
public interface DatatypeComparator {
  /** @throws ComparisonException when the values or the operation do not fit the datatype */
  boolean compare(String actual, Operation op, String expected);

  /**
   * OVAL patterns are Perl regular expressions; Java's dialect agrees on everything our content uses.
   * A match anywhere in the value counts, as in Perl's {@code =~}.
   */
  static boolean patternMatch(String actual, String pattern) {
    try {
      return Patterns.compiled(pattern).matcher(actual).find();
    } catch (PatternSyntaxException e) {
      throw new ComparisonException("bad pattern '" + pattern + "': " + e.getDescription());
    }
  }

  /** Compiled patterns by source text: a fleet run matches the same few state patterns on every host. */
  final class Patterns {
    private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private Patterns() {}

    static Pattern compiled(String pattern) {
      Pattern p = CACHE.get(pattern);
      if (p == null) {
        p = Pattern.compile(pattern); // a bad pattern throws before anything is cached
        if (CACHE.size() < 10_000) CACHE.putIfAbsent(pattern, p);
      }
      return p;
    }
  }

  static ComparisonException notFor(Operation op, String datatype) {
    return new ComparisonException("operation '" + op.xml() + "' is not defined for datatype " + datatype);
  }
}
