package dev.stigsmith.importer;

import dev.stigsmith.importer.XmlTree.El;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Cci;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Fix;
import dev.stigsmith.model.ManualCheck;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Reference;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import dev.stigsmith.model.Status;
import dev.stigsmith.scap.disa.DisaDescription;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a DISA manual STIG benchmark (XCCDF 1.1.4, one Group per Vuln ID holding one Rule) into the
 * model. The file carries no platform, no CCI → NIST mapping and no history: CCIs are looked up in the
 * table given, and the ones it lacks are created with no NIST controls and reported.
 */
public final class DisaBenchmarkImporter {
  public static final String XCCDF11 = "http://checklists.nist.gov/xccdf/1.1";
  public static final String DC = "http://purl.org/dc/elements/1.1/";
  public static final String LEGACY_SYSTEM = "http://cyber.mil/legacy";
  /** DISA moved its CCI ident system from iase.disa.mil to cyber.mil; older files still use the first. */
  public static final List<String> CCI_SYSTEMS = List.of("http://cyber.mil/cci", "http://iase.disa.mil/cci");

  private static final Pattern RELEASE_INFO =
      Pattern.compile("Release:\\s*(\\d+)\\s+Benchmark Date:\\s*(\\d{1,2}\\s+\\p{L}+\\s+\\d{4})");

  private DisaBenchmarkImporter() {}

  /**
   * @param benchmark the imported STIG: current revisions only, ccis = {@code knownCcis} plus the new ones
   * @param unknownCcis CCIs the rules cite that {@code knownCcis} lacked (created without NIST controls)
   */
  public record Result(Benchmark benchmark, List<String> unknownCcis) {
    public Result {
      unknownCcis = List.copyOf(unknownCcis);
    }
  }

  public static Result read(Path file, Map<String, Cci> knownCcis) throws ImportException {
    return new Reader(file, XmlTree.read(file), knownCcis).benchmark();
  }

  /** Imports without a CCI table: every CCI is new. */
  public static Benchmark read(Path file) throws ImportException {
    return read(file, Map.of()).benchmark();
  }

  private static final class Reader {
    private final Path file;
    private final El root;
    private final Map<String, Cci> knownCcis;

    Reader(Path file, El root, Map<String, Cci> knownCcis) {
      this.file = file;
      this.root = root;
      this.knownCcis = knownCcis;
    }

    private ImportException error(El at, String message) {
      return new ImportException(file, at == null ? -1 : at.line(), message);
    }

