package dev.stigsmith.export;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Every result format stigsmith writes, as users name them on the command line. */
public enum ResultFormat {
  /** XCCDF 1.2 results (inside the benchmark and standalone) plus OVAL results: needs an evaluation. */
  XCCDF("xccdf"),
  /** ARF 1.1 result data stream: needs an evaluation. */
  ARF("arf"),
  /** XCCDF results with DISA's ids, for STIG Manager. */
  STIG_MANAGER("stig-manager"),
  CKL("ckl"),
  CKLB("cklb"),
  HTML("html"),
  JSON("json"),
  JUNIT("junit");

  private final String cli;

  ResultFormat(String cli) { this.cli = cli; }

  public String cli() { return cli; }

  /** Formats that need the evaluation itself, not just a TestResult. */
  public boolean needsEvaluation() { return this == XCCDF || this == ARF; }

  /** "ckl,html" or "all". */
  public static Set<ResultFormat> parseList(String text) {
    Set<ResultFormat> out = EnumSet.noneOf(ResultFormat.class);
    for (String part : text.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) continue;
      if (p.equals("all")) return EnumSet.allOf(ResultFormat.class);
      boolean found = false;
      for (ResultFormat f : values()) {
        if (f.cli.equals(p)) {
          out.add(f);
          found = true;
        }
      }
      if (!found) {
        throw new IllegalArgumentException("unknown format '" + part.trim() + "' (expected all or any of: "
            + String.join(",", java.util.Arrays.stream(values()).map(ResultFormat::cli).toList()) + ")");
      }
    }
    if (out.isEmpty()) throw new IllegalArgumentException("no format given");
    return out;
  }
}
