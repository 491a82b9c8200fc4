package dev.stigsmith.scap.xccdf;

import static dev.stigsmith.xml.Ns.DC;
import static dev.stigsmith.xml.Ns.XCCDF12;
import static dev.stigsmith.xml.Ns.XHTML;
import static dev.stigsmith.xml.Ns.XML;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Cci;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Reference;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.Value;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.scap.ocil.OcilRenderer;
import dev.stigsmith.scap.oval.OvalRenderer;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Document;

/**
 * Renders a benchmark as XCCDF 1.2. Ids are ours; DISA's identifiers travel as the rule's
 * {@code version} (STIG ID), {@code ident}s and a STIG {@code reference}, so any result maps back to
 * SV-…_rule. SCAP 1.3 allows no deprecated items and no inline check content in a source data stream,
 * so superseded revisions travel as idents of the current rule, and DISA's manual check text as the
 * rule's metadata; the only checks are OVAL (automated) and OCIL (manual).
 */
public final class XccdfRenderer {
  /** Ident systems. DISA's own for CCI and legacy ids; ours where DISA defines none. */
  public static final String CCI_SYSTEM = "http://cyber.mil/cci";
  public static final String LEGACY_SYSTEM = "http://cyber.mil/legacy";
  public static final String RULE_ID_SYSTEM = "https://stigsmith.dev/ident/disa-rule-id";
  public static final String VULN_ID_SYSTEM = "https://stigsmith.dev/ident/disa-vuln-id";
  /** Where SCAP content conventionally points a STIG ID reference. */
  public static final String STIG_REFERENCE = "http://iase.disa.mil/stigs/Pages/stig-viewing-guidance.aspx";
  public static final String NIST_REFERENCE = "https://csrc.nist.gov/publications/detail/sp/800-53/rev-4/final";
  public static final String OVAL_SYSTEM = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
  /** OCIL's check system as SCAP 1.3 spells it: not the OCIL namespace, which ends in "2.0". */
  public static final String OCIL_SYSTEM = "http://scap.nist.gov/schema/ocil/2";
  public static final String POWERSHELL_FIX = "urn:xccdf:fix:script:powershell";
  /** Rule IDs of revisions the current rule supersedes, so results of any revision map to it. */
  public static final String SUPERSEDED_RULE_ID_SYSTEM = "https://stigsmith.dev/ident/disa-rule-id-superseded";
  /** Our metadata namespace: DISA's manual check (id and text) inside a Rule's metadata. */
  public static final String STIG_METADATA = "https://stigsmith.dev/ns/stig-metadata/1";

  private XccdfRenderer() {}

  /**
   * @param ovalHref how the check refers to the OVAL file (a file name; a data stream resolves it
   *     through its catalog)
   */
  public static Document render(Benchmark b, GeneratorInfo gen, String ovalHref) {
    return render(b, gen, ovalHref, null);
  }

  /**
   * @param ocilHref how manual rules' OCIL checks refer to the OCIL file (see {@link OcilRenderer}); null
   *     for no OCIL checks
   */
  public static Document render(Benchmark b, GeneratorInfo gen, String ovalHref, String ocilHref) {
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("xccdf", XCCDF12);
    prefixes.put("dc", DC);
    prefixes.put("xhtml", XHTML);
    prefixes.put("stig", STIG_METADATA);
    XmlBuilder xml = XmlBuilder.document(prefixes);
    E root = xml.root(XCCDF12, "Benchmark")
        .attr("id", Ids.benchmark(b)).attr("resolved", "1").attr(XML, "lang", "en-US")
        .attr("style", "SCAP_1.3");
    root.add(XCCDF12, "status", b.status().xccdf()).attr("date", b.statusDate() == null ? null : b.statusDate().toString());
    root.add(XCCDF12, "title", b.title());
    if (!b.description().isEmpty()) root.add(XCCDF12, "description", b.description());
    root.add(XCCDF12, "notice", b.notice()).attr("id", "terms-of-use");
    E ref = root.add(XCCDF12, "reference").attr("href", "https://public.cyber.mil/stigs/");
    ref.add(DC, "publisher", b.reference().publisher());
    ref.add(DC, "source", b.source());
    root.add(XCCDF12, "plain-text", b.releaseInfo()).attr("id", "release-info");
    if (b.platform() != null) root.add(XCCDF12, "platform").attr("idref", b.platform().cpeName());
    root.add(XCCDF12, "version", b.version() + "." + b.release())
        .attr("time", gen.utcTimestamp()).attr("update", "https://public.cyber.mil/stigs/downloads/");
    E meta = root.add(XCCDF12, "metadata");
    meta.add(DC, "creator", "DISA");
    meta.add(DC, "publisher", b.reference().publisher());
    meta.add(DC, "contributor", gen.productName() + " " + gen.productVersion());
    meta.add(DC, "source", b.source());

    for (Profile p : b.profiles()) profile(root, p);
    for (Value v : b.values()) value(root, v);

    Map<String, List<Rule>> byVuln = new LinkedHashMap<>();
    for (Rule r : b.rules()) byVuln.computeIfAbsent(r.vulnId(), k -> new ArrayList<>()).add(r);
    for (List<Rule> revisions : byVuln.values()) group(root, b, revisions, ovalHref, ocilHref);
    return xml.document();
  }

