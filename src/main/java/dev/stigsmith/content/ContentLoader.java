package dev.stigsmith.content;

import dev.stigsmith.model.AutomatedCheck;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Cci;
import dev.stigsmith.model.CmdletQuery;
import dev.stigsmith.model.Datatype;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Fix;
import dev.stigsmith.model.ManualCheck;
import dev.stigsmith.model.Operation;
import dev.stigsmith.model.Platform;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Reference;
import dev.stigsmith.model.Requirement;
import dev.stigsmith.model.SystemCheck;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import dev.stigsmith.model.Status;
import dev.stigsmith.model.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads content sources into the model:
 *
 * <pre>
 * content/cci.yaml                       CCI → NIST SP 800-53 table shared by all benchmarks
 * content/&lt;benchmark&gt;/benchmark.yaml     metadata, platform, profiles, values
 * content/&lt;benchmark&gt;/rules/&lt;STIG ID&gt;/rule.yaml   one rule with its revision history and check
 * content/&lt;benchmark&gt;/rules/&lt;STIG ID&gt;/remediation.ps1   optional PowerShell fix
 * </pre>
 */
public final class ContentLoader {
  public static final String BENCHMARK_FILE = "benchmark.yaml";
  public static final String RULE_FILE = "rule.yaml";
  public static final String CCI_FILE = "cci.yaml";

  private ContentLoader() {}

