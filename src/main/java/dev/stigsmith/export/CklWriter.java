package dev.stigsmith.export;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Rule;
import dev.stigsmith.results.Target;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * STIG Viewer 2.x checklist (.ckl). Element order and the order of the STIG_DATA attributes follow what
 * STIG Viewer writes, since importers (STIG Manager, eMASS tooling) read it positionally in places.
 */
public final class CklWriter {
  private final String writerName;

  /** @param writerName who wrote the file, e.g. "stigsmith 0.1.0"; goes into the comment after the declaration */
  public CklWriter(String writerName) {
    this.writerName = writerName;
  }

  public void write(TestResult tr, Path file) {
    write(Checklist.from(tr), file);
  }

  public void write(Checklist c, Path file) {
    XmlOutput.writeAtomically(file, toBytes(c));
  }

  public byte[] toBytes(Checklist c) {
    // The JDK serialiser runs the comment into the root element's line; STIG Viewer puts it on its own.
    // Done on the bytes: a checklist is about a megabyte, and decoding, regex-replacing and
    // re-encoding it showed in fleet profiles.
    byte[] xml = XmlOutput.toBytes(document(c));
    byte[] joined = "--><CHECKLIST>".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(xml, joined);
    if (at < 0) return xml;
    byte[] out = new byte[xml.length + 1];
    System.arraycopy(xml, 0, out, 0, at + 3);
    out[at + 3] = '\n';
    System.arraycopy(xml, at + 3, out, at + 4, xml.length - at - 3);
    return out;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  Document document(Checklist c) {
    Document doc;
    doc = SafeXml.newDocument();
    doc.setXmlStandalone(true);
    doc.appendChild(doc.createComment(writerName.replace("--", "- -")));
    Element root = doc.createElement("CHECKLIST");
    doc.appendChild(root);
    asset(doc, add(doc, root, "ASSET"), c);
    Element istig = add(doc, add(doc, root, "STIGS"), "iSTIG");
    stigInfo(doc, add(doc, istig, "STIG_INFO"), c);
    for (Checklist.Entry e : c.entries()) vuln(doc, add(doc, istig, "VULN"), c, e);
    return doc;
  }

  private static void asset(Document d, Element asset, Checklist c) {
    Target t = c.target();
    add(d, asset, "ROLE", "Member Server");
    add(d, asset, "ASSET_TYPE", "Computing");
    add(d, asset, "MARKING", c.benchmark().classification());
    add(d, asset, "HOST_NAME", c.hostName());
    add(d, asset, "HOST_IP", t == null || t.ipAddresses().isEmpty() ? "" : t.ipAddresses().get(0));
    add(d, asset, "HOST_MAC", t == null || t.macAddresses().isEmpty() ? "" : t.macAddresses().get(0));
    add(d, asset, "HOST_FQDN", t == null || t.fqdn() == null ? "" : t.fqdn());
    add(d, asset, "TARGET_COMMENT", "");
    add(d, asset, "TECH_AREA", "Exchange Server");
    add(d, asset, "TARGET_KEY", c.targetKey());
    add(d, asset, "WEB_OR_DATABASE", "false");
    add(d, asset, "WEB_DB_SITE", "");
    add(d, asset, "WEB_DB_INSTANCE", "");
  }

  private static void stigInfo(Document d, Element info, Checklist c) {
    Benchmark b = c.benchmark();
    siData(d, info, "version", b.version());
    siData(d, info, "classification", b.classification());
    siData(d, info, "customname", "");
    siData(d, info, "stigid", b.id());
    siData(d, info, "description", b.description());
    siData(d, info, "filename", c.stigFileName());
    siData(d, info, "releaseinfo", b.releaseInfo());
    siData(d, info, "title", b.title());
    siData(d, info, "uuid", c.stigUuid().toString());
    siData(d, info, "notice", b.notice());
    siData(d, info, "source", b.source());
  }

  /** STIG Viewer leaves SID_DATA out when the value is empty. */
  private static void siData(Document d, Element info, String name, String value) {
    Element si = add(d, info, "SI_DATA");
    add(d, si, "SID_NAME", name);
    if (value != null && !value.isEmpty()) add(d, si, "SID_DATA", value);
  }

  private static void vuln(Document d, Element v, Checklist c, Checklist.Entry e) {
    Rule r = e.rule();
    Description desc = r.description();
    data(d, v, "Vuln_Num", r.vulnId());
    data(d, v, "Severity", r.severity().xccdf());
    data(d, v, "Group_Title", r.srg());
    data(d, v, "Rule_ID", r.ruleId().toString());
    data(d, v, "Rule_Ver", r.stigId());
    data(d, v, "Rule_Title", r.title());
    data(d, v, "Vuln_Discuss", desc.vulnDiscussion());
    data(d, v, "IA_Controls", desc.iaControls());
    data(d, v, "Check_Content", r.check() == null ? "" : r.check().text());
    data(d, v, "Fix_Text", r.fix() == null ? "" : r.fix().text());
    data(d, v, "False_Positives", desc.falsePositives());
    data(d, v, "False_Negatives", desc.falseNegatives());
    data(d, v, "Documentable", desc.documentable());
    data(d, v, "Mitigations", desc.mitigations());
    data(d, v, "Potential_Impact", desc.potentialImpacts());
    data(d, v, "Third_Party_Tools", desc.thirdPartyTools());
    data(d, v, "Mitigation_Control", desc.mitigationControl());
    data(d, v, "Responsibility", desc.responsibility());
    data(d, v, "Security_Override_Guidance", desc.severityOverrideGuidance());
    data(d, v, "Check_Content_Ref", "M");
    data(d, v, "Weight", r.weight() == null ? "10.0" : r.weight());
    data(d, v, "Class", "Unclass");
    data(d, v, "STIGRef", c.stigRef());
    data(d, v, "TargetKey", c.targetKey());
    data(d, v, "STIG_UUID", c.stigUuid().toString());
    for (String legacy : r.legacyIds()) data(d, v, "LEGACY_ID", legacy);
    for (String cci : r.ccis()) data(d, v, "CCI_REF", cci);
    add(d, v, "STATUS", e.status().ckl());
    add(d, v, "FINDING_DETAILS", e.findingDetails());
    add(d, v, "COMMENTS", e.comments());
    add(d, v, "SEVERITY_OVERRIDE", e.severityOverride() == null ? "" : e.severityOverride().xccdf());
    add(d, v, "SEVERITY_JUSTIFICATION", e.severityJustification());
  }

  private static void data(Document d, Element vuln, String attribute, String value) {
    Element sd = add(d, vuln, "STIG_DATA");
    add(d, sd, "VULN_ATTRIBUTE", attribute);
    add(d, sd, "ATTRIBUTE_DATA", value == null ? "" : value);
  }

  private static Element add(Document d, Element parent, String name) {
    Element e = d.createElement(name);
    parent.appendChild(e);
    return e;
  }

  private static Element add(Document d, Element parent, String name, String text) {
    Element e = add(d, parent, name);
    if (text != null && !text.isEmpty()) e.appendChild(d.createTextNode(text));
    return e;
  }
}
