package dev.stigsmith.oval.engine;

/** The six OVAL results. */
public enum OvalResult {
  TRUE("true"),
  FALSE("false"),
  ERROR("error"),
  UNKNOWN("unknown"),
  NOT_EVALUATED("not evaluated"),
  NOT_APPLICABLE("not applicable");

  private final String xml;

  OvalResult(String xml) {
    this.xml = xml;
  }

  public String xml() {
    return xml;
  }

  public OvalResult negate(boolean negate) {
    if (!negate) return this;
    return this == TRUE ? FALSE : this == FALSE ? TRUE : this;
  }

  public static OvalResult of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public static OvalResult fromXml(String s) {
    for (OvalResult r : values()) if (r.xml.equals(s)) return r;
    throw new IllegalArgumentException("unknown result '" + s + "'");
  }
}
