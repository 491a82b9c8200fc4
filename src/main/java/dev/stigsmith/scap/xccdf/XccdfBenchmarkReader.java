package dev.stigsmith.scap.xccdf;

import static dev.stigsmith.scap.ds.ScapSource.child;
import static dev.stigsmith.scap.ds.ScapSource.childText;
import static dev.stigsmith.scap.ds.ScapSource.children;
import static dev.stigsmith.xml.Ns.DC;
import static dev.stigsmith.xml.Ns.XCCDF12;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Cci;
import dev.stigsmith.model.Datatype;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Fix;
import dev.stigsmith.model.ManualCheck;
import dev.stigsmith.model.Platform;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Reference;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import dev.stigsmith.model.Status;
import dev.stigsmith.model.Value;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Reads an XCCDF 1.2 STIG benchmark (ours, or any that carries DISA identifiers the same way) back
 * into the model, with the OVAL check each rule points at. The evaluator works from this, never
 * from our content sources, so it runs on the data stream a user would hand any SCAP tool.
 */
public final class XccdfBenchmarkReader {
  // A release number an int holds; anything else reads as no release info, like any other text there.
  private static final Pattern RELEASE = Pattern.compile("Release:\\s*(\\d{1,9})\\s+Benchmark Date:\\s*(.+)");
  private static final Pattern XCCDF_ID = Pattern.compile("xccdf_[^_]+_[a-z]+_(.+)");

  /** Where a rule's OVAL check is: the href (file / catalog name) and the definition id. */
  public record OvalRef(String href, String definitionId, Map<String, String> exports) {
    public OvalRef(String href, String definitionId) {
      this(href, definitionId, Map.of());
    }
  }

  /** Where a rule's OCIL check is: the href (file / catalog name) and the questionnaire id. */
  public record OcilRef(String href, String questionnaireId) {}

  /**
   * The model plus what evaluation needs that the model does not say.
   *
   * @param valueDefaults XCCDF Value id → its default value
   * @param ocilChecks rules whose check an assessor answers through an OCIL questionnaire
   */
  public record Loaded(Benchmark benchmark, String xccdfId, Map<RuleId, String> xccdfRuleIds,
      Map<RuleId, OvalRef> ovalChecks, Map<String, String> profileXccdfIds, String platformIdref,
      Map<String, String> valueDefaults, Map<RuleId, OcilRef> ocilChecks) {}

  /** A benchmark's title and platform, which are all it takes to tell whether it applies to a host. */
  public record Heading(String title, String platformIdref) {}

  /** The {@link Heading} alone, without reading the rules. */
  public static Heading heading(Element bm) {
    return new Heading(text(childText(bm, XCCDF12, "title")),
        child(bm, XCCDF12, "platform").map(e -> e.getAttribute("idref")).orElse(null));
  }

  /** DISA's check ids, e.g. C-22933r811172_chk: the system of the manual check that carries the text. */
  private static final Pattern DISA_CHECK = Pattern.compile("C-\\d+r\\d+_chk");

  private XccdfBenchmarkReader() {}

