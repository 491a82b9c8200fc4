package dev.stigsmith.oval.engine;

/** Entity operations of OVAL 5.11.2. */
public enum Operation {
  EQUALS("equals"),
  NOT_EQUAL("not equal"),
  CASE_INSENSITIVE_EQUALS("case insensitive equals"),
  CASE_INSENSITIVE_NOT_EQUAL("case insensitive not equal"),
  GREATER_THAN("greater than"),
  LESS_THAN("less than"),
  GREATER_THAN_OR_EQUAL("greater than or equal"),
  LESS_THAN_OR_EQUAL("less than or equal"),
  BITWISE_AND("bitwise and"),
  BITWISE_OR("bitwise or"),
  PATTERN_MATCH("pattern match"),
  SUBSET_OF("subset of"),
  SUPERSET_OF("superset of");

  private final String xml;

  Operation(String xml) {
    this.xml = xml;
  }

  public String xml() {
    return xml;
  }

  public static Operation fromXml(String s) {
    String v = s == null ? "equals" : s.trim();
    for (Operation o : values()) if (o.xml.equals(v)) return o;
    throw new IllegalArgumentException("unknown operation '" + s + "'");
  }

  /** For ordered datatypes: the operation applied to a three-way comparison result. */
  boolean ordered(int cmp) {
    return switch (this) {
      case EQUALS -> cmp == 0;
      case NOT_EQUAL -> cmp != 0;
      case GREATER_THAN -> cmp > 0;
      case LESS_THAN -> cmp < 0;
      case GREATER_THAN_OR_EQUAL -> cmp >= 0;
      case LESS_THAN_OR_EQUAL -> cmp <= 0;
      default -> throw new ComparisonException("operation '" + xml + "' does not apply here");
    };
  }
}
