package dev.stigsmith.model;

import java.util.Locale;

/** DISA severity; the category (CAT I/II/III) is how assessors say it. */
public enum Severity {
  HIGH("high", "I"),
  MEDIUM("medium", "II"),
  LOW("low", "III");

  private final String xccdf;
  private final String category;

  Severity(String xccdf, String category) {
    this.xccdf = xccdf;
    this.category = category;
  }

  /** As XCCDF writes it: high, medium, low. */
  public String xccdf() { return xccdf; }

  /** "I", "II" or "III". */
  public String category() { return category; }

  public String catLabel() { return "CAT " + category; }

  /** Accepts "medium", "CAT II", "II", "2". */
  public static Severity parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace("CAT", "").trim();
    for (Severity s : values()) {
      if (s.xccdf.equalsIgnoreCase(t) || s.category.equals(t)) return s;
    }
    return switch (t) {
      case "1" -> HIGH;
      case "2" -> MEDIUM;
      case "3" -> LOW;
      default -> throw new IllegalArgumentException("unknown severity '" + text + "' (expected high/medium/low or CAT I/II/III)");
    };
  }
}
