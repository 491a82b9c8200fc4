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
    String manualReason) {

  /** A rule without a recorded manual reason (importers, readers of other formats). */
  public Rule(String vulnId, RuleId ruleId, String stigId, String srg, String title, Severity severity,
      String weight, Description description, List<String> ccis, List<String> legacyIds, ManualCheck check,
      Fix fix, Status status, LocalDate statusDate, String release, RuleId supersededBy, AutomatedCheck automated) {
    this(vulnId, ruleId, stigId, srg, title, severity, weight, description, ccis, legacyIds, check, fix, status,
        statusDate, release, supersededBy, automated, null);
  }

  public Rule {
    if (automated != null && manualReason != null) {
      throw new IllegalArgumentException("an automated rule has no manual reason");
    }
    if (!vulnId.matches("V-\\d+")) throw new IllegalArgumentException("'" + vulnId + "' is not a Vuln ID (V-<digits>)");
    ccis = List.copyOf(ccis);
    legacyIds = List.copyOf(legacyIds);
    if (status == Status.DEPRECATED && supersededBy == null) {
      // Deprecated without a successor is allowed (DISA removed the rule); nothing to link.
    }
  }

  public boolean current() { return status != Status.DEPRECATED; }

  public boolean isAutomated() { return automated != null; }

  /** Numeric part of the Vuln ID, used to derive stable OVAL ids. */
  public long vulnNumber() { return Long.parseLong(vulnId.substring(2)); }
}
