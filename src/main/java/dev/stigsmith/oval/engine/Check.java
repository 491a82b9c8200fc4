package dev.stigsmith.oval.engine;

import java.util.Collection;

/** A test's or an entity's {@code check}: how many of the per-item (or per-value) results must be true. */
public enum Check {
  ALL("all"),
  AT_LEAST_ONE("at least one"),
  NONE_SATISFY("none satisfy"),
  /** Deprecated in 5.x but still legal on tests; means the same as none satisfy. */
  NONE_EXIST("none exist"),
  ONLY_ONE("only one");

  private final String xml;

  Check(String xml) {
    this.xml = xml;
  }

  public String xml() {
    return xml;
  }

  public OvalResult combine(Collection<OvalResult> results) {
    ResultCounts c = ResultCounts.of(results);
    if (c.allNotApplicable()) return OvalResult.NOT_APPLICABLE;
    return switch (this) {
      case ALL -> Operator.AND.decide(c);
      case AT_LEAST_ONE -> Operator.OR.decide(c);
      case ONLY_ONE -> Operator.ONE.decide(c);
      case NONE_SATISFY, NONE_EXIST -> Operator.OR.decide(c).negate(true);
    };
  }

  public static Check fromXml(String s) {
    String v = s == null ? "all" : s.trim();
    for (Check c : values()) if (c.xml.equals(v)) return c;
    throw new IllegalArgumentException("unknown check '" + s + "'");
  }
}
