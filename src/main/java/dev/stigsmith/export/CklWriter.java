package dev.stigsmith.export;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Rule;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlOutput;
import dev.stigsmith.xml.XmlTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The checklist's bytes. Everything but the host's own values (names, addresses, its STIG uuid, each
   * rule's status, details and comments) is the same for every host of a benchmark, so it is written once
   * into an {@link XmlTemplate} and each host only fills the holes; the result is byte for byte what
   * building and writing the whole document gives ({@link #toBytesByDocument}, held equal by the tests).
   */
  public byte[] toBytes(Checklist c) {
    XmlTemplate t = template(c);
    if (t != null) {
      List<String> values = new ArrayList<>(t.holes());
      build(c, new Values(values));
      byte[] filled = t.fill(values);
      if (filled != null) {
        FILLED.incrementAndGet();
        return filled;
      }
    }
    return toBytesByDocument(c);
  }

  /** How many checklists came from a template (for the test that holds them equal to whole documents). */
  static final java.util.concurrent.atomic.AtomicLong FILLED = new java.util.concurrent.atomic.AtomicLong();

  /** The checklist built as a document and written whole; what {@link #toBytes} must equal. */
  public byte[] toBytesByDocument(Checklist c) {
    return commentOnItsOwnLine(XmlOutput.toBytes(document(c)));
  }

  // ------------------------------------------------------------------ templates

  /** The benchmark, rules and writer a template was cut for (compared by identity: a fleet shares them). */
  private record Cut(Benchmark benchmark, List<Rule> rules, String writerName, XmlTemplate template) {
    boolean fits(Checklist c, String writer) {
      if (c.benchmark() != benchmark || !writer.equals(writerName) || c.entries().size() != rules.size()) return false;
      for (int i = 0; i < rules.size(); i++) if (c.entries().get(i).rule() != rules.get(i)) return false;
      return true;
    }
  }

  /** A run sees one or a few benchmarks; a handful of templates (about half a megabyte each) is plenty. */
  private static final int KEPT = 4;
  private static final java.util.Deque<Cut> CUTS = new java.util.ArrayDeque<>();

  private XmlTemplate template(Checklist c) {
    synchronized (CUTS) {
      for (Cut cut : CUTS) if (cut.fits(c, writerName)) return cut.template();
    }
    Markers markers = new Markers();
    Document doc = SafeXml.newDocument();
    build(c, new Dom(doc, markers));
    byte[] bytes = XmlOutput.toBytesDirect(doc);
    XmlTemplate t = bytes == null ? null : XmlTemplate.of(commentOnItsOwnLine(bytes), markers.count);
    synchronized (CUTS) {
      CUTS.addFirst(new Cut(c.benchmark(), c.entries().stream().map(Checklist.Entry::rule).toList(), writerName, t));
      while (CUTS.size() > KEPT) CUTS.removeLast();
    }
    return t;
  }

  /** STIG Viewer puts the comment on its own line; the JDK serialiser runs it into the root element's. */
  private static byte[] commentOnItsOwnLine(byte[] xml) {
    // Done on the bytes: a checklist is about a megabyte, and decoding, regex-replacing and re-encoding
    // it showed in fleet profiles.
    byte[] joined = "--><CHECKLIST>".getBytes(StandardCharsets.US_ASCII);
    int at = dev.stigsmith.xml.Bytes.indexOf(xml, joined, 0);
    if (at < 0) return xml;
    byte[] out = new byte[xml.length + 1];
    System.arraycopy(xml, 0, out, 0, at + 3);
    out[at + 3] = '\n';
    System.arraycopy(xml, at + 3, out, at + 4, xml.length - at - 3);
    return out;
  }

  // ------------------------------------------------------------------ the document, once for every sink

  /**
   * Where the checklist goes: a DOM, or only the host's values. {@code hostLeaf} marks what differs between
   * hosts of one benchmark; everything else must depend on the benchmark and its rules alone.
   */
  private interface Sink {
    void open(String name);

    void close();

    void leaf(String name, String text);

    void hostLeaf(String name, String text);
  }

  /** Builds the DOM; with {@link Markers}, the host's leaves hold hole markers instead of values. */
  private static final class Dom implements Sink {
    private final Document d;
    private final Markers markers;
    private final java.util.Deque<Element> open = new java.util.ArrayDeque<>();

    Dom(Document d, Markers markers) {
      this.d = d;
      this.markers = markers;
    }

    @Override public void open(String name) {
      Element e = d.createElement(name);
      if (open.isEmpty()) d.appendChild(e);
      else open.peek().appendChild(e);
      open.push(e);
    }

    @Override public void close() {
      open.pop();
    }

    @Override public void leaf(String name, String text) {
      Element e = d.createElement(name);
      open.peek().appendChild(e);
      if (text != null && !text.isEmpty()) e.appendChild(d.createTextNode(text));
    }

    @Override public void hostLeaf(String name, String text) {
      leaf(name, markers == null ? text : XmlTemplate.marker(markers.count++));
    }
  }

  private static final class Markers {
    int count;
  }

  /** Keeps only the host's values, in document order: a template's holes. */
  private static final class Values implements Sink {
    private final List<String> values;

    Values(List<String> values) {
      this.values = values;
    }

    @Override public void open(String name) {}

    @Override public void close() {}

    @Override public void leaf(String name, String text) {}

    @Override public void hostLeaf(String name, String text) {
      values.add(text == null ? "" : text);
    }
  }

  Document document(Checklist c) {
    Document doc = SafeXml.newDocument();
    build(c, new Dom(doc, null));
    return doc;
  }

  private void build(Checklist c, Sink s) {
    if (s instanceof Dom dom) {
      dom.d.setXmlStandalone(true);
      dom.d.appendChild(dom.d.createComment(writerName.replace("--", "- -")));
    }
    s.open("CHECKLIST");
    s.open("ASSET");
    asset(s, c);
    s.close();
    s.open("STIGS");
    s.open("iSTIG");
    s.open("STIG_INFO");
    stigInfo(s, c);
    s.close();
    String stigUuid = c.stigUuid().toString();
    for (Checklist.Entry e : c.entries()) {
      s.open("VULN");
      vuln(s, c, e, stigUuid);
      s.close();
    }
    s.close();
    s.close();
    s.close();
  }

  private static void asset(Sink s, Checklist c) {
    s.leaf("ROLE", "Member Server");
    s.leaf("ASSET_TYPE", "Computing");
    s.leaf("MARKING", c.benchmark().classification());
    s.hostLeaf("HOST_NAME", c.hostName());
    s.hostLeaf("HOST_IP", c.hostIp());
    s.hostLeaf("HOST_MAC", c.hostMac());
    s.hostLeaf("HOST_FQDN", c.hostFqdn());
    s.leaf("TARGET_COMMENT", "");
    s.leaf("TECH_AREA", "Exchange Server");
    s.leaf("TARGET_KEY", c.targetKey());
    s.leaf("WEB_OR_DATABASE", "false");
    s.leaf("WEB_DB_SITE", "");
    s.leaf("WEB_DB_INSTANCE", "");
  }

  private static void stigInfo(Sink s, Checklist c) {
    Benchmark b = c.benchmark();
    siData(s, "version", b.version());
    siData(s, "classification", b.classification());
    siData(s, "customname", "");
    siData(s, "stigid", b.id());
    siData(s, "description", b.description());
    siData(s, "filename", c.stigFileName());
    siData(s, "releaseinfo", b.releaseInfo());
    siData(s, "title", b.title());
    // A uuid is never empty, so this SID_DATA is always there, as the template needs.
    s.open("SI_DATA");
    s.leaf("SID_NAME", "uuid");
    s.hostLeaf("SID_DATA", c.stigUuid().toString());
    s.close();
    siData(s, "notice", b.notice());
    siData(s, "source", b.source());
  }

  /** STIG Viewer leaves SID_DATA out when the value is empty. */
  private static void siData(Sink s, String name, String value) {
    s.open("SI_DATA");
    s.leaf("SID_NAME", name);
    if (value != null && !value.isEmpty()) s.leaf("SID_DATA", value);
    s.close();
  }

  private static void vuln(Sink s, Checklist c, Checklist.Entry e, String stigUuid) {
    Rule r = e.rule();
    Description desc = r.description();
    data(s, "Vuln_Num", r.vulnId());
    data(s, "Severity", r.severity().xccdf());
    data(s, "Group_Title", r.srg());
    data(s, "Rule_ID", r.ruleId().toString());
    data(s, "Rule_Ver", r.stigId());
    data(s, "Rule_Title", r.title());
    data(s, "Vuln_Discuss", desc.vulnDiscussion());
    data(s, "IA_Controls", desc.iaControls());
    data(s, "Check_Content", r.check() == null ? "" : r.check().text());
    data(s, "Fix_Text", r.fix() == null ? "" : r.fix().text());
    data(s, "False_Positives", desc.falsePositives());
    data(s, "False_Negatives", desc.falseNegatives());
    data(s, "Documentable", desc.documentable());
    data(s, "Mitigations", desc.mitigations());
    data(s, "Potential_Impact", desc.potentialImpacts());
    data(s, "Third_Party_Tools", desc.thirdPartyTools());
    data(s, "Mitigation_Control", desc.mitigationControl());
    data(s, "Responsibility", desc.responsibility());
    data(s, "Security_Override_Guidance", desc.severityOverrideGuidance());
    data(s, "Check_Content_Ref", "M");
    data(s, "Weight", r.weight() == null ? "10.0" : r.weight());
    data(s, "Class", "Unclass");
    data(s, "STIGRef", c.stigRef());
    data(s, "TargetKey", c.targetKey());
    s.open("STIG_DATA");
    s.leaf("VULN_ATTRIBUTE", "STIG_UUID");
    s.hostLeaf("ATTRIBUTE_DATA", stigUuid);
    s.close();
    for (String legacy : r.legacyIds()) data(s, "LEGACY_ID", legacy);
    for (String cci : r.ccis()) data(s, "CCI_REF", cci);
    s.hostLeaf("STATUS", e.status().ckl());
    s.hostLeaf("FINDING_DETAILS", e.findingDetails());
    s.hostLeaf("COMMENTS", e.comments());
    s.hostLeaf("SEVERITY_OVERRIDE", e.severityOverride() == null ? "" : e.severityOverride().xccdf());
    s.hostLeaf("SEVERITY_JUSTIFICATION", e.severityJustification());
  }

  private static void data(Sink s, String attribute, String value) {
    s.open("STIG_DATA");
    s.leaf("VULN_ATTRIBUTE", attribute);
    s.leaf("ATTRIBUTE_DATA", value == null ? "" : value);
    s.close();
  }
}
