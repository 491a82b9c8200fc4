package dev.stigsmith.scap.arf;

import static dev.stigsmith.xml.Ns.AI;
import static dev.stigsmith.xml.Ns.ARF;
import static dev.stigsmith.xml.Ns.CORE;

import dev.stigsmith.results.Target;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An ARF 1.1 report (the SCAP 1.3 result data stream): the asset, the request (the source data
 * stream evaluated), the XCCDF TestResult and the OVAL results, tied together by relationships.
 */
public final class ArfRenderer {
  public static final String RELATIONSHIPS = "http://scap.nist.gov/specifications/arf/vocabulary/relationships/1.0#";

  private ArfRenderer() {}

  public static Document render(Target target, Element sourceDataStream, Element xccdfTestResult, Element ovalResults) {
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("arf", ARF);
    prefixes.put("core", CORE);
    prefixes.put("ai", AI);
    prefixes.put("arfvocab", RELATIONSHIPS);
    XmlBuilder xml = XmlBuilder.document(prefixes);
    E root = xml.root(ARF, "asset-report-collection");
    E rels = root.add(CORE, "relationships");
    relationship(rels, "arfvocab:createdFor", "xccdf1", "collection1");
    relationship(rels, "arfvocab:isAbout", "xccdf1", "asset0");
    if (ovalResults != null) {
      relationship(rels, "arfvocab:createdFor", "oval0", "collection1");
      relationship(rels, "arfvocab:isAbout", "oval0", "asset0");
    }
    E req = root.add(ARF, "report-requests").add(ARF, "report-request").attr("id", "collection1");
    req.add(ARF, "content").append(sourceDataStream);
    E device = root.add(ARF, "assets").add(ARF, "asset").attr("id", "asset0").add(AI, "computing-device");
    if (!target.ipAddresses().isEmpty() || !target.macAddresses().isEmpty()) {
      E conns = device.add(AI, "connections");
      int n = Math.max(target.ipAddresses().size(), target.macAddresses().size());
      for (int i = 0; i < n; i++) {
        E c = conns.add(AI, "connection");
        if (i < target.ipAddresses().size()) {
          String ip = target.ipAddresses().get(i);
          c.add(AI, "ip-address").add(AI, ip.contains(":") ? "ip-v6" : "ip-v4", ip);
        }
        if (i < target.macAddresses().size()) c.add(AI, "mac-address", mac(target.macAddresses().get(i)));
      }
    }
    if (target.fqdn() != null && !target.fqdn().isBlank()) device.add(AI, "fqdn", target.fqdn());
    device.add(AI, "hostname", target.hostName());
    E reports = root.add(ARF, "reports");
    reports.add(ARF, "report").attr("id", "xccdf1").add(ARF, "content").append(xccdfTestResult);
    if (ovalResults != null) reports.add(ARF, "report").attr("id", "oval0").add(ARF, "content").append(ovalResults);
    return xml.document();
  }

  private static void relationship(E rels, String type, String subject, String ref) {
    rels.add(CORE, "relationship").attr("type", type).attr("subject", subject).add(CORE, "ref", ref);
  }

  /** AI wants colon-separated MACs; Windows writes them with dashes. */
  static String mac(String m) {
    return m.replace('-', ':').toUpperCase(Locale.ROOT);
  }
}
