package dev.stigsmith.scap.cpe;

import static dev.stigsmith.xml.Ns.CPE23_DICT;
import static dev.stigsmith.xml.Ns.CPE_DICT;
import static dev.stigsmith.xml.Ns.XML;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Platform;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;

/** A CPE 2.3 dictionary naming the benchmark's platform, checked by an OVAL inventory definition. */
public final class CpeDictionaryRenderer {
  private CpeDictionaryRenderer() {}

  public static Document render(Benchmark b, GeneratorInfo gen, String platformOvalHref) {
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("cpe-dict", CPE_DICT);
    prefixes.put("cpe-23", CPE23_DICT);
    XmlBuilder xml = XmlBuilder.document(prefixes);
    E list = xml.root(CPE_DICT, "cpe-list");
    E g = list.add(CPE_DICT, "generator");
    g.add(CPE_DICT, "product_name", gen.productName());
    g.add(CPE_DICT, "product_version", gen.productVersion());
    g.add(CPE_DICT, "schema_version", "2.3");
    g.add(CPE_DICT, "timestamp", gen.localTimestamp());
    Platform p = b.platform();
    E item = list.add(CPE_DICT, "cpe-item").attr("name", p.cpeName());
    item.add(CPE_DICT, "title", p.title()).attr(XML, "lang", "en-US");
    item.add(CPE_DICT, "check", Ids.platformDefinition(p.cpeName()))
        .attr("system", "http://oval.mitre.org/XMLSchema/oval-definitions-5").attr("href", platformOvalHref);
    item.add(CPE23_DICT, "cpe23-item").attr("name", p.cpe23Name());
    return xml.document();
  }
}
