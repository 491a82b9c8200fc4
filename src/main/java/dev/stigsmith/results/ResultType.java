package dev.stigsmith.results;

import java.util.Locale;

/** XCCDF 1.2 rule result values. */
public enum ResultType {
  PASS, FAIL, ERROR, UNKNOWN, NOTAPPLICABLE, NOTCHECKED, NOTSELECTED, INFORMATIONAL, FIXED;

  public String xccdf() { return name().toLowerCase(Locale.ROOT); }

  public static ResultType parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
