package dev.stigsmith.export;

import dev.stigsmith.results.ResultType;
import java.util.Locale;

/**
 * The four statuses a STIG checklist knows, with the spellings of each format. Any other spelling makes
 * STIG Manager drop the rule silently, so every writer goes through here.
 */
public enum ChecklistStatus {
  NOT_A_FINDING("NotAFinding", "not_a_finding", ResultType.PASS),
  OPEN("Open", "open", ResultType.FAIL),
  NOT_APPLICABLE("Not_Applicable", "not_applicable", ResultType.NOTAPPLICABLE),
  NOT_REVIEWED("Not_Reviewed", "not_reviewed", ResultType.NOTCHECKED);

  private final String ckl;
  private final String cklb;
  private final ResultType result;

  ChecklistStatus(String ckl, String cklb, ResultType result) {
    this.ckl = ckl;
    this.cklb = cklb;
    this.result = result;
  }

  /** As STIG Viewer 2 writes STATUS. */
  public String ckl() { return ckl; }

  /** As STIG Viewer 3 writes status. */
  public String cklb() { return cklb; }

  /** The XCCDF result a person's checklist status stands for (Not_Reviewed → notchecked). */
  public ResultType resultType() { return result; }

  /** Only a tool's pass, fail and notapplicable are decisions; everything else is left for the assessor. */
  public static ChecklistStatus of(ResultType r) {
    if (r == null) return NOT_REVIEWED;
    return switch (r) {
      case PASS -> NOT_A_FINDING;
      case FAIL -> OPEN;
      case NOTAPPLICABLE -> NOT_APPLICABLE;
      default -> NOT_REVIEWED;
    };
  }

  /** True when a tool result is one a checklist records as a decision. */
  public static boolean decided(ResultType r) {
    return of(r) != NOT_REVIEWED;
  }

  /**
   * Accepts the CKL, CKLB and XCCDF spellings, case-insensitively ("NotAFinding", "not_a_finding", "pass").
   *
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static ChecklistStatus parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (ChecklistStatus s : values()) {
      if (s.ckl.toLowerCase(Locale.ROOT).equals(t) || s.cklb.equals(t) || s.result.xccdf().equals(t)) return s;
    }
    throw new IllegalArgumentException("unknown checklist status '" + text
        + "' (expected NotAFinding, Open, Not_Applicable or Not_Reviewed)");
  }
}
