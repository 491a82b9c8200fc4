package dev.stigsmith.export;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Rule;
import dev.stigsmith.results.Override;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.Target;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.scap.xccdf.TestResultRenderer;
import java.util.ArrayList;
import java.util.List;
import dev.stigsmith.xml.Ns;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlOutput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * XCCDF 1.2 results that STIG Manager imports: a {@code Benchmark} carrying DISA's ids (so its parser maps
 * every rule-result back to an {@code SV-…_rule}), the current rules with their text, and one {@code TestResult}.
 * The rule text makes the file self-contained, which is also what the HTML report renders from.
 *
 * <p>No comment before the root: OpenSCAP 1.3.7 crashes on results files that have one. Known false alarm:
 * NIST's XCCDF 1.2 Schematron (run by {@code oscap xccdf validate}) checks "result equals override/new-result"
 * on every rule-result of a TestResult in which any rule-result has an override, so a file mixing overridden and
 * plain rule-results reports an error that the XSD and the specification (6.6.4.3) do not.
 */
public final class StigManagerXccdfWriter {
  /** STIG Manager's asset fact names, read by its XCCDF importer. */
  public static final String ASSET_FACT = "tag:stig-manager@users.noreply.github.com,2020:asset:";

  static final String CCI_SYSTEM = "http://cyber.mil/cci";
  static final String LEGACY_SYSTEM = "http://cyber.mil/legacy";
  static final String DEFAULT_TEST_SYSTEM = "cpe:/a:dev.stigsmith:stigsmith";

  public void write(TestResult tr, Path file) {
    XmlOutput.writeAtomically(file, toBytes(tr));
  }

  public byte[] toBytes(TestResult tr) {
    return XmlOutput.toBytes(document(tr));
  }

  public Document document(TestResult tr) {
    Benchmark b = tr.benchmark();
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("", Ns.XCCDF12);
    prefixes.put("dc", Ns.DC);
    XmlBuilder x = XmlBuilder.document(prefixes);
    XmlBuilder.E root = x.root(Ns.XCCDF12, "Benchmark")
        .attr("id", ExportIds.disaBenchmark(b)).attr("resolved", "true").attr(Ns.XML, "lang", "en-US");
    root.add(Ns.XCCDF12, "status", b.status().xccdf()).attr("date", b.statusDate() == null ? null : b.statusDate().toString());
    root.add(Ns.XCCDF12, "title", b.title());
    if (!b.description().isEmpty()) root.add(Ns.XCCDF12, "description", b.description());
    if (!b.notice().isEmpty()) root.add(Ns.XCCDF12, "notice").attr("id", b.notice());
    root.add(Ns.XCCDF12, "plain-text", b.releaseInfo()).attr("id", "release-info");
    if (b.platform() != null) root.add(Ns.XCCDF12, "platform").attr("idref", b.platform().cpeName());
    root.add(Ns.XCCDF12, "version", b.version());
    XmlBuilder.E meta = root.add(Ns.XCCDF12, "metadata");
    meta.add(Ns.DC, "creator", "DISA");
    meta.add(Ns.DC, "publisher", "DISA");
    meta.add(Ns.DC, "source", b.source());
    Profile profile = b.profiles().stream().filter(p -> p.id().equals(tr.profileId())).findFirst().orElse(null);
    if (profile != null) {
      XmlBuilder.E p = root.add(Ns.XCCDF12, "Profile").attr("id", profileId(profile));
      p.add(Ns.XCCDF12, "title", profile.title());
      for (String vuln : profile.selectedVulnIds()) {
        p.add(Ns.XCCDF12, "select").attr("idref", ExportIds.DISA_GROUP_PREFIX + vuln).attr("selected", "true");
      }
    }
    Map<Rule, RuleResult> results = Checklist.currentResults(tr);
    for (Rule r : results.keySet()) group(root, r);
    testResult(root.add(Ns.XCCDF12, "TestResult"), tr, results);
    return x.document();
  }

  static String profileId(Profile p) { return "xccdf_mil.disa.stig_profile_" + p.id(); }

  private static void group(XmlBuilder.E root, Rule r) {
    XmlBuilder.E g = root.add(Ns.XCCDF12, "Group").attr("id", ExportIds.disaGroup(r));
    g.add(Ns.XCCDF12, "title", r.srg());
    XmlBuilder.E rule = g.add(Ns.XCCDF12, "Rule").attr("id", ExportIds.disaRule(r))
        .attr("weight", r.weight()).attr("severity", r.severity().xccdf());
    rule.add(Ns.XCCDF12, "version", r.stigId());
    rule.add(Ns.XCCDF12, "title", r.title());
    rule.add(Ns.XCCDF12, "description", r.description().vulnDiscussion());
    idents(rule, r);
    if (r.fix() != null) {
      rule.add(Ns.XCCDF12, "fixtext", r.fix().text()).attr("fixref", r.fix().id());
      rule.add(Ns.XCCDF12, "fix").attr("id", r.fix().id());
    }
    if (r.check() != null) {
      rule.add(Ns.XCCDF12, "check").attr("system", r.check().id()).add(Ns.XCCDF12, "check-content", r.check().text());
    }
  }

  private static void idents(XmlBuilder.E parent, Rule r) {
    for (String l : r.legacyIds()) parent.add(Ns.XCCDF12, "ident", l).attr("system", LEGACY_SYSTEM);
    for (String cci : r.ccis()) parent.add(Ns.XCCDF12, "ident", cci).attr("system", CCI_SYSTEM);
  }

  /**
   * The TestResult itself is the shared XCCDF writer's, with DISA's ids, results mapped onto the
   * benchmark's current rules, and the asset facts STIG Manager reads.
   */
  private static void testResult(XmlBuilder.E t, TestResult tr, Map<Rule, RuleResult> results) {
    List<RuleResult> mapped = new ArrayList<>();
    results.forEach((rule, rr) -> {
      if (rr != null) mapped.add(new RuleResult(rule, rr.result(), rr.time(), rr.evidence(), rr.override(), rr.comment()));
    });
    Target target = tr.target();
    List<Target.Fact> facts = new ArrayList<>();
    String host = target == null || target.hostName() == null ? "" : target.hostName();
    facts.add(new Target.Fact(ASSET_FACT + "name", "string", host));
    if (target != null) {
      if (target.fqdn() != null && !target.fqdn().isEmpty()) facts.add(new Target.Fact(ASSET_FACT + "fqdn", "string", target.fqdn()));
      if (!target.ipAddresses().isEmpty()) facts.add(new Target.Fact(ASSET_FACT + "ip", "string", target.ipAddresses().get(0)));
      if (!target.macAddresses().isEmpty()) facts.add(new Target.Fact(ASSET_FACT + "mac", "string", target.macAddresses().get(0)));
      facts.addAll(target.facts());
    }
    Target withFacts = new Target(host, target == null ? null : target.fqdn(),
        target == null ? List.of() : target.ipAddresses(), target == null ? List.of() : target.macAddresses(), facts);
    String testSystem = tr.testSystem() == null || tr.testSystem().isBlank() ? DEFAULT_TEST_SYSTEM : tr.testSystem();
    TestResult forStigManager = new TestResult(tr.benchmark(), tr.profileId(), withFacts, tr.startTime(),
        tr.endTime() != null ? tr.endTime() : tr.startTime(), testSystem, tr.identity(), mapped, tr.score(), tr.maxScore());
    TestResultRenderer.fill(t, forStigManager, TestResultRenderer.IdScheme.disa(tr), null, null);
  }

  static String time(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String decimal(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
