package dev.stigsmith.xccdf.engine;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostFacts;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.oval.engine.OvalEngine;
import dev.stigsmith.oval.engine.OvalResult;
import dev.stigsmith.oval.engine.OvalResults;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalDefinitionsReader;
import dev.stigsmith.oval.model.OvalDocumentException;
import dev.stigsmith.oval.model.SystemCharacteristics;
import dev.stigsmith.oval.probe.Probe;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.Target;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.scap.xccdf.XccdfBenchmarkReader;
import dev.stigsmith.scap.xccdf.XccdfBenchmarkReader.OvalRef;
import dev.stigsmith.xml.Ns;
import dev.stigsmith.xml.XmlInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The XCCDF processor: selects rules by profile (and tailoring), checks the platform through the
 * CPE dictionary's OVAL, runs each selected rule's OVAL check with our interpreter and turns OVAL
 * results into XCCDF rule results. Check logic lives only in the OVAL; rules
 * checked by OCIL questionnaires are left for an assessor (notchecked).
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * @param profileId DISA's profile id (e.g. MAC-1_Classified) or the full XCCDF id; null for the
   *     benchmark's own selection
   * @param tailoring a parsed XCCDF tailoring, or null
   * @param time when the evaluation is stamped (start = end, so output is reproducible)
   */
  public record Request(String profileId, Tailoring tailoring, Instant time, String testSystem, String identity) {}

  /** Everything one evaluation produced. */
  public record Evaluation(TestResult testResult, XccdfBenchmarkReader.Loaded loaded, ScapSource source,
      OvalDefinitions definitions, SystemCharacteristics systemCharacteristics, OvalResults ovalResults,
      Applicability applicability, Map<String, List<String>> externalVariables) {}

  /** Whether the host is the platform the benchmark is for, and how we know. */
  public record Applicability(OvalResult result, String platform, String explanation) {
    public boolean notApplicable() { return result == OvalResult.FALSE; }
  }

  public static Evaluation evaluate(ScapSource source, HostData host, Request req) throws EvaluationException {
    return prepare(source, req).evaluate(host);
  }

  /**
   * Everything about a run that does not depend on the host: the benchmark read, the profile and
   * tailoring applied, the OVAL definitions and the platform check parsed. Built once per run;
   * {@link #evaluate} may then be called from several threads at once (it shares only immutable
   * models and never touches the source DOM).
   */
  public static Prepared prepare(ScapSource source, Request req) throws EvaluationException {
    return platform(source, req).prepare();
  }

  private static Prepared prepare(ScapSource source, Request req, PlatformCheck platform) throws EvaluationException {
    XccdfBenchmarkReader.Loaded loaded = XccdfBenchmarkReader.read(source.benchmark());
    Benchmark b = loaded.benchmark();
    Selection sel = Selection.of(loaded, req.profileId(), req.tailoring());

    Set<String> hrefs = new LinkedHashSet<>();
    for (Rule r : b.currentRules()) {
      OvalRef ref = loaded.ovalChecks().get(r.ruleId());
      if (ref != null && sel.selected(r)) hrefs.add(ref.href());
    }
    if (hrefs.size() > 1) throw new EvaluationException(source.file() + ": rules use several OVAL documents " + hrefs
        + "; stigsmith evaluates benchmarks whose checks share one");
    OvalDefinitions defs = null;
    if (!hrefs.isEmpty()) {
      String href = hrefs.iterator().next();
      defs = definitions(source, href, true);
    }
    Map<String, List<String>> external = sel.externalVariables(loaded);
    if (defs != null) checkPatterns(defs, external, req.tailoring());
    return new Prepared(source, req, loaded, sel, defs, external, platform);
  }

  /**
   * Only a benchmark's platform check, read without its rules or OVAL checks: enough to pick among
   * several benchmarks, so that only the one a host is for gets {@link Platform#prepare prepared}.
   */
  public static Platform platform(ScapSource source, Request req) throws EvaluationException {
    return platform(source, req, () -> source);
  }

  /**
   * As {@link #platform(ScapSource, Request)}, the check read from {@code platformPart}: a data stream
   * that holds at least the benchmark's title and platform, its CPE dictionary and the dictionary's
   * checks. {@code whole} gives the full content once the benchmark is {@link Platform#prepare
   * prepared}; a benchmark a host is not for is then never read in full.
   */
  public static Platform platform(ScapSource platformPart, Request req, Whole whole) throws EvaluationException {
    XccdfBenchmarkReader.Heading h = XccdfBenchmarkReader.heading(platformPart.benchmark());
    return new Platform(whole, req, h.title(), platformCheck(platformPart, h.platformIdref()));
  }

  /** The full content behind a platform check, read when first asked for. */
  @FunctionalInterface
  public interface Whole {
    ScapSource get() throws EvaluationException;
  }

  /** A benchmark's platform check, and the way to the rest of it. */
  public static final class Platform {
    private final Whole source;
    private final Request req;
    private final String title;
    private final PlatformCheck check;

    private Platform(Whole source, Request req, String title, PlatformCheck check) {
      this.source = source;
      this.req = req;
      this.title = title;
      this.check = check;
    }

    public String title() { return title; }

    public Applicability applicability(HostData host) {
      return check.check(host, req.time());
    }

    /** The whole benchmark made ready, reusing this platform check. */
    public Prepared prepare() throws EvaluationException {
      return Evaluator.prepare(source.get(), req, check);
    }
  }

  /** A benchmark made ready for many hosts. */
  public static final class Prepared {
    private final ScapSource source;
    private final Request req;
    private final XccdfBenchmarkReader.Loaded loaded;
    private final Selection sel;
    private final OvalDefinitions defs;
    private final Map<String, List<String>> external;
    private final PlatformCheck platform;

    private Prepared(ScapSource source, Request req, XccdfBenchmarkReader.Loaded loaded, Selection sel,
        OvalDefinitions defs, Map<String, List<String>> external, PlatformCheck platform) {
      this.source = source;
      this.req = req;
      this.loaded = loaded;
      this.sel = sel;
      this.defs = defs;
      this.external = external;
      this.platform = platform;
    }

    public ScapSource source() { return source; }

    public XccdfBenchmarkReader.Loaded loaded() { return loaded; }

    public Benchmark benchmark() { return loaded.benchmark(); }

    public OvalDefinitions definitions() { return defs; }

    public Request request() { return req; }

    /** The rules this run evaluates, in benchmark order. */
    public List<Rule> selectedRules() {
      return loaded.benchmark().currentRules().stream().filter(sel::selected).toList();
    }

    /** Only the platform check: whether this benchmark applies to the host. */
    public Applicability applicability(HostData host) {
      return platform.check(host, req.time());
    }

    public Evaluation evaluate(HostData host) {
      return evaluate(host, applicability(host));
    }

    /** As {@link #evaluate(HostData)} with the platform check already made by {@link #applicability}. */
    public Evaluation evaluate(HostData host, Applicability applicability) {
      Benchmark b = loaded.benchmark();
      SystemCharacteristics sc = null;
      OvalResults oval = null;
      if (defs != null) {
        sc = Probe.collect(defs, host, external, req.time());
        oval = OvalEngine.evaluate(defs, sc, external, req.time());
      }
      EvidenceFormatter evidence = oval == null ? null : new EvidenceFormatter(defs, oval);

      List<RuleResult> results = new ArrayList<>();
      for (Rule r : b.currentRules()) {
        if (!sel.selected(r)) continue;
        OvalRef ref = loaded.ovalChecks().get(r.ruleId());
        if (applicability.notApplicable()) {
          results.add(new RuleResult(r, ResultType.NOTAPPLICABLE, req.time(), List.of(applicability.explanation()), null, null));
          continue;
        }
        if (ref == null) {
          results.add(new RuleResult(r, ResultType.NOTCHECKED, req.time(), List.of(manualMessage(loaded, r)), null, null));
          continue;
        }
        OvalResult or = oval.result(ref.definitionId());
        List<String> lines = new ArrayList<>();
        if (oval.definition(ref.definitionId()).isEmpty()) {
          lines.add("OVAL definition " + ref.definitionId() + " is not in " + ref.href());
          or = OvalResult.ERROR;
        } else {
          lines.addAll(evidence.lines(ref.definitionId()));
        }
        if (applicability.result() != OvalResult.TRUE) lines.add(applicability.explanation());
        results.add(new RuleResult(r, map(or), req.time(), lines, null, null));
      }
      double score = Scoring.defaultScore(results);
      TestResult tr = new TestResult(b, sel.profileId(), target(host), req.time(), req.time(), req.testSystem(),
          req.identity(), results, score, 100.0, sel.setValues());
      return new Evaluation(tr, loaded, source, defs, sc, oval, applicability, external);
    }
  }

  /**
   * Why a rule without OVAL is not checked. An OCIL check is a question for a person, not for this
   * processor: its answer arrives later (answer files, checklists) and replaces this result.
   */
  static String manualMessage(XccdfBenchmarkReader.Loaded loaded, Rule r) {
    XccdfBenchmarkReader.OcilRef ocil = loaded.ocilChecks().get(r.ruleId());
    if (ocil != null) return "Manual check (OCIL questionnaire " + ocil.questionnaireId() + "): an assessor answers it";
    return "Manual check: no automated check exists for this rule; an assessor must review it.";
  }

  /**
   * A site Value compared by pattern match must be a regular expression; a bad one from a tailoring
   * file is the user's input error, not a rule that silently cannot be decided.
   */
  private static void checkPatterns(OvalDefinitions defs, Map<String, List<String>> external, Tailoring tailoring)
      throws EvaluationException {
    for (dev.stigsmith.oval.model.OvalState st : defs.states()) {
      for (dev.stigsmith.oval.model.Entity e : st.entities()) {
        for (dev.stigsmith.oval.model.Entity f : e.isRecord() ? e.fields() : List.of(e)) {
          if (f.varRef() == null || !"pattern match".equals(f.operation())) continue;
          for (String value : external.getOrDefault(f.varRef(), List.of())) {
            try {
              java.util.regex.Pattern.compile(value);
            } catch (java.util.regex.PatternSyntaxException x) {
              throw new EvaluationException((tailoring == null ? "" : tailoring.file() + ": ") + "the value '" + value
                  + "' given to " + f.varRef() + " is not a regular expression: " + x.getDescription());
            }
          }
        }
      }
    }
  }

  /** OVAL definition result → XCCDF rule result, as the XCCDF specification's OVAL mapping says. */
  static ResultType map(OvalResult r) {
    return switch (r) {
      case TRUE -> ResultType.PASS;
      case FALSE -> ResultType.FAIL;
      case ERROR -> ResultType.ERROR;
      case UNKNOWN -> ResultType.UNKNOWN;
      case NOT_APPLICABLE -> ResultType.NOTAPPLICABLE;
      case NOT_EVALUATED -> ResultType.NOTCHECKED;
    };
  }

  private static OvalDefinitions definitions(ScapSource source, String href, boolean fromBenchmark)
      throws EvaluationException {
    Element el;
    try {
      el = fromBenchmark ? source.resolveFromBenchmark(href) : source.resolveFromDictionary(href);
    } catch (XmlInputException e) {
      throw new EvaluationException(e.oneLine());
    }
    if (!Ns.OVAL_DEF.equals(el.getNamespaceURI()) || !"oval_definitions".equals(el.getLocalName())) {
      throw new EvaluationException(source.file() + ": '" + href + "' is not an OVAL definitions document");
    }
    try {
      return OvalDefinitionsReader.read(el, source.file() + "#" + href);
    } catch (OvalDocumentException e) {
      throw new EvaluationException(e.getMessage());
    }
  }

  /**
   * The platform check, read once: true → applicable; false → every rule is not applicable; anything
   * else (the facts were not collected) → rules are evaluated and the doubt is said in each result.
   */
  private record PlatformCheck(String platform, String name, OvalDefinitions defs, String defId, String missing) {
    Applicability check(HostData host, Instant time) {
      if (platform == null) return new Applicability(OvalResult.TRUE, null, "");
      if (defs == null) return new Applicability(OvalResult.UNKNOWN, platform, missing);
      SystemCharacteristics sc = Probe.collect(defs, host, Map.of(), time);
      OvalResult r = OvalEngine.evaluate(defs, sc, Map.of(), time).result(defId);
      String why = switch (r) {
        case TRUE -> "The host is " + name + ".";
        case FALSE -> "Not applicable: the host is not " + name + " (registry facts say otherwise).";
        default -> "Note: the host could not be confirmed as " + name
            + " (platform facts were not collected); rules were evaluated anyway.";
      };
      return new Applicability(r, platform, why);
    }
  }

  private static PlatformCheck platformCheck(ScapSource source, String platform) throws EvaluationException {
    if (platform == null) return new PlatformCheck(null, null, null, null, null);
    Optional<Element> dict;
    try {
      dict = source.cpeDictionary();
    } catch (XmlInputException e) {
      throw new EvaluationException(e.oneLine());
    }
    if (dict.isEmpty()) {
      return new PlatformCheck(platform, null, null, null, "Platform " + platform + " could not be checked: no CPE dictionary");
    }
    for (Element item : ScapSource.children(dict.get(), Ns.CPE_DICT, "cpe-item")) {
      if (!platform.equals(item.getAttribute("name"))) continue;
      String title = ScapSource.childText(item, Ns.CPE_DICT, "title");
      for (Element check : ScapSource.children(item, Ns.CPE_DICT, "check")) {
        OvalDefinitions defs = definitions(source, check.getAttribute("href"), false);
        return new PlatformCheck(platform, title == null ? platform : title, defs, check.getTextContent().trim(), null);
      }
    }
    return new PlatformCheck(platform, null, null, null, "Platform " + platform + " has no check in the CPE dictionary");
  }

  private static Target target(HostData host) {
    HostFacts f = host.facts();
    List<String> ips = new ArrayList<>(f.ipv4());
    ips.addAll(f.ipv6());
    List<Target.Fact> facts = new ArrayList<>();
    add(facts, "urn:xccdf:fact:asset:identifier:fqdn", f.fqdn());
    add(facts, "urn:xccdf:fact:asset:identifier:host_name", f.hostName());
    for (String mac : f.macAddresses()) add(facts, "urn:xccdf:fact:asset:identifier:mac", mac);
    for (String ip : f.ipv4()) add(facts, "urn:xccdf:fact:asset:identifier:ipv4", ip);
    for (String ip : f.ipv6()) add(facts, "urn:xccdf:fact:asset:identifier:ipv6", ip);
    add(facts, "urn:xccdf:fact:ethernet:MAC", null);
    add(facts, "urn:stigsmith:fact:os:name", f.osName());
    add(facts, "urn:stigsmith:fact:os:version", f.osVersion());
    add(facts, "urn:stigsmith:fact:exchange:version", f.exchangeVersion());
    for (String role : f.exchangeRoles()) add(facts, "urn:stigsmith:fact:exchange:role", role);
    String name = f.hostName() == null || f.hostName().isBlank() ? "unknown-host" : f.hostName();
    return new Target(name, f.fqdn(), ips, f.macAddresses(), facts);
  }

  private static void add(List<Target.Fact> facts, String name, String value) {
    if (value != null && !value.isBlank()) facts.add(new Target.Fact(name, "string", value));
  }

  /** Which rules a profile and tailoring select, and the values they set. */
  private record Selection(String profileId, Set<String> vulnIds, Map<String, String> setValues) {
    boolean selected(Rule r) {
      return r.current() && (vulnIds == null || vulnIds.contains(r.vulnId()));
    }

    /** XCCDF Values (tailored, else default) exported to the OVAL external variables of selected rules. */
    Map<String, List<String>> externalVariables(XccdfBenchmarkReader.Loaded loaded) {
      Map<String, List<String>> vars = new LinkedHashMap<>();
      for (Rule r : loaded.benchmark().currentRules()) {
        OvalRef ref = loaded.ovalChecks().get(r.ruleId());
        if (ref == null || !selected(r)) continue;
        ref.exports().forEach((valueId, variable) -> {
          String v = setValues.getOrDefault(valueId, loaded.valueDefaults().get(valueId));
          if (v != null) vars.put(variable, List.of(v));
        });
      }
      return vars;
    }

    static Selection of(XccdfBenchmarkReader.Loaded loaded, String profileId, Tailoring tailoring)
        throws EvaluationException {
      Benchmark b = loaded.benchmark();
      if (profileId == null) return new Selection(null, null, Map.of());
      String wanted = profileId;
      Tailoring.TailoredProfile tp = tailoring == null ? null : tailoring.profile(profileId).orElse(null);
      String baseId = tp != null ? tp.extendsId() : wanted;
      Set<String> vulns = null;
      if (baseId != null) {
        String shortId = stripProfile(baseId);
        var p = b.profiles().stream().filter(x -> x.id().equals(shortId)).findFirst();
        if (p.isEmpty()) {
          String profiles = String.join(", ", b.profiles().stream().map(x -> x.id()).toList());
          if (tp != null) {
            throw new EvaluationException(tailoring.file() + ": profile " + tp.id() + " extends '" + baseId
                + "', which benchmark " + b.id() + " does not have (profiles: " + profiles + ")");
          }
          throw new EvaluationException("no profile '" + profileId + "' in benchmark " + b.id() + " (profiles: "
              + profiles + ")");
        }
        vulns = new LinkedHashSet<>(p.get().selectedVulnIds());
      }
      Map<String, String> vars = new LinkedHashMap<>();
      if (tp != null) {
        if (vulns == null) vulns = new LinkedHashSet<>(b.currentRules().stream().map(Rule::vulnId).toList());
        for (Map.Entry<String, Boolean> s : tp.selections().entrySet()) {
          String vuln = vulnFor(loaded, s.getKey());
          if (vuln == null) throw new EvaluationException("tailoring selects '" + s.getKey() + "', which the benchmark does not have");
          if (s.getValue()) vulns.add(vuln); else vulns.remove(vuln);
        }
        for (String value : tp.values().keySet()) {
          if (!loaded.valueDefaults().containsKey(value)) {
            throw new EvaluationException(tailoring.file() + ": set-value names '" + value + "', which benchmark "
                + b.id() + " does not have (values: " + String.join(", ", loaded.valueDefaults().keySet()) + ")");
          }
        }
        vars.putAll(tp.values());
      }
      return new Selection(stripProfile(profileId), vulns, vars);
    }

    private static String vulnFor(XccdfBenchmarkReader.Loaded loaded, String idref) {
      for (Rule r : loaded.benchmark().currentRules()) {
        if (idref.endsWith("_group_" + r.vulnId()) || idref.equals(r.vulnId())
            || idref.equals(loaded.xccdfRuleIds().get(r.ruleId()))) return r.vulnId();
      }
      return null;
    }

    private static String stripProfile(String id) {
      int i = id.indexOf("_profile_");
      return id.startsWith("xccdf_") && i > 0 ? id.substring(i + "_profile_".length()) : id;
    }
  }
}
