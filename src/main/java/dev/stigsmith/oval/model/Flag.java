package dev.stigsmith.oval.model;

/** The flag of a collected object: how completely the items describe the system. */
public enum Flag {
  ERROR("error"),
  COMPLETE("complete"),
  INCOMPLETE("incomplete"),
  DOES_NOT_EXIST("does not exist"),
  NOT_COLLECTED("not collected"),
  NOT_APPLICABLE("not applicable");

  private final String xml;

  Flag(String xml) {
    this.xml = xml;
  }

  public String xml() {
    return xml;
  }

  public static Flag fromXml(String s) {
    for (Flag f : values()) if (f.xml.equals(s)) return f;
    throw new IllegalArgumentException("unknown flag '" + s + "'");
  }
}
