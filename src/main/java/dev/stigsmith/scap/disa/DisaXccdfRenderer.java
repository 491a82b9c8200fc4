package dev.stigsmith.scap.disa;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Reference;
import dev.stigsmith.model.Rule;
import dev.stigsmith.xml.Ns;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * The model as a DISA manual STIG benchmark (XCCDF 1.1.4), shaped the way DISA publishes them so that
 * STIG Viewer and other DISA-file consumers read it: one Group per Vuln ID titled with the SRG, the
 * description fields as escaped pseudo-XML, the DPMS reference on every rule, and manual checks.
 * Only current revisions appear; DISA files carry no history.
 *
 * <p>Known differences from DISA's own files (see DisaXccdfRendererTest): the {@code generator}
 * plain-text names stigsmith instead of DISA's tool version; CCIs always use the
 * {@code http://cyber.mil/cci} system; fields DISA's file has but the model does not keep (Group
 * descriptions, profile descriptions' markup) are written in DISA's empty form.
 */
public final class DisaXccdfRenderer {
  public static final String CCI_SYSTEM = "http://cyber.mil/cci";
  public static final String LEGACY_SYSTEM = "http://cyber.mil/legacy";
  /** What the generator plain-text says (DISA's says its own tool version). */
  public static final String GENERATOR = "stigsmith";
  private static final String XCCDF = Ns.XCCDF11;

  private DisaXccdfRenderer() {}

  public static Document render(Benchmark b) {
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("dc", Ns.DC);
    prefixes.put("xsi", Ns.XSI);
    prefixes.put("cpe", Ns.CPE_LANG);
    prefixes.put("xhtml", Ns.XHTML);
    prefixes.put("dsig", "http://www.w3.org/2000/09/xmldsig#");
    prefixes.put("", XCCDF);
    XmlBuilder x = XmlBuilder.document(prefixes);
    Document doc = x.document();
    // DISA files name their display stylesheet; STIG Viewer ignores it, browsers use it.
    doc.appendChild(doc.createProcessingInstruction("xml-stylesheet", "type='text/xsl' href='STIG_unclass.xsl'"));
    E root = x.root(XCCDF, "Benchmark")
        .attr(Ns.XSI, "schemaLocation", "http://checklists.nist.gov/xccdf/1.1 http://nvd.nist.gov/schema/xccdf-1.1.4.xsd "
            + "http://cpe.mitre.org/dictionary/2.0 http://cpe.mitre.org/files/cpe-dictionary_2.1.xsd")
        .attr("id", b.id())
        .attr(Ns.XML, "lang", "en");
    root.add(XCCDF, "status", b.status().xccdf()).attr("date", b.statusDate() == null ? null : b.statusDate().toString());
    root.add(XCCDF, "title", b.title());
    root.add(XCCDF, "description", b.description());
    root.add(XCCDF, "notice").attr("id", b.notice().isEmpty() ? "terms-of-use" : b.notice()).attr(Ns.XML, "lang", "en").text("");
    root.add(XCCDF, "front-matter").attr(Ns.XML, "lang", "en").text("");
    root.add(XCCDF, "rear-matter").attr(Ns.XML, "lang", "en").text("");
    E ref = root.add(XCCDF, "reference").attr("href", "https://cyber.mil");
    ref.add(Ns.DC, "publisher", b.reference() == null ? "DISA" : b.reference().publisher());
    ref.add(Ns.DC, "source", b.source());
    root.add(XCCDF, "plain-text", b.releaseInfo()).attr("id", "release-info");
    root.add(XCCDF, "plain-text", GENERATOR).attr("id", "generator");
    root.add(XCCDF, "plain-text", "1.10.0").attr("id", "conventionsVersion");
    root.add(XCCDF, "version", b.version());
    for (Profile p : b.profiles()) {
      E pe = root.add(XCCDF, "Profile").attr("id", p.id());
      pe.add(XCCDF, "title", p.title());
      pe.add(XCCDF, "description", "<ProfileDescription>" + p.description() + "</ProfileDescription>");
      for (String v : p.selectedVulnIds()) pe.add(XCCDF, "select").attr("idref", v).attr("selected", "true");
    }
    String checkHref = checkContentHref(b);
    for (Rule r : b.currentRules()) group(root, b.reference(), r, checkHref);
    return doc;
  }

  /** DISA names the manual check file after the DPMS subject: "Microsoft_Exchange_2016_…_STIG.xml". */
  static String checkContentHref(Benchmark b) {
    String base = b.reference() != null && !b.reference().subject().isBlank() ? b.reference().subject() + " STIG" : b.id();
    return base.trim().replaceAll("\\s+", "_") + ".xml";
  }

  private static void group(E root, Reference reference, Rule r, String checkHref) {
    E g = root.add(XCCDF, "Group").attr("id", r.vulnId());
    g.add(XCCDF, "title", r.srg());
    g.add(XCCDF, "description", "<GroupDescription></GroupDescription>");
    E rule = g.add(XCCDF, "Rule").attr("id", r.ruleId().toString()).attr("weight", r.weight()).attr("severity", r.severity().xccdf());
    rule.add(XCCDF, "version", r.stigId());
    rule.add(XCCDF, "title", r.title());
    rule.add(XCCDF, "description", DisaDescription.format(r.description()));
    if (reference != null) {
      E ref = rule.add(XCCDF, "reference");
      ref.add(Ns.DC, "title", reference.title());
      ref.add(Ns.DC, "publisher", reference.publisher());
      ref.add(Ns.DC, "type", reference.type());
      ref.add(Ns.DC, "subject", reference.subject());
      ref.add(Ns.DC, "identifier", reference.identifier());
    }
    for (String id : r.legacyIds()) rule.add(XCCDF, "ident", id).attr("system", LEGACY_SYSTEM);
    for (String id : r.ccis()) rule.add(XCCDF, "ident", id).attr("system", CCI_SYSTEM);
    rule.add(XCCDF, "fixtext", r.fix().text()).attr("fixref", r.fix().id());
    rule.add(XCCDF, "fix").attr("id", r.fix().id());
    E check = rule.add(XCCDF, "check").attr("system", r.check().id());
    check.add(XCCDF, "check-content-ref").attr("href", checkHref).attr("name", "M");
    check.add(XCCDF, "check-content", r.check().text());
  }
}
