package dev.stigsmith.export;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import dev.stigsmith.results.Override;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.Target;
import dev.stigsmith.results.TestResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a STIG checklist holds, independent of CKL or CKLB: the host, the STIG, and one entry per current
 * rule. Superseded revisions never appear; rules the tool did not evaluate appear as Not_Reviewed with their
 * full text, since the checklist is what an assessor finishes by hand.
 */
public record Checklist(Benchmark benchmark, Target target, List<Entry> entries) {
  public Checklist {
    entries = List.copyOf(entries);
  }

  /**
   * One rule's line in the checklist.
   *
   * @param severityOverride the assessor's severity, or null when DISA's stands
   * @param toolDecided the tool's own verdict (before any override) was pass, fail or notapplicable: the
   *     finding details are then the tool's, and a merge must not replace its status with an old one
   */
  public record Entry(Rule rule, ChecklistStatus status, String findingDetails, String comments,
      Severity severityOverride, String severityJustification, boolean toolDecided) {
    public Entry {
      findingDetails = findingDetails == null ? "" : findingDetails;
      comments = comments == null ? "" : comments;
      severityJustification = severityJustification == null ? "" : severityJustification;
    }

    public Entry withStatus(ChecklistStatus s) {
      return new Entry(rule, s, findingDetails, comments, severityOverride, severityJustification, toolDecided);
    }

    public Entry withFindingDetails(String d) {
      return new Entry(rule, status, d, comments, severityOverride, severityJustification, toolDecided);
    }

    public Entry withComments(String c) {
      return new Entry(rule, status, findingDetails, c, severityOverride, severityJustification, toolDecided);
    }

    public Entry withSeverityOverride(Severity s, String justification) {
      return new Entry(rule, status, findingDetails, comments, s, justification, toolDecided);
    }
  }

  /** The checklist of one evaluation: status from the effective result, details from the evidence. */
  public static Checklist from(TestResult tr) {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<Rule, RuleResult> e : currentResults(tr).entrySet()) {
      Rule rule = e.getKey();
      RuleResult rr = e.getValue();
      if (rr == null) {
        entries.add(new Entry(rule, ChecklistStatus.NOT_REVIEWED, "", "", null, "", false));
      } else {
        entries.add(new Entry(rule, ChecklistStatus.of(rr.effectiveResult()), rr.message(),
            comments(rr.comment(), rr.override()), null, "", ChecklistStatus.decided(rr.result())));
      }
    }
    return new Checklist(tr.benchmark(), tr.target(), entries);
  }

  /**
   * Every current rule in benchmark order, with its result or null when it was not evaluated. A result for an
   * older revision of the same Vuln counts: the evaluator may have judged it, and it is still this rule's verdict.
   */
  public static Map<Rule, RuleResult> currentResults(TestResult tr) {
    Map<RuleId, RuleResult> byRuleId = new HashMap<>();
    Map<String, RuleResult> byVulnId = new HashMap<>();
    for (RuleResult rr : tr.ruleResults()) {
      byRuleId.putIfAbsent(rr.rule().ruleId(), rr);
      byVulnId.putIfAbsent(rr.rule().vulnId(), rr);
    }
    Map<Rule, RuleResult> out = new LinkedHashMap<>();
    for (Rule rule : tr.benchmark().currentRules()) {
      RuleResult rr = byRuleId.get(rule.ruleId());
      out.put(rule, rr != null ? rr : byVulnId.get(rule.vulnId()));
    }
    return out;
  }

  /** The comment, followed by who overrode the tool's verdict and why (unless the comment says it already). */
  static String comments(String comment, Override o) {
    String c = comment == null ? "" : comment.strip();
    if (o == null) return c;
    String remark = o.remark() == null ? "" : o.remark().strip();
    if (!remark.isEmpty() && c.contains(remark)) return c;
    String note = "Override by " + (o.authority() == null || o.authority().isBlank() ? "an assessor" : o.authority())
        + " (" + o.oldResult().xccdf() + " -> " + o.newResult().xccdf() + ")" + (remark.isEmpty() ? "" : ": " + remark);
    return c.isEmpty() ? note : c + "\n\n" + note;
  }

  public String hostName() {
    return target == null || target.hostName() == null ? "" : target.hostName();
  }

  /** The host's first address, as both checklist formats hold one; "" when none was collected. */
  public String hostIp() {
    return target == null || target.ipAddresses().isEmpty() ? "" : target.ipAddresses().get(0);
  }

  /** The host's first MAC address, or "". */
  public String hostMac() {
    return target == null || target.macAddresses().isEmpty() ? "" : target.macAddresses().get(0);
  }

  public String hostFqdn() {
    return target == null || target.fqdn() == null ? "" : target.fqdn();
  }

  public UUID checklistUuid() { return ExportIds.checklist(benchmark, hostName()); }

  public UUID stigUuid() { return ExportIds.stig(benchmark, hostName()); }

  public UUID ruleUuid(Rule r) { return ExportIds.rule(benchmark, hostName(), r); }

  /** "… Security Technical Implementation Guide :: Version 2, Release: 5 Benchmark Date: 24 Jan 2024" */
  public String stigRef() {
    return benchmark.title() + " :: Version " + benchmark.version() + ", " + benchmark.releaseInfo();
  }

  /** The file name DISA gives the manual benchmark this checklist stands for. */
  public String stigFileName() {
    return "U_" + benchmark.id() + "_" + benchmark.versionRelease() + "_Manual-xccdf.xml";
  }

  /** STIG Viewer 3's compact name: the title with "Security Technical Implementation Guide" shortened. */
  public String displayName() {
    return benchmark.title().replace("Security Technical Implementation Guide", "STIG").strip();
  }

  public String targetKey() {
    return benchmark.reference() == null ? "" : benchmark.reference().identifier();
  }
}
