package dev.stigsmith.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One revision of a DISA STIG rule. Superseded revisions are kept as deprecated rules pointing at
 * the revision that replaced them, so results of any revision can be mapped.
 *
 * @param vulnId Group id, e.g. V-221218 (stable across revisions)
 * @param stigId e.g. EX16-ED-000170 (XCCDF Rule/version)
 * @param srg the SRG id DISA uses as the Group title, e.g. SRG-APP-000219
 * @param release the STIG release this revision was current in, e.g. "V2R5"
 * @param supersededBy the revision replacing this one, or null when current
 * @param automated the automated check, or null for a manual rule
 * @param manualReason why a manual rule needs a person ("document: …"), or null
 * @param checkSameAs the STIG ID of the rule (possibly of another benchmark) whose check {@code automated} is,
 *     when this rule reuses it instead of stating its own; null otherwise
 */
public record Rule(
    String vulnId,
    RuleId ruleId,
    String stigId,
    String srg,
    String title,
    Severity severity,
    String weight,
    Description description,
    List<String> ccis,
    List<String> legacyIds,
    ManualCheck check,
    Fix fix,
    Status status,
    LocalDate statusDate,
    String release,
    RuleId supersededBy,
    AutomatedCheck automated,
    String manualReason,
    String checkSameAs) {

  /** A rule without a recorded manual reason (importers, readers of other formats). */
  public Rule(String vulnId, RuleId ruleId, String stigId, String srg, String title, Severity severity,
      String weight, Description description, List<String> ccis, List<String> legacyIds, ManualCheck check,
      Fix fix, Status status, LocalDate statusDate, String release, RuleId supersededBy, AutomatedCheck automated) {
    this(vulnId, ruleId, stigId, srg, title, severity, weight, description, ccis, legacyIds, check, fix, status,
        statusDate, release, supersededBy, automated, null, null);
  }

  /** A rule with its own check (or none). */
  public Rule(String vulnId, RuleId ruleId, String stigId, String srg, String title, Severity severity,
      String weight, Description description, List<String> ccis, List<String> legacyIds, ManualCheck check,
      Fix fix, Status status, LocalDate statusDate, String release, RuleId supersededBy, AutomatedCheck automated,
      String manualReason) {
    this(vulnId, ruleId, stigId, srg, title, severity, weight, description, ccis, legacyIds, check, fix, status,
        statusDate, release, supersededBy, automated, manualReason, null);
  }

  public Rule {
    if (automated != null && manualReason != null) {
      throw new IllegalArgumentException("an automated rule has no manual reason");
    }
    if (checkSameAs != null && automated == null) {
      throw new IllegalArgumentException("rule " + stigId + " reuses the check of " + checkSameAs + " but has no check");
    }
    if (!isVulnId(vulnId)) throw new IllegalArgumentException("'" + vulnId + "' is not a Vuln ID (" + VULN_ID_FORM + ")");
    if (automated != null && !automated.allOf().isEmpty() && vulnId.length() - 2 > MOST_DIGITS_WITH_PARTS) {
      throw new IllegalArgumentException("'" + vulnId + "': a rule whose check has parts takes a Vuln ID of at most "
          + MOST_DIGITS_WITH_PARTS + " digits (each part's OVAL ids take one more)");
    }
    ccis = List.copyOf(ccis);
    legacyIds = List.copyOf(legacyIds);
    if (status == Status.DEPRECATED && supersededBy == null) {
      // Deprecated without a successor is allowed (DISA removed the rule); nothing to link.
    }
  }

  public boolean current() { return status != Status.DEPRECATED; }

  public boolean isAutomated() { return automated != null; }

  /** How a Vuln ID is written, for messages. */
  public static final String VULN_ID_FORM = "V- and a number of 1 to 16 digits, not starting with 0";

  // The number becomes OVAL ids (def:n, tests and the like n * 100 + k), which OVAL wants without a
  // leading zero and which must stay within a long; a check's parts take n * 10 + k as their own number,
  // one digit more, so such a rule's number has at most 15 digits.
  private static final java.util.regex.Pattern VULN_ID = java.util.regex.Pattern.compile("V-[1-9][0-9]{0,15}");
  private static final int MOST_DIGITS_WITH_PARTS = 15;

  /** "V-221218": what DISA writes and what a Vuln ID's number can carry into OVAL ids. */
  public static boolean isVulnId(String text) { return VULN_ID.matcher(text).matches(); }

  /** Numeric part of the Vuln ID, used to derive stable OVAL ids. */
  public long vulnNumber() { return Long.parseLong(vulnId.substring(2)); }
}
