package dev.stigsmith.oval.engine;

final class FloatComparator implements DatatypeComparator {
  @Override
  public boolean compare(String actual, Operation op, String expected) {
    if (op == Operation.PATTERN_MATCH) return DatatypeComparator.patternMatch(actual, expected);
    return op.ordered(Double.compare(parse(actual), parse(expected)));
  }

  private static double parse(String s) {
    String t = s.trim();
    try {
      return switch (t) {
        case "INF" -> Double.POSITIVE_INFINITY;
        case "-INF" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> Double.parseDouble(t);
      };
    } catch (NumberFormatException ex) {
      throw new ComparisonException("'" + s + "' is not a float");
    }
  }
}