    Result benchmark() throws ImportException {
      if (!root.name().equals("Benchmark")) {
        throw error(root, "not a DISA STIG benchmark: the root element is " + root.name() + ", not Benchmark");
      }
      if (!root.ns().equals(XCCDF11)) {
        throw error(root, "not a DISA manual STIG benchmark: expected XCCDF 1.1 (" + XCCDF11 + "), found namespace '"
            + root.ns() + "'");
      }
      String id = requireAttr(root, "id");
      El statusEl = require(root, "status");
      Status status = parse(statusEl, "status", Status::parse, statusEl.text());
      LocalDate statusDate = statusEl.attr("date") == null ? null
          : parse(statusEl, "status date", LocalDate::parse, statusEl.attr("date"));
      String version = requireText(root, "version");
      El releaseInfo = plainText("release-info");
      if (releaseInfo == null) throw error(root, "no <plain-text id=\"release-info\"> (\"Release: N Benchmark Date: …\")");
      Matcher m = RELEASE_INFO.matcher(releaseInfo.text());
      if (!m.find()) {
        throw error(releaseInfo, "release-info '" + releaseInfo.text().trim()
            + "' is not \"Release: N Benchmark Date: DD Mon YYYY\"");
      }
      if (m.group(1).length() > 9) {
        throw error(releaseInfo, "release-info '" + releaseInfo.text().trim() + "': release " + m.group(1)
            + " is not a release number (at most 9 digits)");
      }
      int release = Integer.parseInt(m.group(1));
      LocalDate benchmarkDate = disaDate(releaseInfo, m.group(2));
      El notice = root.first(XCCDF11, "notice");
      El benchRef = root.first(XCCDF11, "reference");
      String source = benchRef == null || benchRef.first(DC, "source") == null ? "STIG.DOD.MIL"
          : benchRef.first(DC, "source").text();

      List<El> groups = root.all(XCCDF11, "Group");
      if (groups.isEmpty()) throw error(root, "no Group elements: not a DISA STIG benchmark (one Group per Vuln ID)");
      String releaseName = "V" + version.trim() + "R" + release;
      List<Rule> rules = new ArrayList<>();
      Map<String, El> seen = new HashMap<>();
      Reference reference = null;
      TreeSet<String> cited = new TreeSet<>();
      for (El g : groups) {
        Rule r = rule(g, status == Status.DEPRECATED ? Status.ACCEPTED : status, statusDate, releaseName);
        El ruleEl = g.all(XCCDF11, "Rule").get(0);
        for (String key : List.of("Vuln ID " + r.vulnId(), "Rule ID " + r.ruleId(), "STIG ID " + r.stigId())) {
          El other = seen.putIfAbsent(key, key.startsWith("Vuln") ? g : ruleEl);
          if (other != null) throw error(key.startsWith("Vuln") ? g : ruleEl, "duplicate " + key + " (first at line " + other.line() + ")");
        }
        if (reference == null) reference = reference(ruleEl.first(XCCDF11, "reference"));
        cited.addAll(r.ccis());
        rules.add(r);
      }
      rules.sort(Comparator.comparingLong(Rule::vulnNumber));

      List<Profile> profiles = new ArrayList<>();
      for (El p : root.all(XCCDF11, "Profile")) {
        List<String> selected = new ArrayList<>();
        for (El s : p.all(XCCDF11, "select")) {
          String idref = requireAttr(s, "idref");
          if (!seen.containsKey("Vuln ID " + idref)) throw error(s, "profile " + p.attr("id") + " selects " + idref + ", which is no Group here");
          if (!"false".equals(s.attr("selected"))) selected.add(idref);
        }
        El desc = p.first(XCCDF11, "description");
        String d = desc == null ? "" : desc.text();
        Matcher pd = Pattern.compile("(?s)<ProfileDescription>(.*?)</ProfileDescription>").matcher(d);
        profiles.add(new Profile(requireAttr(p, "id"), requireText(p, "title"), pd.find() ? pd.group(1) : d, selected));
      }

      Map<String, Cci> ccis = new TreeMap<>(knownCcis);
      List<String> unknown = new ArrayList<>();
      for (String c : cited) {
        if (!ccis.containsKey(c)) {
          ccis.put(c, new Cci(c, List.of(), ""));
          unknown.add(c);
        }
      }
      Benchmark b = new Benchmark(id, requireText(root, "title"), text(root, "description"), version.trim(), release,
          benchmarkDate, status, statusDate, notice == null ? "" : notice.attr("id"), source, "UNCLASSIFIED",
          reference, null, profiles, List.of(), rules, ccis);
      return new Result(b, unknown);
    }

