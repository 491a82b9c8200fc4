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
      return Pattern.compile(pattern).matcher(actual).find();
    } catch (PatternSyntaxException e) {
      throw new ComparisonException("bad pattern '" + pattern + "': " + e.getDescription());
    }
  }

  static ComparisonException notFor(Operation op, String datatype) {
    return new ComparisonException("operation '" + op.xml() + "' is not defined for datatype " + datatype);
  }
}
