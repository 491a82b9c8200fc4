package dev.stigsmith.model;

import java.util.Locale;

/** Comparison a requirement makes; spelled as OVAL spells it, since OVAL is where it runs. */
public enum Operation {
  EQUALS("equals"),
  NOT_EQUAL("not equal"),
  CASE_INSENSITIVE_EQUALS("case insensitive equals"),
  CASE_INSENSITIVE_NOT_EQUAL("case insensitive not equal"),
  GREATER_THAN("greater than"),
  LESS_THAN("less than"),
  GREATER_THAN_OR_EQUAL("greater than or equal"),
  LESS_THAN_OR_EQUAL("less than or equal"),
  PATTERN_MATCH("pattern match");

  private final String oval;

  Operation(String oval) { this.oval = oval; }

  public String oval() { return oval; }

  public static Operation parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    for (Operation o : values()) if (o.oval.equals(t)) return o;
    throw new IllegalArgumentException("unknown operation '" + text + "' (expected one of: equals, not equal, "
        + "case insensitive equals, case insensitive not equal, greater than, less than, "
        + "greater than or equal, less than or equal, pattern match)");
  }
}
