package dev.stigsmith.export;

import dev.stigsmith.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Carries an assessor's work from a previous checklist of the same STIG into a new one: comments, the
 * finding details and status of rules the tool could not decide, and severity overrides. A rule is found by
 * Rule ID, else — when DISA re-issued it under a new revision — by Vuln ID, else by STIG ID; each such
 * fallback is reported, as is every old rule that found no home.
 *
 * <p>The tool's own verdicts and evidence always win over the old file: they describe the host as it is now.
 */
public final class ChecklistMerge {
  private ChecklistMerge() {}

  /** @param notes one line per rule matched by a fallback id or left behind, in checklist order */
  public record Result(Checklist checklist, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  public static Result merge(ChecklistData previous, Checklist fresh) throws ChecklistInputException {
    String stigId = fresh.benchmark().id();
    ChecklistData.Stig old = previous.stig(stigId).orElseThrow(() -> new ChecklistInputException(previous.source(), null,
        "is a checklist of " + describe(previous) + ", not of " + stigId + ": cannot merge checklists of different STIGs"));

    Map<String, ChecklistData.RuleEntry> byRuleId = new HashMap<>();
    Map<String, ChecklistData.RuleEntry> byVulnId = new HashMap<>();
    Map<String, ChecklistData.RuleEntry> byStigId = new HashMap<>();
    for (ChecklistData.RuleEntry r : old.rules()) {
      byRuleId.putIfAbsent(r.ruleId(), r);
      if (!r.vulnId().isEmpty()) byVulnId.putIfAbsent(r.vulnId().toUpperCase(Locale.ROOT), r);
      if (!r.stigId().isEmpty()) byStigId.putIfAbsent(r.stigId().toUpperCase(Locale.ROOT), r);
    }

    List<String> notes = new ArrayList<>();
    Set<ChecklistData.RuleEntry> used = new HashSet<>();
    List<Checklist.Entry> merged = new ArrayList<>();
    for (Checklist.Entry e : fresh.entries()) {
      Rule rule = e.rule();
      ChecklistData.RuleEntry prev = byRuleId.get(rule.ruleId().toString());
      if (prev == null) {
        prev = byVulnId.get(rule.vulnId().toUpperCase(Locale.ROOT));
        if (prev != null) notes.add(rule.stigId() + ": previous " + prev.ruleId() + " matched " + rule.ruleId() + " by Vuln ID " + rule.vulnId());
      }
      if (prev == null) {
        prev = byStigId.get(rule.stigId().toUpperCase(Locale.ROOT));
        if (prev != null) notes.add(rule.stigId() + ": previous " + prev.ruleId() + " matched " + rule.ruleId() + " by STIG ID");
      }
      if (prev == null || !used.add(prev)) {
        merged.add(e);
        continue;
      }
      merged.add(carry(prev, e));
    }
    for (ChecklistData.RuleEntry r : old.rules()) {
      if (!used.contains(r) && (hasWork(r))) {
        notes.add(r.stigId() + ": previous " + r.ruleId() + " (" + r.vulnId() + ") is not in " + fresh.benchmark().versionRelease()
            + "; its status and comments were not carried");
      }
    }
    return new Result(new Checklist(fresh.benchmark(), fresh.target(), merged), notes);
  }

  private static Checklist.Entry carry(ChecklistData.RuleEntry prev, Checklist.Entry e) {
    Checklist.Entry out = e.withComments(join(prev.comments(), e.comments()));
    if (!e.toolDecided()) {
      // The tool had nothing to say, so whatever the old file holds here was written by a person.
      out = out.withFindingDetails(join(prev.findingDetails(), e.findingDetails()));
      if (e.status() == ChecklistStatus.NOT_REVIEWED) out = out.withStatus(prev.status());
    }
    if (e.severityOverride() == null && prev.severityOverride() != null) {
      out = out.withSeverityOverride(prev.severityOverride(), prev.severityJustification());
    }
    return out;
  }

  /** Old text first (it is the assessor's), new text after unless one already contains the other. */
  static String join(String old, String now) {
    String o = old == null ? "" : old.strip();
    String n = now == null ? "" : now.strip();
    if (o.isEmpty()) return n;
    if (n.isEmpty() || o.contains(n)) return o;
    if (n.contains(o)) return n;
    return o + "\n\n" + n;
  }

  private static boolean hasWork(ChecklistData.RuleEntry r) {
    return !r.comments().isBlank() || !r.findingDetails().isBlank() || r.status() != ChecklistStatus.NOT_REVIEWED;
  }

  private static String describe(ChecklistData d) {
    if (d.stigs().isEmpty()) return "no STIG";
    return String.join(", ", d.stigs().stream().map(ChecklistData.Stig::stigId).toList());
  }
}
