package dev.stigsmith.oval.engine;

final class BooleanComparator implements DatatypeComparator {
  @Override
  public boolean compare(String actual, Operation op, String expected) {
    boolean a = parse(actual);
    boolean e = parse(expected);
    return switch (op) {
      case EQUALS -> a == e;
      case NOT_EQUAL -> a != e;
      default -> throw DatatypeComparator.notFor(op, "boolean");
    };
  }

  /** xsd:boolean spelling only: "True" is an error here, not a silent false as in OpenSCAP 1.3.7. */
  static boolean parse(String s) {
    return switch (s.trim()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new ComparisonException("'" + s + "' is not a boolean");
    };
  }
}