  /** Benchmark folders under {@code dir}: the folder itself if it is one, else its children that are. */
  public static List<Path> benchmarkDirs(Path dir) throws ContentException {
    if (!Files.isDirectory(dir)) throw new ContentException(dir + ": not a content folder");
    if (Files.isRegularFile(dir.resolve(BENCHMARK_FILE))) return List.of(dir);
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(p -> Files.isRegularFile(p.resolve(BENCHMARK_FILE))).sorted().toList();
      if (found.isEmpty()) throw new ContentException(dir + ": no " + BENCHMARK_FILE + " here or in its sub-folders");
      return found;
    } catch (IOException e) {
      throw new ContentException(dir + ": cannot list: " + e.getMessage());
    }
  }

  public static Benchmark load(Path benchmarkDir) throws ContentException {
    return load(benchmarkDir, benchmarkDir.toAbsolutePath().normalize().getParent());
  }

  /**
   * Loads one benchmark folder; a rule's {@code automated: {same_as: STIG-ID}} is resolved among the
   * benchmark folders of {@code contentRoot} (the folder holding them and cci.yaml).
   */
  public static Benchmark load(Path benchmarkDir, Path contentRoot) throws ContentException {
    Path file = benchmarkDir.resolve(BENCHMARK_FILE);
    Node.Mapping b = YamlSource.read(file)
        .allow("id", "title", "description", "version", "release", "benchmark_date", "status", "status_date",
            "notice", "source", "classification", "reference", "platform", "profiles", "values");

    Map<String, Cci> ccis = loadCcis(findCciFile(benchmarkDir));
    List<Value> values = new ArrayList<>();
    for (Node n : b.list("values")) values.add(value(asMap(n)));
    Set<String> valueIds = new HashSet<>();
    for (Value v : values) valueIds.add(v.id());

    Map<String, Value> valuesById = new HashMap<>();
    for (Value v : values) valuesById.put(v.id(), v);
    SharedChecks shared = new SharedChecks(benchmarkDir, contentRoot, valuesById);
    List<Rule> rules = loadRules(benchmarkDir.resolve("rules"), ccis, valueIds, shared);
    Set<String> vulnIds = new HashSet<>();
    for (Rule r : rules) vulnIds.add(r.vulnId());

    List<Profile> profiles = new ArrayList<>();
    for (Node n : b.list("profiles")) profiles.add(profile(asMap(n), vulnIds));

    return new Benchmark(
        benchmarkId(b),
        b.text("title"),
        b.optText("description", ""),
        b.text("version"),
        b.parsed("release", Integer::parseInt),
        b.parsed("benchmark_date", LocalDate::parse),
        b.parsed("status", Status::parse),
        b.optParsed("status_date", LocalDate::parse, null),
        b.optText("notice", ""),
        b.optText("source", "STIG.DOD.MIL"),
        b.optText("classification", "UNCLASSIFIED"),
        reference(b.map("reference")),
        // An imported DISA STIG has no platform until someone writes one; generate needs it.
        b.has("platform") ? platform(b.map("platform")) : null,
        profiles,
        values,
        rules,
        ccis);
  }

  /** The CCI table sits beside the benchmark folders; a lone benchmark folder may carry its own. */
  /**
   * The id names the output folder and goes into XCCDF ids (an NCName): letters, digits, '_', '-',
   * '.', starting with a letter or '_', so it can never climb out of the output folder.
   */
  static String benchmarkId(Node.Mapping b) throws ContentException {
    String id = b.text("id");
    if (!id.matches("[A-Za-z_][A-Za-z0-9_.-]{0,199}")) {
      throw b.require("id").error("benchmark id \"" + id + "\" must be letters, digits, '_', '-' or '.', starting"
          + " with a letter or '_' (it names the output folder)");
    }
    return id;
  }

  private static Path findCciFile(Path benchmarkDir) throws ContentException {
    Path abs = benchmarkDir.toAbsolutePath().normalize();
    for (Path p : new Path[] {abs, abs.getParent()}) {
      if (p != null && Files.isRegularFile(p.resolve(CCI_FILE))) return p.resolve(CCI_FILE);
    }
    throw new ContentException(benchmarkDir + ": no " + CCI_FILE + " in this folder or its parent");
  }

  public static Map<String, Cci> loadCcis(Path file) throws ContentException {
    Node.Mapping root = YamlSource.read(file).allow("ccis");
    Map<String, Cci> out = new TreeMap<>();
    for (Node n : root.list("ccis")) {
      Node.Mapping m = asMap(n).allow("id", "nist", "definition");
      String id = m.text("id");
      if (out.containsKey(id)) throw m.require("id").error("duplicate CCI " + id);
      try {
        out.put(id, new Cci(id, m.texts("nist"), m.optText("definition", "")));
      } catch (IllegalArgumentException e) {
        throw m.require("id").error(e.getMessage());
      }
    }
    return out;
  }

  private static List<Rule> loadRules(Path rulesDir, Map<String, Cci> ccis, Set<String> valueIds,
      SharedChecks shared) throws ContentException {
    if (!Files.isDirectory(rulesDir)) throw new ContentException(rulesDir + ": missing rules folder");
    List<Path> files;
    try (Stream<Path> s = Files.list(rulesDir)) {
      files = s.map(d -> d.resolve(RULE_FILE)).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new ContentException(rulesDir + ": cannot list: " + e.getMessage());
    }
    List<Rule> all = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path f : files) {
      List<Rule> revisions = RuleFile.read(f, ccis, valueIds, shared);
      for (Rule r : revisions) {
        for (String key : List.of(r.ruleId().toString(), "vuln " + r.vulnId() + " " + r.status(), "stig " + r.stigId() + " " + r.current())) {
          if (!r.current() && !key.startsWith("SV-")) continue;
          Path other = seen.putIfAbsent(key, f);
          if (other != null) {
            throw new ContentException(f, 1, null, "duplicate " + key.replaceFirst(" (ACCEPTED|DRAFT|INTERIM|INCOMPLETE|true)$", "")
                + " (also in " + other + ")");
          }
        }
      }
      all.addAll(revisions);
    }
    all.sort(Comparator.comparingLong(Rule::vulnNumber).thenComparing(Rule::ruleId, Comparator.reverseOrder()));
    return all;
  }

  private static Profile profile(Node.Mapping m, Set<String> vulnIds) throws ContentException {
    m.allow("id", "title", "description", "select");
    List<String> selected;
    Node sel = m.require("select");
    if (sel instanceof Node.Scalar s && "all".equals(s.text())) {
      selected = vulnIds.stream().sorted(Comparator.comparingLong(v -> Long.parseLong(v.substring(2)))).toList();
    } else {
      selected = m.texts("select");
      for (int i = 0; i < selected.size(); i++) {
        if (!vulnIds.contains(selected.get(i))) {
          throw m.list("select").get(i).error("profile selects " + selected.get(i) + ", which no rule has");
        }
      }
    }
    return new Profile(m.text("id"), m.text("title"), m.optText("description", ""), selected);
  }

  private static Reference reference(Node.Mapping m) throws ContentException {
    m.allow("title", "publisher", "type", "subject", "identifier");
    return new Reference(m.text("title"), m.text("publisher"), m.text("type"), m.text("subject"), m.text("identifier"));
  }

  private static Platform platform(Node.Mapping m) throws ContentException {
    m.allow("cpe", "cpe23", "title", "facts");
    List<Platform.RegistryFact> facts = new ArrayList<>();
    for (Node n : m.list("facts")) {
      Node.Mapping f = asMap(n).allow("hive", "key", "name", "expected", "datatype");
      facts.add(new Platform.RegistryFact(f.text("hive"), f.text("key"), f.text("name"),
          f.optText("expected", null), f.optText("datatype", "string")));
    }
    if (facts.isEmpty()) throw m.error("platform needs at least one registry fact to recognise it");
    return new Platform(m.text("cpe"), m.text("cpe23"), m.text("title"), facts);
  }

  private static Value value(Node.Mapping m) throws ContentException {
    m.allow("id", "title", "description", "type", "default");
    return new Value(m.text("id"), m.text("title"), m.optText("description", ""),
        m.optParsed("type", Datatype::parse, Datatype.STRING), m.text("default"));
  }

  static Node.Mapping asMap(Node n) throws ContentException {
    if (!(n instanceof Node.Mapping m)) throw n.error("expected a mapping, found " + Node.kind(n));
    return m;
  }

  /** One rule.yaml: the current revision first, then its history, newest first. */
  static final class RuleFile {
    private RuleFile() {}

    static List<Rule> read(Path file, Map<String, Cci> ccis, Set<String> valueIds, SharedChecks shared)
        throws ContentException {
      Node.Mapping r = YamlSource.read(file).allow("stig_id", "vuln_id", "srg", "title", "severity", "weight",
          "ccis", "legacy_ids", "description", "revision", "history", "automated", "manual_reason");
      String stigId = r.text("stig_id");
      String folder = file.getParent().getFileName().toString();
      if (!folder.equals(stigId)) {
        throw r.require("stig_id").error("is " + stigId + " but the rule's folder is " + folder);
      }
      List<String> ruleCcis = r.texts("ccis");
      for (int i = 0; i < ruleCcis.size(); i++) {
        if (!ccis.containsKey(ruleCcis.get(i))) {
          throw r.list("ccis").get(i).error(ruleCcis.get(i) + " is not in " + CCI_FILE);
        }
      }
      Description description = description(r.map("description"));
      AutomatedCheck automated = null;
      String sameAs = null;
      if (r.has("automated")) {
        Node.Mapping a = r.map("automated");
        if (SharedChecks.isReference(a)) {
          automated = shared.resolve(a, stigId);
          sameAs = a.text(SharedChecks.SAME_AS).trim();
        } else {
          automated = CheckSource.read(a, valueIds);
        }
      }
      String manualReason = r.optText("manual_reason", null);
      if (manualReason != null) {
        if (automated != null) throw r.require("manual_reason").error("an automated rule has no manual reason");
        // "pending:" = a machine could decide it, but the automated: language cannot state it yet.
        if (!manualReason.matches("(document|interview|site decision|third-party|physical|not collectable|pending): \\S.*")) {
          throw r.require("manual_reason").error("start with a reason class (document:, interview:, site decision:, "
              + "third-party:, physical:, not collectable:, pending:) and say why in one line");
        }
      }
      Path ps1 = file.resolveSibling("remediation.ps1");
      String script = null;
      if (Files.isRegularFile(ps1)) {
        try {
          script = Files.readString(ps1, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new ContentException(ps1, -1, null, "cannot read: " + e.getMessage());
        }
      }

      Node.Mapping cur = r.map("revision");
      Revision current = revision(cur, null, true);
      List<Rule> out = new ArrayList<>();
      String vulnId = r.text("vuln_id");
      Severity severity = r.parsed("severity", Severity::parse);
      String weight = r.optText("weight", "10.0");
      String title = r.text("title");
      try {
        out.add(new Rule(vulnId, current.id, stigId, r.text("srg"), title, severity, weight, description,
            ruleCcis, r.texts("legacy_ids"), current.check, new Fix(current.fix.id(), current.fix.text(), script),
            current.status, current.statusDate, current.release, null, automated, manualReason, sameAs));
        Revision newer = current;
        for (Node n : r.list("history")) {
          Revision old = revision(asMap(n), newer, false);
          if (old.id.compareTo(newer.id) >= 0 || !old.id.number().equals(newer.id.number())) {
            throw asMap(n).require("rule_id").error(old.id + " must be an older revision of " + newer.id.number()
                + " than " + newer.id + " (history lists newest first)");
          }
          out.add(new Rule(vulnId, old.id, stigId, r.text("srg"), old.title != null ? old.title : title, severity,
              weight, description, ruleCcis, r.texts("legacy_ids"), old.check, old.fix, Status.DEPRECATED,
              old.statusDate, old.release, newer.id, null));
          newer = old;
        }
      } catch (IllegalArgumentException e) {
        throw r.error(e.getMessage());
      }
      return out;
    }

    private record Revision(RuleId id, String release, Status status, LocalDate statusDate, String title,
        ManualCheck check, Fix fix) {}

    /** A history entry inherits check and fix text from the newer revision when it leaves them out. */
    private static Revision revision(Node.Mapping m, Revision newer, boolean current) throws ContentException {
      if (current) {
        m.allow("rule_id", "release", "status", "status_date", "check_id", "check_text", "fix_id", "fix_text");
      } else {
        m.allow("rule_id", "release", "status_date", "title", "check_id", "check_text", "fix_id", "fix_text");
      }
      RuleId id = m.parsed("rule_id", RuleId::parse);
      String checkId = newer == null ? m.text("check_id") : m.optText("check_id", newer.check.id());
      String checkText = newer == null ? m.text("check_text") : m.optText("check_text", newer.check.text());
      String fixId = newer == null ? m.text("fix_id") : m.optText("fix_id", newer.fix.id());
      String fixText = newer == null ? m.text("fix_text") : m.optText("fix_text", newer.fix.text());
      Status status = current ? m.optParsed("status", Status::parse, Status.ACCEPTED) : Status.DEPRECATED;
      if (current && status == Status.DEPRECATED) {
        throw m.require("status").error("the current revision cannot be deprecated; move it to history");
      }
      return new Revision(id, m.text("release"), status, m.optParsed("status_date", LocalDate::parse, null),
          current ? null : m.optText("title", null), new ManualCheck(checkId, checkText), new Fix(fixId, fixText, null));
    }

    private static Description description(Node.Mapping m) throws ContentException {
      m.allow("vuln_discussion", "false_positives", "false_negatives", "documentable", "mitigations",
          "severity_override_guidance", "potential_impacts", "third_party_tools", "mitigation_control",
          "responsibility", "ia_controls");
      return new Description(m.text("vuln_discussion"), m.optText("false_positives", ""),
          m.optText("false_negatives", ""), m.optText("documentable", "false"), m.optText("mitigations", ""),
          m.optText("severity_override_guidance", ""), m.optText("potential_impacts", ""),
          m.optText("third_party_tools", ""), m.optText("mitigation_control", ""),
          m.optText("responsibility", ""), m.optText("ia_controls", ""));
    }
  }

  /** The `automated:` section of a rule. */
  static final class CheckSource {
    private CheckSource() {}

    private static final String EXCHANGE = "Microsoft.Exchange.Management.PowerShell.SnapIn";
    private static final List<String> KINDS = List.of("cmdlet", "registry", "service", "file_rights", "partition", "all_of");

    static AutomatedCheck read(Node.Mapping m, Set<String> valueIds) throws ContentException {
      if (m.has("all_of")) {
        m.allow("all_of");
        List<Node> parts = m.list("all_of");
        if (parts.size() < 2 || parts.size() > 9) throw m.require("all_of").error("needs two to nine checks");
        List<AutomatedCheck> checks = new ArrayList<>();
        for (Node n : parts) {
          Node.Mapping part = asMap(n);
          if (part.has("all_of")) throw part.require("all_of").error("all_of cannot nest");
          checks.add(read(part, valueIds));
        }
        return AutomatedCheck.allOf(checks);
      }
      List<String> given = KINDS.stream().filter(m::has).toList();
      if (given.size() != 1) {
        throw m.error("give exactly one of " + String.join(", ", KINDS) + (given.isEmpty() ? "" : " (found " + String.join(", ", given) + ")"));
      }
      try {
        return switch (given.get(0)) {
          case "registry" -> AutomatedCheck.of(registry(m.allow("registry").map("registry"), valueIds));
          case "service" -> AutomatedCheck.of(service(m.allow("service").map("service"), valueIds));
          case "file_rights" -> AutomatedCheck.of(fileRights(m.allow("file_rights").map("file_rights"), valueIds));
          case "partition" -> AutomatedCheck.of(partition(m.allow("partition").map("partition")));
          default -> cmdlet(m, valueIds);
        };
      } catch (IllegalArgumentException e) {
        throw m.error(e.getMessage());
      }
    }

    private static AutomatedCheck cmdlet(Node.Mapping m, Set<String> valueIds) throws ContentException {
      m.allow("cmdlet", "label", "identify_by", "select", "when_none", "branches", "expect", "require", "where");
      Node.Mapping c = m.map("cmdlet").allow("module", "verb", "noun", "parameters");
      Map<String, String> parameters = new LinkedHashMap<>();
      if (c.has("parameters")) {
        for (Map.Entry<String, Node> e : c.map("parameters").fields().entrySet()) {
          if (!e.getKey().matches("[A-Za-z][A-Za-z0-9]*")) throw e.getValue().error("'" + e.getKey() + "' is not a parameter name");
          if (!(e.getValue() instanceof Node.Scalar s) || s.isNull()) throw e.getValue().error("expected the parameter's value as text");
          parameters.put(e.getKey(), s.text());
        }
      }
      CmdletQuery q;
      try {
        q = new CmdletQuery(c.text("module"), c.optText("verb", "Get"), c.text("noun"), parameters);
      } catch (IllegalArgumentException e) {
        throw c.require("verb").error(e.getMessage());
      }
      AutomatedCheck.Expect expect = m.optParsed("expect", CheckSource::expect, AutomatedCheck.Expect.EACH);
      if (expect != AutomatedCheck.Expect.EACH) {
        for (String k : List.of("branches", "when_none")) {
          if (m.has(k)) throw m.require(k).error("not allowed with expect: " + expectName(expect));
        }
        String key = expect == AutomatedCheck.Expect.NONE ? "where" : "require";
        String other = expect == AutomatedCheck.Expect.NONE ? "require" : "where";
        if (m.has(other)) throw m.require(other).error("expect: " + expectName(expect) + " takes '" + key + "'");
        List<Requirement> req = m.has(key) ? requirements(m.map(key), valueIds) : List.of();
        if (m.has(key) && req.isEmpty()) throw m.require(key).error("needs at least one property");
        return AutomatedCheck.quantified(q, m.text("label"), m.text("identify_by"), m.texts("select"), expect, req);
      }
      for (String k : List.of("require", "where")) {
        if (m.has(k)) throw m.require(k).error("belongs to a branch (or use expect: none / at_least_one)");
      }
      AutomatedCheck.Verdict none = m.optParsed("when_none",
          t -> AutomatedCheck.Verdict.valueOf(t.trim().toUpperCase(java.util.Locale.ROOT)), AutomatedCheck.Verdict.PASS);
      List<AutomatedCheck.Branch> branches = new ArrayList<>();
      List<Node> bs = m.list("branches");
      if (bs.isEmpty()) throw m.require("branches").error("needs at least one branch");
      for (int i = 0; i < bs.size(); i++) {
        Node.Mapping b = asMap(bs.get(i)).allow("description", "when", "otherwise", "require", "exempt");
        boolean otherwise = b.has("otherwise");
        if (otherwise == b.has("when")) throw b.error("a branch has either 'when' or 'otherwise: true'");
        if (otherwise && i != bs.size() - 1) throw b.require("otherwise").error("only the last branch may be 'otherwise'");
        List<Requirement> when = otherwise ? List.of() : requirements(b.map("when"), valueIds);
        if (!otherwise && when.isEmpty()) throw b.require("when").error("needs at least one property");
        boolean exempt = "true".equals(b.optText("exempt", "false"));
        if (exempt == b.has("require")) throw b.error("a branch has either 'require' or 'exempt: true'");
        if (exempt && otherwise) throw b.require("exempt").error("the catch-all branch cannot be exempt; put the exemption in a 'when'");
        List<Requirement> req = exempt ? List.of() : requirements(b.map("require"), valueIds);
        if (!exempt && req.isEmpty()) throw b.require("require").error("needs at least one property");
        branches.add(new AutomatedCheck.Branch(b.text("description"), when, req));
      }
      return new AutomatedCheck(q, m.text("label"), m.text("identify_by"), m.texts("select"), none, branches);
    }

    private static AutomatedCheck.Expect expect(String text) {
      return switch (text.trim()) {
        case "each" -> AutomatedCheck.Expect.EACH;
        case "none" -> AutomatedCheck.Expect.NONE;
        case "at_least_one" -> AutomatedCheck.Expect.AT_LEAST_ONE;
        default -> throw new IllegalArgumentException("unknown quantifier '" + text + "' (expected each, none or at_least_one)");
      };
    }

    static String expectName(AutomatedCheck.Expect e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static SystemCheck.Absent absent(String text) {
      return switch (text.trim()) {
        case "pass" -> SystemCheck.Absent.PASS;
        case "fail" -> SystemCheck.Absent.FAIL;
        default -> throw new IllegalArgumentException("expected pass or fail, found '" + text + "'");
      };
    }

    private static SystemCheck.Registry registry(Node.Mapping m, Set<String> valueIds) throws ContentException {
      boolean first = m.has("first_present");
      if (first == m.has("values")) throw m.error("give exactly one of 'values' or 'first_present'");
      List<SystemCheck.RegistryValue> out = new ArrayList<>();
      if (first) {
        m.allow("label", "first_present", "require", "when_absent");
        Requirement req = single("value", m.require("require"), valueIds);
        SystemCheck.Absent absent = m.optParsed("when_absent", CheckSource::absent, SystemCheck.Absent.FAIL);
        List<Node> locations = m.list("first_present");
        if (locations.size() < 2) throw m.require("first_present").error("needs at least two locations");
        for (Node n : locations) {
          Node.Mapping l = asMap(n).allow("key", "name");
          out.add(registryValue(l, req, absent));
        }
      } else {
        m.allow("label", "values");
        List<Node> values = m.list("values");
        if (values.isEmpty()) throw m.require("values").error("needs at least one value");
        for (Node n : values) {
          Node.Mapping v = asMap(n).allow("key", "name", "require", "when_absent");
          out.add(registryValue(v, single("value", v.require("require"), valueIds),
              v.optParsed("when_absent", CheckSource::absent, SystemCheck.Absent.FAIL)));
        }
      }
      return new SystemCheck.Registry(m.text("label"), first, out);
    }

    private static SystemCheck.RegistryValue registryValue(Node.Mapping l, Requirement req, SystemCheck.Absent absent)
        throws ContentException {
      try {
        return new SystemCheck.RegistryValue(l.text("key"), l.text("name"), req, absent);
      } catch (IllegalArgumentException e) {
        throw l.require("key").error(e.getMessage());
      }
    }

    private static SystemCheck.Service service(Node.Mapping m, Set<String> valueIds) throws ContentException {
      m.allow("label", "names", "require", "when_absent", "expect");
      List<String> names = m.texts("names");
      if (names.isEmpty()) throw m.require("names").error("needs at least one service name");
      for (int i = 0; i < names.size(); i++) {
        if (!names.get(i).matches("[A-Za-z0-9_.$-]+")) throw m.list("names").get(i).error("'" + names.get(i) + "' is not a service name");
      }
      boolean absentOnly = false;
      if (m.has("expect")) {
        if (!"none".equals(m.text("expect").trim())) throw m.require("expect").error("a service check takes only 'expect: none' (the service must not be installed)");
        absentOnly = true;
        if (m.has("require") || m.has("when_absent")) throw m.error("expect: none takes neither 'require' nor 'when_absent'");
      }
      List<Requirement> req = new ArrayList<>();
      if (!absentOnly) {
        Node.Mapping r = m.map("require");
        for (Map.Entry<String, Node> e : r.fields().entrySet()) {
          if (!SystemCheck.Service.ENTITIES.contains(e.getKey())) {
            throw e.getValue().error("'" + e.getKey() + "' is not a service entity (expected one of: "
                + String.join(", ", new java.util.TreeSet<>(SystemCheck.Service.ENTITIES)) + ")");
          }
          Requirement q = single(e.getKey(), e.getValue(), valueIds);
          if (q.datatype() != Datatype.STRING) q = new Requirement(q.property(), q.operation(), q.value(), Datatype.STRING, q.valueRef());
          req.add(q);
        }
        if (req.isEmpty()) throw m.require("require").error("needs at least one entity");
      }
      return new SystemCheck.Service(m.text("label"), names, req,
          m.optParsed("when_absent", CheckSource::absent, SystemCheck.Absent.PASS), absentOnly);
    }

    private static SystemCheck.FileRights fileRights(Node.Mapping m, Set<String> valueIds) throws ContentException {
      m.allow("label", "path", "allowed_trustees", "rights");
      Requirement trustees = single("trustee_sid", m.require("allowed_trustees"), valueIds);
      if (trustees.operation() != Operation.EQUALS && trustees.operation() != Operation.PATTERN_MATCH) {
        throw m.require("allowed_trustees").error("allowed trustees are a regular expression on the SID");
      }
      trustees = new Requirement("trustee_sid", Operation.PATTERN_MATCH, trustees.value(), Datatype.STRING, trustees.valueRef());
      List<String> rights = m.texts("rights");
      if (rights.isEmpty()) throw m.require("rights").error("needs at least one right");
      for (int i = 0; i < rights.size(); i++) {
        if (!SystemCheck.FileRights.RIGHTS.contains(rights.get(i))) {
          throw m.list("rights").get(i).error("'" + rights.get(i) + "' is not a file right (expected one of: "
              + String.join(", ", SystemCheck.FileRights.RIGHTS) + ")");
        }
      }
      return new SystemCheck.FileRights(m.text("label"), path(m.require("path")), trustees, rights);
    }

    private static SystemCheck.Partition partition(Node.Mapping m) throws ContentException {
      m.allow("label", "path", "not_on_drive_of");
      return new SystemCheck.Partition(m.text("label"), path(m.require("path")), path(m.require("not_on_drive_of")));
    }

    /** A path: literal text, {registry: {key, name}, append} or {cmdlet: {module, noun, property}, append}. */
    private static SystemCheck.PathSource path(Node n) throws ContentException {
      if (n instanceof Node.Scalar s) {
        if (!s.text().matches("(?i)[a-z]:\\\\.*")) throw n.error("a literal path starts with a drive, e.g. 'C:\\Program Files'");
        return new SystemCheck.LiteralPath(s.text());
      }
      Node.Mapping m = asMap(n).allow("registry", "cmdlet", "xml_file", "append");
      if (m.has("xml_file")) {
        if (m.has("registry") || m.has("cmdlet") || m.has("append")) throw m.error("xml_file stands alone: {xml_file: {file, xpath}}");
        Node.Mapping x = m.map("xml_file").allow("file", "xpath");
        SystemCheck.PathSource file = path(x.require("file"));
        if (!(file instanceof SystemCheck.RegistryPath rp) || rp.append() == null) {
          throw x.require("file").error("the XML file is {registry: {key, name}, append: 'relative\\\\file.config'}");
        }
        String xpath = x.text("xpath");
        try {
          javax.xml.xpath.XPathFactory.newInstance().newXPath().compile(xpath);
        } catch (javax.xml.xpath.XPathExpressionException e) {
          throw x.require("xpath").error("not an XPath 1.0 expression: " + xpath);
        }
        return new SystemCheck.XmlFilePath(rp, xpath);
      }
      if (m.has("registry") == m.has("cmdlet")) throw m.error("give exactly one of 'registry', 'cmdlet' or 'xml_file'");
      String append = m.optText("append", null);
      if (append != null && (append.isBlank() || append.startsWith("\\") || append.endsWith("\\"))) {
        throw m.require("append").error("a relative path without leading or trailing backslash");
      }
      if (m.has("registry")) {
        Node.Mapping r = m.map("registry").allow("key", "name");
        try {
          return new SystemCheck.RegistryPath(r.text("key"), r.text("name"), append);
        } catch (IllegalArgumentException e) {
          throw r.require("key").error(e.getMessage());
        }
      }
      Node.Mapping c = m.map("cmdlet").allow("module", "noun", "property");
      return new SystemCheck.CmdletPath(new CmdletQuery(c.optText("module", EXCHANGE), "Get", c.text("noun")),
          c.text("property"), append);
    }

    /** One requirement on a named OVAL entity: a literal (equals) or {operation, value | value_ref, datatype}. */
    private static Requirement single(String entity, Node n, Set<String> valueIds) throws ContentException {
      if (n instanceof Node.Scalar s) {
        if (s.isNull()) throw n.error("expected value is missing");
        return new Requirement(entity, Operation.EQUALS, canonical(s.text()), inferType(s.text()), null);
      }
      Node.Mapping d = asMap(n).allow("operation", "value", "value_ref", "datatype");
      if (d.has("value") == d.has("value_ref")) throw d.error("give exactly one of 'value' or 'value_ref'");
      String ref = d.optText("value_ref", null);
      if (ref != null && !valueIds.contains(ref)) throw d.require("value_ref").error("no benchmark value '" + ref + "'");
      String v = d.has("value") ? d.text("value") : null;
      Datatype dt = d.optParsed("datatype", Datatype::parse, v == null ? Datatype.STRING : inferType(v));
      return new Requirement(entity, d.optParsed("operation", Operation::parse, Operation.EQUALS),
          v == null ? null : dt == Datatype.BOOLEAN ? canonical(v) : v, dt, ref);
    }

    /**
     * {@code Property: value} means equals, typed by how YAML wrote it; {@code Property: {operation,
     * value | value_ref, datatype}} spells it out.
     */
    private static List<Requirement> requirements(Node.Mapping m, Set<String> valueIds) throws ContentException {
      Map<String, Requirement> out = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : m.fields().entrySet()) {
        String prop = e.getKey();
        Node n = e.getValue();
        if (!prop.matches("[A-Za-z][A-Za-z0-9]*")) throw n.error("'" + prop + "' is not a PowerShell property name");
        Requirement r;
        if (n instanceof Node.Scalar s) {
          if (s.isNull()) throw n.error("expected value is missing");
          r = new Requirement(prop, Operation.EQUALS, canonical(s.text()), inferType(s.text()), null);
        } else {
          Node.Mapping d = asMap(n).allow("operation", "value", "value_ref", "value_from", "datatype");
          int given = (d.has("value") ? 1 : 0) + (d.has("value_ref") ? 1 : 0) + (d.has("value_from") ? 1 : 0);
          if (given != 1) throw d.error("give exactly one of 'value', 'value_ref' or 'value_from'");
          String ref = d.optText("value_ref", null);
          if (ref != null && !valueIds.contains(ref)) throw d.require("value_ref").error("no benchmark value '" + ref + "'");
          Requirement.CmdletProperty from = null;
          if (d.has("value_from")) {
            Node.Mapping f = d.map("value_from").allow("module", "noun", "property");
            from = new Requirement.CmdletProperty(
                new CmdletQuery(f.optText("module", EXCHANGE), "Get", f.text("noun")),
                f.text("property"));
          }
          String v = d.has("value") ? d.text("value") : null;
          Datatype dt = d.optParsed("datatype", Datatype::parse, v == null ? Datatype.STRING : inferType(v));
          r = new Requirement(prop, d.optParsed("operation", Operation::parse, Operation.EQUALS),
              v == null ? null : dt == Datatype.BOOLEAN ? canonical(v) : v, dt, ref, from);
        }
        out.put(prop, r);
      }
      return List.copyOf(out.values());
    }

    private static Datatype inferType(String text) {
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) return Datatype.BOOLEAN;
      if (text.matches("-?\\d+")) return Datatype.INT;
      return Datatype.STRING;
    }

    /** OVAL and oscap want booleans lower-case. */
    private static String canonical(String text) {
      return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? text.toLowerCase(java.util.Locale.ROOT) : text;
    }
  }
}
