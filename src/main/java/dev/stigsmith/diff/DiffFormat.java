package dev.stigsmith.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;

/** A release diff for terminals (text), review pages (markdown) and tools (json). */
public enum DiffFormat {
  TEXT, MARKDOWN, JSON;

  public static DiffFormat parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + s + "' (expected text, markdown or json)");
    }
  }

  public String render(ReleaseDiff d) {
    return switch (this) {
      case TEXT -> text(d);
      case MARKDOWN -> markdown(d);
      case JSON -> json(d);
    };
  }

  private static String text(ReleaseDiff d) {
    StringBuilder sb = new StringBuilder();
    sb.append("old: ").append(d.oldLabel()).append('\n').append("new: ").append(d.newLabel()).append('\n');
    sb.append(String.format(Locale.ROOT, "%d added, %d removed, %d changed (%d automated check(s) affected)%n",
        d.added().size(), d.removed().size(), d.changed().size(), d.affectedAutomated().size()));
    for (ReleaseDiff.RuleRef r : d.added()) sb.append("\nadded   ").append(ref(r));
    for (ReleaseDiff.RuleRef r : d.removed()) sb.append("\nremoved ").append(ref(r));
    for (ReleaseDiff.RuleChange c : d.changed()) {
      sb.append("\nchanged ").append(c.stigId()).append(' ').append(c.vulnId());
      sb.append(c.revisionBumped() ? " " + c.oldRuleId() + " → " + c.newRuleId() : " " + c.newRuleId() + " (same revision)");
      if (c.automated()) sb.append("  [automated check affected]");
      for (ReleaseDiff.FieldChange f : c.fields()) {
        sb.append("\n    ").append(f.field()).append(": ");
        sb.append(f.words() != null ? f.words() : f.oldValue() + " → " + f.newValue());
      }
    }
    return sb.append('\n').toString();
  }

  private static String ref(ReleaseDiff.RuleRef r) {
    return r.stigId() + " " + r.vulnId() + " " + r.ruleId() + " (" + r.severity() + "): " + r.title();
  }

  private static String markdown(ReleaseDiff d) {
    StringBuilder sb = new StringBuilder("# Release diff\n\n");
    sb.append("- old: ").append(md(d.oldLabel())).append("\n- new: ").append(md(d.newLabel())).append("\n\n");
    section(sb, "Added", d.added());
    section(sb, "Removed", d.removed());
    if (!d.changed().isEmpty()) {
      sb.append("## Changed\n\n");
      for (ReleaseDiff.RuleChange c : d.changed()) {
        sb.append("### ").append(c.stigId()).append(" (").append(c.vulnId()).append(")\n\n");
        sb.append("- Rule ID: ").append(c.revisionBumped() ? "`" + c.oldRuleId() + "` → `" + c.newRuleId() + "`" : "`" + c.newRuleId() + "` (unchanged)").append('\n');
        if (c.automated()) sb.append("- **automated check affected**\n");
        for (ReleaseDiff.FieldChange f : c.fields()) {
          sb.append("- ").append(f.field()).append(": ")
              .append(f.words() != null ? md(f.words()) : "`" + f.oldValue() + "` → `" + f.newValue() + "`").append('\n');
        }
        sb.append('\n');
      }
    }
    List<ReleaseDiff.RuleChange> auto = d.affectedAutomated();
    sb.append("## Automated checks affected\n\n");
    if (auto.isEmpty()) sb.append("None.\n");
    for (ReleaseDiff.RuleChange c : auto) sb.append("- ").append(c.stigId()).append('\n');
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<ReleaseDiff.RuleRef> refs) {
    if (refs.isEmpty()) return;
    sb.append("## ").append(title).append("\n\n| STIG ID | Vuln ID | Rule ID | Severity | Title |\n|---|---|---|---|---|\n");
    for (ReleaseDiff.RuleRef r : refs) {
      sb.append("| ").append(r.stigId()).append(" | ").append(r.vulnId()).append(" | ").append(r.ruleId()).append(" | ")
          .append(r.severity()).append(" | ").append(md(r.title()).replace("|", "\\|")).append(" |\n");
    }
    sb.append('\n');
  }

  private static String md(String s) {
    return s.replaceAll("\\s+", " ").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_");
  }

  private static String json(ReleaseDiff d) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return m.writeValueAsString(d) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
