package dev.stigsmith.scap.xccdf;

import static dev.stigsmith.xml.Ns.XCCDF12;

import dev.stigsmith.model.Rule;
import dev.stigsmith.results.Override;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.Target;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes an XCCDF 1.2 TestResult. The id scheme is a parameter: ours for SCAP tools, DISA's for
 * STIG Manager (which maps rule-results back through {@code xccdf_mil.disa.stig_rule_SV-…_rule}).
 */
public final class TestResultRenderer {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** How ids are written. */
  public record IdScheme(String benchmarkId, String testResultId, Function<Rule, String> ruleId,
      Function<String, String> profileId) {
    public static IdScheme ours(TestResult tr) {
      return new IdScheme(Ids.benchmark(tr.benchmark()), Ids.testResult(tr.benchmark().id()), Ids::rule, Ids::profile);
    }

    /** The ids STIG Manager and other DISA-minded tools expect. */
    public static IdScheme disa(TestResult tr) {
      return new IdScheme("xccdf_mil.disa.stig_benchmark_" + tr.benchmark().id(),
          "xccdf_mil.disa.stig_testresult_" + tr.benchmark().id(),
          r -> "xccdf_mil.disa.stig_rule_" + r.ruleId(), p -> "xccdf_mil.disa.stig_profile_" + p);
    }
  }

  /** Where rule checks point (the OVAL file and definition of each rule), if anywhere. */
  public interface CheckRefs {
    String href(Rule r);

    String name(Rule r);
  }

  private TestResultRenderer() {}