  private static void profile(E root, Profile p) {
    E e = root.add(XCCDF12, "Profile").attr("id", Ids.profile(p.id()));
    e.add(XCCDF12, "title", p.title());
    if (!p.description().isEmpty()) e.add(XCCDF12, "description", p.description());
    for (String vuln : p.selectedVulnIds()) {
      e.add(XCCDF12, "select").attr("idref", Ids.group(vuln)).attr("selected", "true");
    }
  }

  private static void value(E root, Value v) {
    E e = root.add(XCCDF12, "Value").attr("id", Ids.value(v.id())).attr("type", switch (v.type()) {
      case BOOLEAN -> "boolean";
      case INT -> "number";
      default -> "string";
    });
    e.add(XCCDF12, "title", v.title());
    if (!v.description().isEmpty()) e.add(XCCDF12, "description", v.description());
    e.add(XCCDF12, "value", v.defaultValue());
  }

  private static void group(E root, Benchmark b, List<Rule> revisions, String ovalHref, String ocilHref) {
    Rule head = revisions.get(0);
    E g = root.add(XCCDF12, "Group").attr("id", Ids.group(head.vulnId()));
    g.add(XCCDF12, "title", head.srg());
    g.add(XCCDF12, "description", head.srg());
    List<Rule> superseded = revisions.stream().filter(r -> !r.current()).toList();
    for (Rule r : revisions) if (r.current()) rule(g, b, r, superseded, ovalHref, ocilHref);
  }

  private static void rule(E group, Benchmark b, Rule r, List<Rule> superseded, String ovalHref, String ocilHref) {
    E e = group.add(XCCDF12, "Rule").attr("id", Ids.rule(r))
        .attr("severity", r.severity().xccdf()).attr("weight", r.weight()).attr("selected", "true");
    e.add(XCCDF12, "status", r.status().xccdf()).attr("date", r.statusDate() == null ? null : r.statusDate().toString());
    e.add(XCCDF12, "version", r.stigId());
    e.add(XCCDF12, "title", r.title());
    e.add(XCCDF12, "description", r.description().vulnDiscussion());
    Reference dpms = b.reference();
    E stig = e.add(XCCDF12, "reference").attr("href", "https://public.cyber.mil/stigs/");
    stig.add(DC, "title", dpms.title());
    stig.add(DC, "publisher", dpms.publisher());
    stig.add(DC, "type", dpms.type());
    stig.add(DC, "subject", dpms.subject());
    stig.add(DC, "identifier", dpms.identifier());
    e.add(XCCDF12, "reference", r.stigId()).attr("href", STIG_REFERENCE);
    for (String control : nistControls(b, r)) e.add(XCCDF12, "reference", control).attr("href", NIST_REFERENCE);
    // DISA's manual check, for people and STIG Viewer exports; SCAP processors use OVAL or OCIL.
    e.add(XCCDF12, "metadata").add(STIG_METADATA, "check-content", r.check().text()).attr("check-id", r.check().id());
    e.add(XCCDF12, "rationale", rationale(b, r));
    e.add(XCCDF12, "ident", r.ruleId().toString()).attr("system", RULE_ID_SYSTEM);
    for (Rule old : superseded) e.add(XCCDF12, "ident", old.ruleId().toString()).attr("system", SUPERSEDED_RULE_ID_SYSTEM);
    e.add(XCCDF12, "ident", r.vulnId()).attr("system", VULN_ID_SYSTEM);
    for (String legacy : r.legacyIds()) e.add(XCCDF12, "ident", legacy).attr("system", LEGACY_SYSTEM);
    for (String cci : r.ccis()) e.add(XCCDF12, "ident", cci).attr("system", CCI_SYSTEM);
    e.add(XCCDF12, "fixtext", r.fix().text()).attr("fixref", r.fix().id());
    E fix = e.add(XCCDF12, "fix").attr("id", r.fix().id());
    if (r.fix().script() != null) {
      fix.attr("system", POWERSHELL_FIX).attr("complexity", "low").attr("disruption", "low")
          .attr("reboot", "false").attr("strategy", "configure").text(r.fix().script());
    }
    if (r.isAutomated()) {
      E check = e.add(XCCDF12, "check").attr("system", OVAL_SYSTEM);
      OvalRenderer.exportedValues(r).forEach((value, variable) ->
          check.add(XCCDF12, "check-export").attr("value-id", Ids.value(value)).attr("export-name", variable));
      check.add(XCCDF12, "check-content-ref").attr("href", ovalHref).attr("name", Ids.ovalDefinition(r));
    }
    if (!r.isAutomated() && ocilHref != null) {
      e.add(XCCDF12, "check").attr("system", OCIL_SYSTEM)
          .add(XCCDF12, "check-content-ref").attr("href", ocilHref).attr("name", Ids.ocilQuestionnaire(r));
    }
  }

  private static List<String> nistControls(Benchmark b, Rule r) {
    TreeMap<String, String> controls = new TreeMap<>();
    for (String id : r.ccis()) {
      Cci cci = b.ccis().get(id);
      if (cci != null) cci.nistControls().forEach(c -> controls.put(c, c));
    }
    return List.copyOf(controls.keySet());
  }

  private static String rationale(Benchmark b, Rule r) {
    List<String> parts = new ArrayList<>();
    for (String id : r.ccis()) {
      Cci cci = b.ccis().get(id);
      String nist = cci == null || cci.nistControls().isEmpty() ? "" : " (NIST SP 800-53 " + String.join(", ", cci.nistControls()) + ")";
      String def = cci == null || cci.definition().isEmpty() ? "" : ": " + cci.definition();
      parts.add(id + nist + def);
    }
    return "Required by " + String.join("; ", parts);
  }
}