    private Rule rule(El g, Status status, LocalDate statusDate, String releaseName) throws ImportException {
      String vulnId = requireAttr(g, "id");
      if (!Rule.isVulnId(vulnId)) throw error(g, "Group id '" + vulnId + "' is not a Vuln ID (" + Rule.VULN_ID_FORM + ")");
      List<El> ruleEls = g.all(XCCDF11, "Rule");
      if (ruleEls.size() != 1) throw error(g, "Group " + vulnId + " holds " + ruleEls.size() + " Rules; DISA STIGs have exactly one");
      El r = ruleEls.get(0);
      RuleId ruleId = parse(r, "Rule id", RuleId::parse, requireAttr(r, "id"));
      Severity severity = parse(r, "severity", Severity::parse, r.attr("severity") == null ? "medium" : r.attr("severity"));
      String weight = r.attr("weight") == null ? "10.0" : r.attr("weight");

      List<String> legacy = new ArrayList<>();
      List<String> ccis = new ArrayList<>();
      for (El ident : r.all(XCCDF11, "ident")) {
        String system = ident.attr("system") == null ? "" : ident.attr("system");
        String value = ident.text().trim();
        if (system.equals(LEGACY_SYSTEM)) {
          legacy.add(value);
        } else if (CCI_SYSTEMS.contains(system)) {
          if (!value.matches("CCI-\\d{6}")) throw error(ident, "'" + value + "' is not a CCI (CCI-nnnnnn)");
          if (!ccis.contains(value)) ccis.add(value);
        }
      }
      El checkEl = require(r, "check");
      String checkId = requireAttr(checkEl, "system");
      El checkContent = require(checkEl, "check-content");
      El fixtext = require(r, "fixtext");
      El fixEl = r.first(XCCDF11, "fix");
      String fixId = fixEl != null && fixEl.attr("id") != null ? fixEl.attr("id") : fixtext.attr("fixref");
      if (fixId == null) throw error(fixtext, "Rule " + ruleId + " has neither fix@id nor fixtext@fixref");
      Description description = DisaDescription.parse(text(r, "description"));
      try {
        return new Rule(vulnId, ruleId, requireText(r, "version").trim(), requireText(g, "title"), requireText(r, "title"),
            severity, weight, description, ccis, legacy, new ManualCheck(checkId, checkContent.text()),
            new Fix(fixId, fixtext.text(), null), status, statusDate, releaseName, null, null);
      } catch (IllegalArgumentException e) {
        throw error(r, e.getMessage());
      }
    }

    private static Reference reference(El ref) {
      if (ref == null) return null;
      return new Reference(dc(ref, "title"), dc(ref, "publisher"), dc(ref, "type"), dc(ref, "subject"), dc(ref, "identifier"));
    }

    private static String dc(El ref, String name) {
      El e = ref.first(DC, name);
      return e == null ? "" : e.text();
    }

    private El plainText(String id) {
      for (El p : root.all(XCCDF11, "plain-text")) if (id.equals(p.attr("id"))) return p;
      return null;
    }

    private LocalDate disaDate(El at, String text) throws ImportException {
      String t = text.trim().replaceAll("\\s+", " ");
      for (String pattern : List.of("d MMM yyyy", "d MMMM yyyy")) {
        try {
          return LocalDate.parse(t, DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
        } catch (DateTimeParseException e) {
          // try the next spelling
        }
      }
      throw error(at, "benchmark date '" + t + "' is not a date like 24 Jan 2024");
    }

    private El require(El parent, String name) throws ImportException {
      El e = parent.first(XCCDF11, name);
      if (e == null) throw error(parent, parent.name() + " " + idOf(parent) + "has no <" + name + ">");
      return e;
    }

    private String requireText(El parent, String name) throws ImportException {
      El e = require(parent, name);
      if (e.text().isBlank()) throw error(e, parent.name() + " " + idOf(parent) + "has an empty <" + name + ">");
      return e.text();
    }

    private static String text(El parent, String name) {
      El e = parent.first(XCCDF11, name);
      return e == null ? "" : e.text();
    }

    private String requireAttr(El e, String name) throws ImportException {
      String v = e.attr(name);
      if (v == null || v.isBlank()) throw error(e, "<" + e.name() + "> has no " + name + " attribute");
      return v.trim();
    }

    private static String idOf(El e) {
      return e.attr("id") == null ? "" : e.attr("id") + " ";
    }

    private <T> T parse(El at, String what, java.util.function.Function<String, T> f, String text) throws ImportException {
      try {
        return f.apply(text.trim());
      } catch (RuntimeException e) {
        throw error(at, what + ": " + e.getMessage());
      }
    }
  }
}