  static Map<String, String> prefixes() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("xccdf", XCCDF12);
    return p;
  }

  /** A standalone document whose root is the TestResult. */
  public static Document standalone(TestResult tr, IdScheme ids, CheckRefs checks, String benchmarkHref) {
    XmlBuilder xml = XmlBuilder.document(prefixes());
    E root = xml.root(XCCDF12, "TestResult");
    fill(root, tr, ids, checks, benchmarkHref);
    return xml.document();
  }

  /** Appends a TestResult to a copy of the benchmark document (the XCCDF "results inside benchmark" form). */
  public static Document insideBenchmark(Element benchmark, TestResult tr, IdScheme ids, CheckRefs checks) {
    XmlBuilder xml = XmlBuilder.document(prefixes());
    Document doc = xml.document();
    Element copy = (Element) doc.importNode(benchmark, true);
    doc.appendChild(copy);
    E tre = xml.wrap(copy).add(XCCDF12, "TestResult");
    fill(tre, tr, ids, checks, null);
    return doc;
  }

  /**
   * {@link #standalone}'s bytes, streamed without building the document; null when its content needs the
   * DOM path (see {@link dev.stigsmith.xml.XmlStream}).
   */
  public static byte[] standaloneBytes(TestResult tr, IdScheme ids, CheckRefs checks, String benchmarkHref) {
    dev.stigsmith.xml.XmlStream x = new dev.stigsmith.xml.XmlStream();
    x.start(XCCDF12, "xccdf:TestResult").attr("http://www.w3.org/2000/xmlns/", "xmlns:xccdf", XCCDF12);
    fill(x.sink(STREAM_PREFIXES), tr, ids, checks, benchmarkHref);
    return x.endAll().toBytes();
  }

  /** Namespace → prefix, as {@link #prefixes()} declares them, for streamed documents. */
  public static final Map<String, String> STREAM_PREFIXES = Map.of(XCCDF12, "xccdf");

  /** Fills a TestResult element made by the caller (whose builder declares the XCCDF 1.2 namespace). */
  public static void fill(dev.stigsmith.xml.XmlSink e, TestResult tr, IdScheme ids, CheckRefs checks, String benchmarkHref) {
    e.attr("id", ids.testResultId()).attr("start-time", time(tr.startTime())).attr("end-time", time(tr.endTime()))
        .attr("test-system", tr.testSystem()).attr("version", tr.benchmark().version() + "." + tr.benchmark().release());
    if (benchmarkHref != null) e.add(XCCDF12, "benchmark").attr("href", benchmarkHref).attr("id", ids.benchmarkId());
    e.add(XCCDF12, "title", "stigsmith evaluation of " + tr.target().hostName() + " against "
        + tr.benchmark().title() + " " + tr.benchmark().versionRelease());
    if (tr.identity() != null) {
      e.add(XCCDF12, "identity", tr.identity()).attr("authenticated", "false").attr("privileged", "false");
    }
    if (tr.profileId() != null) e.add(XCCDF12, "profile").attr("idref", ids.profileId().apply(tr.profileId()));
    Target t = tr.target();
    e.add(XCCDF12, "target", t.hostName());
    for (String ip : t.ipAddresses()) e.add(XCCDF12, "target-address", ip);
    if (!t.facts().isEmpty()) {
      dev.stigsmith.xml.XmlSink facts = e.add(XCCDF12, "target-facts");
      for (Target.Fact f : t.facts()) facts.add(XCCDF12, "fact", f.value()).attr("name", f.name()).attr("type", f.type());
    }
    if (tr.benchmark().platform() != null && !tr.benchmark().platform().cpeName().isEmpty()) e.add(XCCDF12, "platform").attr("idref", tr.benchmark().platform().cpeName());
    tr.setValues().forEach((value, v) -> e.add(XCCDF12, "set-value", v).attr("idref", value));
    for (RuleResult rr : tr.ruleResults()) ruleResult(e, tr, rr, ids, checks);
    e.add(XCCDF12, "score", score(tr.score())).attr("system", "urn:xccdf:scoring:default").attr("maximum", score(tr.maxScore()));
  }

  private static void ruleResult(dev.stigsmith.xml.XmlSink parent, TestResult tr, RuleResult rr, IdScheme ids, CheckRefs checks) {
    Rule r = rr.rule();
    dev.stigsmith.xml.XmlSink e = parent.add(XCCDF12, "rule-result").attr("idref", ids.ruleId().apply(r)).attr("role", "full")
        .attr("time", time(rr.time() != null ? rr.time() : tr.endTime())).attr("severity", r.severity().xccdf()).attr("weight", r.weight())
        .attr("version", r.stigId());
    // XCCDF: result is the final verdict; an override keeps the tool's own as old-result.
    e.add(XCCDF12, "result", rr.effectiveResult().xccdf());
    Override o = rr.override();
    if (o != null) {
      dev.stigsmith.xml.XmlSink ov = e.add(XCCDF12, "override").attr("time", time(o.time() != null ? o.time() : tr.endTime()))
          .attr("authority", o.authority() == null || o.authority().isBlank() ? "unknown" : o.authority());
      ov.add(XCCDF12, "old-result", o.oldResult().xccdf());
      ov.add(XCCDF12, "new-result", o.newResult().xccdf());
      ov.add(XCCDF12, "remark", o.remark() == null ? "" : o.remark());
    }
    e.add(XCCDF12, "ident", r.ruleId().toString()).attr("system", XccdfRenderer.RULE_ID_SYSTEM);
    e.add(XCCDF12, "ident", r.vulnId()).attr("system", XccdfRenderer.VULN_ID_SYSTEM);
    for (String legacy : r.legacyIds()) e.add(XCCDF12, "ident", legacy).attr("system", XccdfRenderer.LEGACY_SYSTEM);
    for (String cci : r.ccis()) e.add(XCCDF12, "ident", cci).attr("system", XccdfRenderer.CCI_SYSTEM);
    // One message only, holding the evidence: STIG Manager reads a single message with a severity as
    // the finding details. People's comments belong to checklists and overrides, not here.
    String message = rr.message();
    if (!message.isEmpty()) e.add(XCCDF12, "message", message).attr("severity", "info");
    String href = checks == null ? null : checks.href(r);
    if (href != null) {
      dev.stigsmith.xml.XmlSink check = e.add(XCCDF12, "check").attr("system", XccdfRenderer.OVAL_SYSTEM);
      check.add(XCCDF12, "check-content-ref").attr("href", href).attr("name", checks.name(r));
    } else {
      dev.stigsmith.xml.XmlSink check = e.add(XCCDF12, "check").attr("system", r.check().id().isEmpty() ? "manual" : r.check().id());
      check.add(XCCDF12, "check-content-ref").attr("href", "manual").attr("name", "M");
    }
  }

  static String time(Instant t) {
    return t == null ? null : TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String score(double d) {
    return String.format(Locale.ROOT, "%.6f", d);
  }
}
