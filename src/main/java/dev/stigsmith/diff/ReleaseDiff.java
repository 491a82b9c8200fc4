package dev.stigsmith.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.importer.DisaBenchmarkImporter;
import dev.stigsmith.importer.ImportException;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed between two releases of a STIG: rules added and removed (by Vuln ID), and for rules
 * in both, the Rule ID revision and the text and facts that differ. A rule we automated whose text
 * changed is flagged: its check may need revisiting.
 */
public record ReleaseDiff(String oldLabel, String newLabel, List<RuleRef> added, List<RuleRef> removed,
    List<RuleChange> changed) {

  public ReleaseDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  public record RuleRef(String vulnId, String stigId, String ruleId, String severity, String title) {
    static RuleRef of(Rule r) {
      return new RuleRef(r.vulnId(), r.stigId(), r.ruleId().toString(), r.severity().xccdf(), r.title());
    }
  }

  /** A field that differs; {@code words} marks the change for text fields (null for facts). */
  public record FieldChange(String field, String oldValue, String newValue, String words) {}

  /**
   * @param automated the rule has an automated check on either side and its text changed
   */
  public record RuleChange(String vulnId, String stigId, String oldRuleId, String newRuleId, boolean revisionBumped,
      List<FieldChange> fields, boolean automated) {
    public RuleChange {
      fields = List.copyOf(fields);
    }
  }

  @JsonIgnore
  public boolean isEmpty() { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }

  /** Rules with automated checks whose text changed. */
  @JsonProperty("affected_automated")
  public List<String> affectedAutomatedStigIds() {
    return affectedAutomated().stream().map(RuleChange::stigId).toList();
  }

  @JsonIgnore
  public List<RuleChange> affectedAutomated() {
    return changed.stream().filter(RuleChange::automated).toList();
  }

  /** A DISA XCCDF file, or a content folder holding exactly one benchmark. */
  public static Benchmark load(Path side) throws ImportException, ContentException {
    if (Files.isDirectory(side)) {
      List<Path> dirs = ContentLoader.benchmarkDirs(side);
      if (dirs.size() != 1) throw new ContentException(side + ": holds " + dirs.size() + " benchmarks; name one benchmark folder");
      return ContentLoader.load(dirs.get(0));
    }
    return DisaBenchmarkImporter.read(side, Map.of()).benchmark();
  }

  public static ReleaseDiff compare(Benchmark oldB, Benchmark newB) {
    List<RuleRef> added = new ArrayList<>();
    List<RuleRef> removed = new ArrayList<>();
    List<RuleChange> changed = new ArrayList<>();
    for (Rule n : newB.currentRules()) {
      Rule o = oldB.currentRuleForVulnId(n.vulnId()).orElse(null);
      if (o == null) {
        added.add(RuleRef.of(n));
        continue;
      }
      List<FieldChange> fields = new ArrayList<>();
      fact(fields, "STIG ID", o.stigId(), n.stigId());
      fact(fields, "SRG", o.srg(), n.srg());
      fact(fields, "severity", o.severity().xccdf(), n.severity().xccdf());
      List<String> gone = o.ccis().stream().filter(c -> !n.ccis().contains(c)).toList();
      List<String> come = n.ccis().stream().filter(c -> !o.ccis().contains(c)).toList();
      if (!gone.isEmpty() || !come.isEmpty()) {
        fields.add(new FieldChange("CCIs", String.join(", ", o.ccis()), String.join(", ", n.ccis()),
            (gone.isEmpty() ? "" : "removed " + String.join(", ", gone)) + (!gone.isEmpty() && !come.isEmpty() ? "; " : "")
                + (come.isEmpty() ? "" : "added " + String.join(", ", come))));
      }
      boolean textChanged = text(fields, "title", o.title(), n.title());
      textChanged |= text(fields, "discussion", o.description().vulnDiscussion(), n.description().vulnDiscussion());
      textChanged |= text(fields, "check", o.check().text(), n.check().text());
      textChanged |= text(fields, "fix", o.fix().text(), n.fix().text());
      boolean bumped = !o.ruleId().equals(n.ruleId());
      if (bumped || !fields.isEmpty()) {
        changed.add(new RuleChange(n.vulnId(), n.stigId(), o.ruleId().toString(), n.ruleId().toString(), bumped, fields,
            textChanged && (o.isAutomated() || n.isAutomated())));
      }
    }
    for (Rule o : oldB.currentRules()) {
      if (newB.currentRuleForVulnId(o.vulnId()).isEmpty()) removed.add(RuleRef.of(o));
    }
    return new ReleaseDiff(label(oldB), label(newB), added, removed, changed);
  }

  private static String label(Benchmark b) {
    return b.id() + " " + b.versionRelease() + " (" + b.releaseInfo() + ")";
  }

  private static void fact(List<FieldChange> out, String field, String a, String b) {
    if (!a.equals(b)) out.add(new FieldChange(field, a, b, null));
  }

  private static boolean text(List<FieldChange> out, String field, String a, String b) {
    if (a.equals(b)) return false;
    String words = WordDiff.changes(a, b);
    out.add(new FieldChange(field, a, b, words.isEmpty() ? "(whitespace only)" : words));
    return true;
  }
}
