package dev.stigsmith.model;

import java.util.Locale;

/** XCCDF item status. A superseded DISA revision is {@link #DEPRECATED}. */
public enum Status {
  ACCEPTED, DRAFT, INTERIM, INCOMPLETE, DEPRECATED;

  public String xccdf() { return name().toLowerCase(Locale.ROOT); }

  public static Status parse(String text) {
    for (Status s : values()) if (s.xccdf().equalsIgnoreCase(text.trim())) return s;
    throw new IllegalArgumentException("unknown status '" + text + "' (expected accepted, draft, interim, incomplete or deprecated)");
  }
}