  public static Loaded read(Element bm) {
    String xccdfId = bm.getAttribute("id");
    String id = strip(xccdfId);
    String version = childText(bm, XCCDF12, "version");
    String releaseInfo = null;
    for (Element pt : children(bm, XCCDF12, "plain-text")) {
      if ("release-info".equals(pt.getAttribute("id"))) releaseInfo = pt.getTextContent();
    }
    int release = 0;
    LocalDate date = LocalDate.of(1970, 1, 1);
    if (releaseInfo != null) {
      Matcher m = RELEASE.matcher(releaseInfo.trim());
      if (m.matches()) {
        release = Integer.parseInt(m.group(1));
        date = disaDate(m.group(2).trim());
      }
    }
    String stigVersion = version == null ? "1" : version.split("\\.")[0];
    Element status = child(bm, XCCDF12, "status").orElse(null);
    String source = "STIG.DOD.MIL";
    for (Element ref : children(bm, XCCDF12, "reference")) {
      String s = childText(ref, DC, "source");
      if (s != null) source = s;
    }
    Map<String, Cci> ccis = new TreeMap<>();
    List<Rule> rules = new ArrayList<>();
    Map<RuleId, String> xccdfRuleIds = new LinkedHashMap<>();
    Map<RuleId, OvalRef> checks = new LinkedHashMap<>();
    Map<RuleId, OcilRef> ocilChecks = new LinkedHashMap<>();
    Reference reference = null;
    for (Element g : children(bm, XCCDF12, "Group")) {
      for (Element r : children(g, XCCDF12, "Rule")) {
        Rule rule = rule(g, r, ccis);
        rules.add(rule);
        xccdfRuleIds.put(rule.ruleId(), r.getAttribute("id"));
        for (Element c : children(r, XCCDF12, "check")) {
          if (XccdfRenderer.OVAL_SYSTEM.equals(c.getAttribute("system"))) {
            Map<String, String> exports = new LinkedHashMap<>();
            for (Element x : children(c, XCCDF12, "check-export")) exports.put(x.getAttribute("value-id"), x.getAttribute("export-name"));
            child(c, XCCDF12, "check-content-ref").ifPresent(ref ->
                checks.putIfAbsent(rule.ruleId(), new OvalRef(ref.getAttribute("href"), ref.getAttribute("name"), exports)));
          } else if (XccdfRenderer.OCIL_SYSTEM.equals(c.getAttribute("system"))) {
            child(c, XCCDF12, "check-content-ref").ifPresent(ref ->
                ocilChecks.putIfAbsent(rule.ruleId(), new OcilRef(ref.getAttribute("href"), ref.getAttribute("name"))));
          }
        }
        if (reference == null) reference = dpmsReference(r);
      }
    }
    Map<String, String> profileIds = new LinkedHashMap<>();
    List<Profile> profiles = new ArrayList<>();
    Map<String, String> groupToVuln = new HashMap<>();
    for (Element g : children(bm, XCCDF12, "Group")) {
      groupToVuln.put(g.getAttribute("id"), strip(g.getAttribute("id")));
    }
    for (Element p : children(bm, XCCDF12, "Profile")) {
      List<String> selected = new ArrayList<>();
      for (Element s : children(p, XCCDF12, "select")) {
        String vuln = groupToVuln.get(s.getAttribute("idref"));
        if (vuln != null && "true".equals(s.getAttribute("selected"))) selected.add(vuln);
      }
      String pid = strip(p.getAttribute("id"));
      profileIds.put(pid, p.getAttribute("id"));
      profiles.add(new Profile(pid, text(childText(p, XCCDF12, "title")), text(childText(p, XCCDF12, "description")), selected));
    }
    List<Value> values = new ArrayList<>();
    Map<String, String> valueDefaults = new LinkedHashMap<>();
    for (Element v : children(bm, XCCDF12, "Value")) {
      valueDefaults.put(v.getAttribute("id"), text(childText(v, XCCDF12, "value")));
      String type = v.getAttribute("type");
      values.add(new Value(strip(v.getAttribute("id")), text(childText(v, XCCDF12, "title")),
          text(childText(v, XCCDF12, "description")),
          "boolean".equals(type) ? Datatype.BOOLEAN : "number".equals(type) ? Datatype.INT : Datatype.STRING,
          text(childText(v, XCCDF12, "value"))));
    }
    Heading heading = heading(bm);
    String platformIdref = heading.platformIdref();
    Platform platform = new Platform(platformIdref == null ? "" : platformIdref, "", platformIdref == null ? "" : platformIdref, List.of());
    Benchmark b = new Benchmark(id, heading.title(), text(childText(bm, XCCDF12, "description")),
        stigVersion, release, date, status == null ? Status.ACCEPTED : Status.parse(status.getTextContent()),
        status == null || status.getAttribute("date").isEmpty() ? null : LocalDate.parse(status.getAttribute("date")),
        text(childText(bm, XCCDF12, "notice")), source, "UNCLASSIFIED",
        reference == null ? new Reference("", "DISA", "", "", "") : reference,
        platform, profiles, values, rules, ccis);
    return new Loaded(b, xccdfId, xccdfRuleIds, checks, profileIds, platformIdref, valueDefaults, ocilChecks);
  }

