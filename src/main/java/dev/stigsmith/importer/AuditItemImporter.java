package dev.stigsmith.importer;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a vendor audit item page (plain text copied from a scanner vendor's audit browser) and tells
 * which of our rules it checks and whether it is written against our current revision.
 */
public final class AuditItemImporter {
  private static final Set<String> HEADERS = Set.of("Information", "Solution", "See Also", "Item Details",
      "Reference Information", "Audit Details", "Policy Value", "References");
  private static final Pattern TITLE = Pattern.compile("^\\s*([A-Za-z0-9]+(?:-[A-Za-z0-9]+)+)\\s+-\\s+(.+?)\\s*$");
  private static final Pattern PAIR = Pattern.compile("([A-Za-z][A-Za-z0-9 _-]*)\\|([^,]+)");

  private AuditItemImporter() {}

  public static AuditItem read(Path file) throws ImportException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ImportException(file, -1, "cannot read: " + e.getMessage());
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<String> lines = List.of(text.split("\\R", -1));
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) first++;
    if (first == lines.size()) throw new ImportException(file, -1, "file is empty");
    Matcher t = TITLE.matcher(lines.get(first));
    if (!t.matches()) {
      throw new ImportException(file, first + 1, "first line is not \"STIG-ID - rule title\": '" + lines.get(first).trim() + "'");
    }
    boolean deprecated = lines.stream().anyMatch(l -> l.contains("Audit Deprecated"));

    int refLine = -1;
    String refText = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = Pattern.compile("^\\s*References\\s*:?\\s*(.*)$").matcher(lines.get(i));
      if (m.matches()) {
        refLine = i + 1;
        refText = m.group(1);
        for (int j = i + 1; refText.isBlank() && j < lines.size() && !HEADERS.contains(lines.get(j).trim()); j++) refText = lines.get(j);
        break;
      }
    }
    if (refText == null || refText.isBlank()) {
      throw new ImportException(file, refLine, "no References line (KEY|VALUE pairs such as Vuln-ID|V-221218, Rule-ID|SV-…_rule): "
          + "cannot tell which rule and revision this audit item checks");
    }
    List<AuditItem.Ref> refs = new ArrayList<>();
    Matcher p = PAIR.matcher(refText);
    while (p.find()) refs.add(new AuditItem.Ref(p.group(1).trim(), p.group(2).trim()));
    if (refs.isEmpty()) throw new ImportException(file, refLine, "References holds no KEY|VALUE pairs: '" + refText.trim() + "'");

    String vulnId = one(refs, "Vuln-ID");
    String ruleIdText = one(refs, "Rule-ID");
    String stigId = one(refs, "STIG-ID");
    if (vulnId == null && stigId == null) throw new ImportException(file, refLine, "References name neither Vuln-ID nor STIG-ID");
    RuleId ruleId = null;
    if (ruleIdText != null) {
      try {
        ruleId = RuleId.parse(ruleIdText);
      } catch (IllegalArgumentException e) {
        throw new ImportException(file, refLine, "Rule-ID: " + e.getMessage());
      }
    }
    if (stigId != null && !stigId.equalsIgnoreCase(t.group(1))) {
      throw new ImportException(file, first + 1, "title names " + t.group(1) + " but References say STIG-ID|" + stigId);
    }
    Severity severity = null;
    String cat = one(refs, "CAT");
    if (cat != null) {
      try {
        severity = Severity.parse(cat);
      } catch (IllegalArgumentException e) {
        throw new ImportException(file, refLine, "CAT: " + e.getMessage());
      }
    }
    return new AuditItem(t.group(1), t.group(2), deprecated, section(lines, "Information"), section(lines, "Solution"),
        refs, vulnId, ruleId, severity, all(refs, "CCI"), all(refs, "STIG-Legacy"));
  }

  private static String one(List<AuditItem.Ref> refs, String key) {
    for (AuditItem.Ref r : refs) if (r.key().equalsIgnoreCase(key)) return r.value();
    return null;
  }

  private static List<String> all(List<AuditItem.Ref> refs, String key) {
    return refs.stream().filter(r -> r.key().equalsIgnoreCase(key)).map(AuditItem.Ref::value).toList();
  }

  /** The lines under a header line, up to the next header, without blank lines around them. */
  private static String section(List<String> lines, String header) {
    int i = 0;
    while (i < lines.size() && !lines.get(i).trim().equals(header)) i++;
    if (i == lines.size()) return "";
    int start = i + 1;
    int end = start;
    while (end < lines.size() && !HEADERS.contains(lines.get(end).trim()) && !lines.get(end).trim().startsWith("References:")) end++;
    while (start < end && lines.get(start).isBlank()) start++;
    while (end > start && lines.get(end - 1).isBlank()) end--;
    return String.join("\n", lines.subList(start, end));
  }

  /** How the item's revision stands against our content. */
  /** UNKNOWN: no rule of ours matches, or the revision cannot be compared. */
  public enum Standing { CURRENT, OLDER, NEWER, UNKNOWN }

  /**
   * @param ours our current revision of the rule, or null
   * @param replacedBy for an older item, the revision that directly replaced its revision (null if unknown)
   * @param part the vendor's suffix after the rule title (one rule may be split into several items), or ""
   * @param notes what else differs (text compared ignoring whitespace runs, which vendor pages lose)
   */
  public record Match(AuditItem item, Rule ours, Standing standing, RuleId replacedBy, String part, List<String> notes) {
    public Match {
      notes = List.copyOf(notes);
    }

    /** A few lines for people. */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(item.stigId()).append(item.vulnId() == null ? "" : " (" + item.vulnId() + ")").append(": vendor audit item for ")
          .append(item.ruleId() == null ? "an unnamed revision" : item.ruleId());
      if (item.severity() != null) sb.append(", ").append(item.severity().catLabel());
      if (item.deprecated()) sb.append(", deprecated by the vendor");
      if (!part.isEmpty()) sb.append(", part \"").append(part).append('"');
      sb.append('\n');
      if (ours == null) {
        return sb.append("  no rule with this Vuln ID or STIG ID in our content\n").toString();
      }
      sb.append("  ours: ").append(ours.stigId()).append(' ').append(ours.ruleId()).append(" (").append(ours.release()).append(")\n");
      sb.append("  revision: ").append(switch (standing) {
        case CURRENT -> "current";
        case OLDER -> "older (superseded" + (replacedBy == null ? "" : " by " + replacedBy)
            + (ours.ruleId().equals(replacedBy) ? ", our current revision)" : "; current is " + ours.ruleId() + ")");
        case NEWER -> "newer than ours: re-import the DISA release that has " + item.ruleId();
        case UNKNOWN -> "unknown";
      }).append('\n');
      for (String n : notes) sb.append("  ").append(n).append('\n');
      return sb.toString();
    }
  }

  public static Match match(AuditItem item, Benchmark b) {
    Rule ours = item.vulnId() == null ? null : b.currentRuleForVulnId(item.vulnId()).orElse(null);
    if (ours == null) ours = b.currentRuleForStigId(item.stigId()).orElse(null);
    if (ours == null) return new Match(item, null, Standing.UNKNOWN, null, "", List.of());

    List<String> notes = new ArrayList<>();
    Standing standing;
    RuleId replacedBy = null;
    Rule revision = ours;
    RuleId theirs = item.ruleId();
    if (theirs == null || theirs.equals(ours.ruleId())) {
      standing = theirs == null ? Standing.UNKNOWN : Standing.CURRENT;
      if (theirs == null) notes.add("the item names no Rule-ID: revision unknown");
    } else if (!theirs.number().equals(ours.ruleId().number())) {
      standing = Standing.UNKNOWN;
      notes.add("the item's rule number " + theirs.number() + " is not ours (" + ours.ruleId().number() + ")");
    } else if (theirs.compareTo(ours.ruleId()) < 0) {
      standing = Standing.OLDER;
      Rule old = b.rule(theirs).orElse(null);
      if (old != null) {
        revision = old;
        replacedBy = old.supersededBy();
      } else {
        notes.add(theirs + " is not in our history");
        replacedBy = b.rules().stream().filter(r -> r.ruleId().number().equals(theirs.number()) && r.ruleId().compareTo(theirs) > 0)
            .min(java.util.Comparator.comparing(Rule::ruleId)).map(Rule::ruleId).orElse(null);
      }
    } else {
      standing = Standing.NEWER;
    }
    if (!item.stigId().equalsIgnoreCase(ours.stigId())) notes.add("STIG ID differs: item " + item.stigId() + ", ours " + ours.stigId());
    if (item.vulnId() != null && !item.vulnId().equalsIgnoreCase(ours.vulnId())) notes.add("Vuln ID differs: item " + item.vulnId() + ", ours " + ours.vulnId());
    if (item.severity() != null && item.severity() != ours.severity()) {
      notes.add("severity differs: item " + item.severity().catLabel() + ", ours " + ours.severity().catLabel());
    }
    if (!item.ccis().isEmpty() && !item.ccis().equals(ours.ccis())) notes.add("CCIs differ: item " + item.ccis() + ", ours " + ours.ccis());
    if (!item.legacyIds().isEmpty() && !item.legacyIds().equals(ours.legacyIds())) {
      notes.add("legacy ids differ: item " + item.legacyIds() + ", ours " + ours.legacyIds());
    }
    String which = revision == ours ? "ours" : "that of " + revision.ruleId();
    notes.add("discussion: " + (same(item.discussion(), revision.description().vulnDiscussion()) ? "same as " : "differs from ") + which);
    notes.add("fix text: " + (same(item.fixText(), revision.fix().text()) ? "same as " : "differs from ") + which);

    String title = ours.title().replaceFirst("\\.$", "");
    String part = "";
    if (item.heading().startsWith(title)) {
      part = item.heading().substring(title.length()).replaceFirst("^\\.?\\s*-\\s*", "").trim();
    } else {
      notes.add("title differs from ours");
    }
    return new Match(item, ours, standing, replacedBy, part, notes);
  }

  private static boolean same(String a, String b) {
    return a.replaceAll("\\s+", " ").trim().equals(b.replaceAll("\\s+", " ").trim());
  }
}
