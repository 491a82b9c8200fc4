package dev.stigsmith.content;

import dev.stigsmith.model.AutomatedCheck;
import dev.stigsmith.model.SystemCheck;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Cci;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Platform;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Reference;
import dev.stigsmith.model.Requirement;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.Value;
import dev.stigsmith.xml.XmlOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Model → content sources in the layout {@link ContentLoader} reads. Text is written so that it reads
 * back exactly (literal blocks where they are safe, escaped double quotes otherwise), and every write
 * is checked by loading the result before any file in the content folder is touched.
 */
public final class ContentWriter {
  private ContentWriter() {}

  /**
   * The files of {@code b}, by path relative to the content root: cci.yaml, folder/benchmark.yaml,
   * folder/rules/STIG-ID/rule.yaml and remediation.ps1.
   *
   * @param automatedText per STIG ID, an existing rule's {@code automated:} section to keep verbatim
   *     (comments included) instead of writing it from the model
   */
  public static Map<String, byte[]> render(Benchmark b, String folder, Map<String, String> automatedText) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(ContentLoader.CCI_FILE, utf8(cciFile(b.ccis())));
    files.put(folder + "/" + ContentLoader.BENCHMARK_FILE, utf8(benchmarkFile(b)));
    for (Rule current : b.currentRules()) {
      String dir = folder + "/rules/" + current.stigId() + "/";
      files.put(dir + ContentLoader.RULE_FILE, utf8(ruleFile(current, history(b, current), automatedText.get(current.stigId()))));
      if (current.fix().script() != null) files.put(dir + "remediation.ps1", utf8(current.fix().script()));
    }
    return files;
  }

  /**
   * Writes {@code b} under {@code contentRoot/folder}. The files are first written to a scratch folder
   * and loaded back; only when that gives {@code b} again is each file moved into place (unchanged
   * files are left alone). Returns the files that changed.
   */
  public static List<Path> write(Benchmark b, Path contentRoot, String folder, Map<String, String> automatedText)
      throws ContentException {
    Map<String, byte[]> files = render(b, folder, automatedText);
    verify(b, contentRoot, folder, files);
    List<Path> changed = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = contentRoot.resolve(f.getKey());
      try {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), f.getValue())) continue;
      } catch (IOException e) {
        throw new ContentException(target + ": cannot read: " + e.getMessage());
      }
      XmlOutput.writeAtomically(target, f.getValue());
      changed.add(target);
    }
    return changed;
  }

  private static void verify(Benchmark b, Path contentRoot, String folder, Map<String, byte[]> files)
      throws ContentException {
    Path stage;
    try {
      stage = Files.createTempDirectory("stigsmith-content-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = stage.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
      // A reused check (same_as) is resolved among the real content's other benchmark folders.
      Benchmark back = ContentLoader.load(stage.resolve(folder), contentRoot);
      if (!back.equals(b)) {
        throw new IllegalStateException("content written for " + b.id() + " does not read back the same: " + firstDifference(b, back));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(stage);
    }
  }

  private static String firstDifference(Benchmark a, Benchmark b) {
    if (a.rules().size() != b.rules().size()) return "rule count " + a.rules().size() + " vs " + b.rules().size();
    for (int i = 0; i < a.rules().size(); i++) {
      if (!a.rules().get(i).equals(b.rules().get(i))) return "rule " + a.rules().get(i).ruleId() + ": " + a.rules().get(i) + " vs " + b.rules().get(i);
    }
    return "benchmark metadata";
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // scratch space only; the OS cleans temp
    }
  }

  private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

  /** Superseded revisions of {@code current}'s rule, newest first. */
  static List<Rule> history(Benchmark b, Rule current) {
    return b.rules().stream()
        .filter(r -> !r.current() && r.ruleId().number().equals(current.ruleId().number()))
        .sorted(Comparator.comparing(Rule::ruleId).reversed())
        .toList();
  }

  static String cciFile(Map<String, Cci> ccis) {
    Y y = new Y();
    y.comment("Control Correlation Identifiers cited by our rules, with the NIST SP 800-53 controls DISA maps them to.");
    y.raw("ccis:");
    // By id: the model's map has no stable order, and a re-import must not reshuffle the file.
    for (Cci c : new java.util.TreeMap<>(ccis).values()) {
      y.raw("  - id: " + c.id());
      y.raw("    nist: " + YamlText.flowList(c.nistControls()));
      if (!c.definition().isEmpty()) y.field(4, "definition", c.definition());
    }
    return y.toString();
  }

  static String benchmarkFile(Benchmark b) {
    Y y = new Y();
    y.comment(b.title() + " (" + b.versionRelease() + "), as stigsmith content.");
    y.field(0, "id", b.id());
    y.field(0, "title", b.title());
    y.field(0, "description", b.description());
    y.raw("version: " + YamlText.quoted(b.version()));
    y.raw("release: " + b.release());
    y.raw("benchmark_date: " + b.benchmarkDate());
    y.raw("status: " + b.status().xccdf());
    if (b.statusDate() != null) y.raw("status_date: " + b.statusDate());
    y.field(0, "notice", b.notice());
    y.field(0, "source", b.source());
    y.field(0, "classification", b.classification());
    Reference r = b.reference();
    if (r != null) {
      y.raw("reference:");
      y.field(2, "title", r.title());
      y.field(2, "publisher", r.publisher());
      y.field(2, "type", r.type());
      y.field(2, "subject", r.subject());
      y.raw("  identifier: " + YamlText.quoted(r.identifier()));
    }
    Platform p = b.platform();
    if (p != null) {
      y.raw("");
      y.raw("platform:");
      y.field(2, "cpe", p.cpeName());
      y.field(2, "cpe23", p.cpe23Name());
      y.field(2, "title", p.title());
      y.raw("  facts:");
      for (Platform.RegistryFact f : p.facts()) {
        y.raw("    - hive: " + YamlText.quoted(f.hive()));
        y.raw("      key: " + YamlText.quoted(f.key()));
        y.raw("      name: " + YamlText.quoted(f.name()));
        if (f.expected() != null) y.raw("      expected: " + YamlText.quoted(f.expected()));
        y.raw("      datatype: " + YamlText.quoted(f.datatype()));
      }
    }
    List<String> allVulnIds = b.rules().stream().map(Rule::vulnId).distinct()
        .sorted(Comparator.comparingLong(v -> Long.parseLong(v.substring(2)))).toList();
    if (!b.profiles().isEmpty()) {
      y.raw("");
      y.raw("profiles:");
      for (Profile pr : b.profiles()) {
        y.raw("  - id: " + YamlText.flowItem(pr.id()));
        y.field(4, "title", pr.title());
        if (!pr.description().isEmpty()) y.field(4, "description", pr.description());
        y.raw("    select: " + (pr.selectedVulnIds().equals(allVulnIds) ? "all" : YamlText.flowList(pr.selectedVulnIds())));
      }
    }
    if (!b.values().isEmpty()) {
      y.raw("");
      y.raw("values:");
      for (Value v : b.values()) {
        y.raw("  - id: " + YamlText.flowItem(v.id()));
        y.field(4, "title", v.title());
        if (!v.description().isEmpty()) y.field(4, "description", v.description());
        y.raw("    type: " + v.type().oval());
        y.raw("    default: " + YamlText.quoted(v.defaultValue()));
      }
    }
    return y.toString();
  }

  static String ruleFile(Rule cur, List<Rule> history, String automatedText) {
    Y y = new Y();
    y.comment(cur.stigId() + " (" + cur.vulnId() + "): " + cur.title());
    y.field(0, "stig_id", cur.stigId());
    y.field(0, "vuln_id", cur.vulnId());
    y.field(0, "srg", cur.srg());
    y.field(0, "title", cur.title());
    y.raw("severity: " + cur.severity().xccdf());
    y.raw("weight: " + YamlText.quoted(cur.weight()));
    y.raw("ccis: " + YamlText.flowList(cur.ccis()));
    y.raw("legacy_ids: " + YamlText.flowList(cur.legacyIds()));
    Description d = cur.description();
    y.raw("description:");
    y.field(2, "vuln_discussion", d.vulnDiscussion());
    optional(y, "false_positives", d.falsePositives());
    optional(y, "false_negatives", d.falseNegatives());
    y.raw("  documentable: " + YamlText.quoted(d.documentable()));
    optional(y, "mitigations", d.mitigations());
    optional(y, "severity_override_guidance", d.severityOverrideGuidance());
    optional(y, "potential_impacts", d.potentialImpacts());
    optional(y, "third_party_tools", d.thirdPartyTools());
    optional(y, "mitigation_control", d.mitigationControl());
    optional(y, "responsibility", d.responsibility());
    optional(y, "ia_controls", d.iaControls());

    y.raw("");
    y.comment("The current revision (" + cur.release() + ").");
    y.raw("revision:");
    y.field(2, "rule_id", cur.ruleId().toString());
    y.field(2, "release", cur.release());
    y.raw("  status: " + cur.status().xccdf());
    if (cur.statusDate() != null) y.raw("  status_date: " + cur.statusDate());
    y.field(2, "check_id", cur.check().id());
    y.field(2, "check_text", cur.check().text());
    y.field(2, "fix_id", cur.fix().id());
    y.field(2, "fix_text", cur.fix().text());

    if (!history.isEmpty()) {
      y.raw("");
      y.comment("Superseded revisions, newest first. Text left out is the same as the newer revision's.");
      y.raw("history:");
      Rule newer = cur;
      for (Rule old : history) {
        y.raw("  - rule_id: " + old.ruleId());
        y.field(4, "release", old.release());
        if (old.statusDate() != null) y.raw("    status_date: " + old.statusDate());
        if (!old.title().equals(cur.title())) y.field(4, "title", old.title());
        if (!old.check().id().equals(newer.check().id())) y.field(4, "check_id", old.check().id());
        if (!old.check().text().equals(newer.check().text())) y.field(4, "check_text", old.check().text());
        if (!old.fix().id().equals(newer.fix().id())) y.field(4, "fix_id", old.fix().id());
        if (!old.fix().text().equals(newer.fix().text())) y.field(4, "fix_text", old.fix().text());
        newer = old;
      }
    }
    if (automatedText != null) {
      y.raw("");
      y.sb.append(automatedText.endsWith("\n") ? automatedText : automatedText + "\n");
    } else if (cur.checkSameAs() != null) {
      y.raw("");
      y.raw("automated:");
      y.field(2, "same_as", cur.checkSameAs());
    } else if (cur.automated() != null) {
      y.raw("");
      automated(y, cur.automated());
    } else if (cur.manualReason() != null) {
      y.raw("");
      y.field(0, "manual_reason", cur.manualReason());
    }
    return y.toString();
  }

  /**
   * The {@code automated:} section of an existing rule.yaml as written (with the comment lines just
   * above it), or null when it has none; re-imports keep it verbatim.
   */
  public static String automatedSection(Path ruleFile) throws ContentException {
    List<String> lines;
    try {
      lines = Files.readAllLines(ruleFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ContentException(ruleFile + ": cannot read: " + e.getMessage());
    }
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("automated:")) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      // A manual rule keeps its one-line reason instead.
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("manual_reason:")) {
          int from = i;
          while (from > 0 && lines.get(from - 1).startsWith("#")) from--;
          return String.join("\n", lines.subList(from, i + 1)) + "\n";
        }
      }
      return null;
    }
    int end = start + 1;
    while (end < lines.size() && (lines.get(end).isEmpty() || lines.get(end).startsWith(" ") || lines.get(end).startsWith("#"))) end++;
    while (end > start + 1 && lines.get(end - 1).isBlank()) end--;
    while (start > 0 && lines.get(start - 1).startsWith("#")) start--;
    return String.join("\n", lines.subList(start, end)) + "\n";
  }

  private static void optional(Y y, String key, String text) {
    if (!text.isEmpty()) y.field(2, key, text);
  }

  private static void automated(Y y, AutomatedCheck a) {
    y.raw("automated:");
    if (!a.isCmdlet()) {
      system(y, a.system());
      return;
    }
    y.raw("  cmdlet:");
    y.field(4, "module", a.query().module());
    y.field(4, "verb", a.query().verb());
    y.field(4, "noun", a.query().noun());
    if (!a.query().parameters().isEmpty()) {
      y.raw("    parameters:");
      for (var p : a.query().parameters().entrySet()) y.field(6, p.getKey(), p.getValue());
    }
    y.field(2, "label", a.label());
    y.field(2, "identify_by", a.identifyBy());
    y.raw("  select: " + YamlText.flowList(a.extraSelect()));
    if (a.expect() != AutomatedCheck.Expect.EACH) {
      y.raw("  expect: " + a.expect().name().toLowerCase(java.util.Locale.ROOT));
      if (!a.require().isEmpty()) {
        y.raw(a.expect() == AutomatedCheck.Expect.NONE ? "  where:" : "  require:");
        requirements(y, a.require(), 4);
      }
      return;
    }
    y.raw("  when_none: " + a.whenNone().name().toLowerCase(java.util.Locale.ROOT));
    y.raw("  branches:");
    for (AutomatedCheck.Branch br : a.branches()) {
      y.raw("    - description: " + YamlText.quoted(br.description()));
      if (br.otherwise()) {
        y.raw("      otherwise: true");
      } else {
        y.raw("      when:");
        requirements(y, br.when());
      }
      if (br.exempt()) {
        y.raw("      exempt: true");
      } else {
        y.raw("      require:");
        requirements(y, br.require());
      }
    }
  }

  private static void system(Y y, SystemCheck c) {
    if (c instanceof SystemCheck.Registry r) {
        y.raw("  registry:");
        y.field(4, "label", r.label());
        if (r.firstPresent()) {
          y.raw("    first_present:");
          for (SystemCheck.RegistryValue v : r.values()) {
            y.raw("      - {key: " + YamlText.quoted(v.key()) + ", name: " + YamlText.quoted(v.name()) + "}");
          }
          y.raw("    require: " + requirement(r.values().get(0).require()));
          y.raw("    when_absent: " + lower(r.values().get(0).whenAbsent()));
        } else {
          y.raw("    values:");
          for (SystemCheck.RegistryValue v : r.values()) {
            y.raw("      - key: " + YamlText.quoted(v.key()));
            y.raw("        name: " + YamlText.quoted(v.name()));
            y.raw("        require: " + requirement(v.require()));
            y.raw("        when_absent: " + lower(v.whenAbsent()));
          }
        }
    } else if (c instanceof SystemCheck.Service sv) {
        y.raw("  service:");
        y.field(4, "label", sv.label());
        y.raw("    names: " + YamlText.flowList(sv.names()));
        if (sv.mustBeAbsent()) {
          y.raw("    expect: none");
        } else {
          y.raw("    require:");
          for (Requirement r : sv.require()) y.raw("      " + r.property() + ": " + requirement(r));
          y.raw("    when_absent: " + lower(sv.whenAbsent()));
        }
    } else if (c instanceof SystemCheck.FileRights f) {
        y.raw("  file_rights:");
        y.field(4, "label", f.label());
        y.raw("    path: " + path(f.path()));
        y.raw("    allowed_trustees: " + requirement(f.allowedTrustees()));
        y.raw("    rights: " + YamlText.flowList(f.rights()));
    } else if (c instanceof SystemCheck.Partition p) {
        y.raw("  partition:");
        y.field(4, "label", p.label());
        y.raw("    path: " + path(p.path()));
        y.raw("    not_on_drive_of: " + path(p.notOnDriveOf()));
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String path(SystemCheck.PathSource p) {
    String append = p.append() == null ? "" : ", append: " + YamlText.quoted(p.append());
    if (p instanceof SystemCheck.LiteralPath l) return YamlText.quoted(l.path());
    if (p instanceof SystemCheck.XmlFilePath x) {
      return "{xml_file: {file: " + path(x.file()) + ", xpath: " + YamlText.quoted(x.xpath()) + "}}";
    }
    if (p instanceof SystemCheck.RegistryPath r) {
      return "{registry: {key: " + YamlText.quoted(r.key()) + ", name: " + YamlText.quoted(r.name()) + "}" + append + "}";
    }
    SystemCheck.CmdletPath c = (SystemCheck.CmdletPath) p;
    return "{cmdlet: {module: " + YamlText.quoted(c.query().module()) + ", noun: " + YamlText.quoted(c.query().noun())
        + ", property: " + YamlText.quoted(c.property()) + "}" + append + "}";
  }

  /** One requirement in flow form: {operation, value | value_ref, datatype}. */
  private static String requirement(Requirement r) {
    StringBuilder sb = new StringBuilder("{operation: ").append(r.operation().oval());
    if (r.value() != null) {
      sb.append(", value: ").append(YamlText.quoted(r.value()));
    } else {
      sb.append(", value_ref: ").append(YamlText.quoted(r.valueRef()));
    }
    return sb.append(", datatype: ").append(r.datatype().oval()).append('}').toString();
  }

  private static void requirements(Y y, List<Requirement> reqs) {
    requirements(y, reqs, 8);
  }

  private static void requirements(Y y, List<Requirement> reqs, int indent) {
    for (Requirement r : reqs) {
      StringBuilder sb = new StringBuilder(" ".repeat(indent)).append(r.property()).append(": {operation: ").append(r.operation().oval());
      if (r.value() != null) {
        sb.append(", value: ").append(YamlText.quoted(r.value()));
      } else if (r.valueRef() != null) {
        sb.append(", value_ref: ").append(YamlText.quoted(r.valueRef()));
      } else {
        sb.append(", value_from: {module: ").append(YamlText.quoted(r.from().query().module()))
            .append(", noun: ").append(YamlText.quoted(r.from().query().noun()))
            .append(", property: ").append(YamlText.quoted(r.from().property())).append('}');
      }
      sb.append(", datatype: ").append(r.datatype().oval()).append('}');
      y.raw(sb.toString());
    }
  }

  /** Line-oriented YAML text under construction. */
  private static final class Y {
    final StringBuilder sb = new StringBuilder();

    void raw(String line) { sb.append(line).append('\n'); }

    void comment(String text) { raw("# " + text.replaceAll("\\s+", " ").trim()); }

    void field(int indent, String key, String text) {
      sb.append(" ".repeat(indent)).append(key).append(':').append(YamlText.scalar(text, indent)).append('\n');
    }

    @Override
    public String toString() { return sb.toString(); }
  }
}
