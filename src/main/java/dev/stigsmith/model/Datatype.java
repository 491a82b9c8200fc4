package dev.stigsmith.model;

import java.util.Locale;

/** OVAL datatypes a requirement may compare as. */
public enum Datatype {
  BOOLEAN, INT, STRING, VERSION;

  public String oval() { return name().toLowerCase(Locale.ROOT); }

  public static Datatype parse(String text) {
    for (Datatype d : values()) if (d.oval().equalsIgnoreCase(text.trim())) return d;
    throw new IllegalArgumentException("unknown datatype '" + text + "' (expected boolean, int, string or version)");
  }
}