  private static Rule rule(Element group, Element r, Map<String, Cci> ccis) {
    Map<String, List<String>> idents = new LinkedHashMap<>();
    for (Element i : children(r, XCCDF12, "ident")) {
      idents.computeIfAbsent(i.getAttribute("system"), k -> new ArrayList<>()).add(i.getTextContent().trim());
    }
    String xid = r.getAttribute("id");
    RuleId ruleId = first(idents, XccdfRenderer.RULE_ID_SYSTEM) != null
        ? RuleId.parse(first(idents, XccdfRenderer.RULE_ID_SYSTEM)) : RuleId.parse(strip(xid));
    String vulnId = first(idents, XccdfRenderer.VULN_ID_SYSTEM) != null
        ? first(idents, XccdfRenderer.VULN_ID_SYSTEM) : strip(group.getAttribute("id"));
    List<String> ruleCcis = new ArrayList<>();
    ruleCcis.addAll(idents.getOrDefault(XccdfRenderer.CCI_SYSTEM, List.of()));
    ruleCcis.addAll(idents.getOrDefault("http://iase.disa.mil/cci", List.of()));
    List<String> nist = new ArrayList<>();
    for (Element ref : children(r, XCCDF12, "reference")) {
      if (XccdfRenderer.NIST_REFERENCE.equals(ref.getAttribute("href"))) nist.add(ref.getTextContent().trim());
    }
    for (String c : ruleCcis) {
      ccis.merge(c, new Cci(c, nist, ""), (a, b) -> a);
    }
    ManualCheck manual = manualCheck(r);
    Element fixtext = child(r, XCCDF12, "fixtext").orElse(null);
    String script = null;
    for (Element f : children(r, XCCDF12, "fix")) {
      if (XccdfRenderer.POWERSHELL_FIX.equals(f.getAttribute("system"))) script = f.getTextContent();
    }
    Element status = child(r, XCCDF12, "status").orElse(null);
    Status st = status == null ? Status.ACCEPTED : Status.parse(status.getTextContent());
    String discussion = text(childText(r, XCCDF12, "description"));
    return new Rule(vulnId, ruleId, text(childText(r, XCCDF12, "version")), text(childText(group, XCCDF12, "title")),
        text(childText(r, XCCDF12, "title")), Severity.parse(r.getAttribute("severity").isEmpty() ? "medium" : r.getAttribute("severity")),
        r.getAttribute("weight").isEmpty() ? "10.0" : r.getAttribute("weight"),
        Description.of(discussion), ruleCcis,
        concat(idents.getOrDefault(XccdfRenderer.LEGACY_SYSTEM, List.of())), manual,
        new Fix(fixtext == null ? "" : fixtext.getAttribute("fixref"), fixtext == null ? "" : fixtext.getTextContent(), script),
        st, status == null || status.getAttribute("date").isEmpty() ? null : LocalDate.parse(status.getAttribute("date")),
        "", null, null);
  }

  /**
   * DISA's check: the one whose system is a C-…_chk id; failing that (benchmarks named otherwise), the
   * first check that is neither OVAL nor OCIL. SCAP checks never are, whatever their order.
   */
  private static ManualCheck manualCheck(Element rule) {
    for (Element meta : children(rule, XCCDF12, "metadata")) {
      for (Element c : children(meta, XccdfRenderer.STIG_METADATA, "check-content")) {
        return new ManualCheck(c.getAttribute("check-id"), c.getTextContent());
      }
    }
    Element other = null;
    for (Element c : children(rule, XCCDF12, "check")) {
      String system = c.getAttribute("system");
      if (DISA_CHECK.matcher(system).matches()) return manualCheckOf(c);
      if (other == null && !XccdfRenderer.OVAL_SYSTEM.equals(system) && !XccdfRenderer.OCIL_SYSTEM.equals(system)) {
        other = c;
      }
    }
    return other == null ? new ManualCheck("", "") : manualCheckOf(other);
  }

  private static ManualCheck manualCheckOf(Element check) {
    return new ManualCheck(check.getAttribute("system"), text(childText(check, XCCDF12, "check-content")));
  }

  private static Reference dpmsReference(Element rule) {
    for (Element ref : children(rule, XCCDF12, "reference")) {
      String ident = childText(ref, DC, "identifier");
      if (ident != null) {
        return new Reference(text(childText(ref, DC, "title")), text(childText(ref, DC, "publisher")),
            text(childText(ref, DC, "type")), text(childText(ref, DC, "subject")), ident.trim());
      }
    }
    return null;
  }

  private static List<String> concat(List<String> l) { return List.copyOf(l); }

  private static String first(Map<String, List<String>> idents, String system) {
    List<String> l = idents.get(system);
    return l == null || l.isEmpty() ? null : l.get(0);
  }

  static String strip(String xccdfId) {
    Matcher m = XCCDF_ID.matcher(xccdfId);
    return m.matches() ? m.group(1) : xccdfId;
  }

  private static String text(String s) { return s == null ? "" : s; }

  private static LocalDate disaDate(String text) {
    for (String pattern : new String[] {"dd MMM yyyy", "d MMM yyyy"}) {
      try {
        return LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return LocalDate.of(1970, 1, 1);
  }
}
