package dev.stigsmith.scap.ds;

import static dev.stigsmith.xml.Ns.CAT;
import static dev.stigsmith.xml.Ns.DS;
import static dev.stigsmith.xml.Ns.XLINK;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlBuilder.E;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * Bundles the parts into a SCAP 1.3 source data stream. Each part keeps the file name it has on disk;
 * catalogs map those names (used in check hrefs) to the component refs, so the same XCCDF works
 * standalone and inside the stream.
 */
public final class DataStreamRenderer {
  /** A document to embed and the file name other parts know it by. */
  public record Part(String fileName, Document document, Kind kind, List<String> references) {
    public Part {
      references = List.copyOf(references);
    }
  }

  public enum Kind { CHECKLIST, CHECK, DICTIONARY }

  private DataStreamRenderer() {}

  public static Document render(Benchmark b, GeneratorInfo gen, List<Part> parts) {
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("ds", DS);
    prefixes.put("xlink", XLINK);
    prefixes.put("cat", CAT);
    XmlBuilder xml = XmlBuilder.document(prefixes);
    E root = xml.root(DS, "data-stream-collection")
        .attr("id", Ids.collection(b)).attr("schematron-version", "1.3");
    E stream = root.add(DS, "data-stream").attr("id", Ids.dataStream(b))
        .attr("scap-version", "1.3").attr("use-case", "CONFIGURATION").attr("timestamp", gen.localTimestamp());
    for (Kind kind : List.of(Kind.DICTIONARY, Kind.CHECKLIST, Kind.CHECK)) {
      List<Part> ofKind = parts.stream().filter(p -> p.kind() == kind).toList();
      if (ofKind.isEmpty()) continue;
      E section = stream.add(DS, switch (kind) {
        case DICTIONARY -> "dictionaries";
        case CHECKLIST -> "checklists";
        case CHECK -> "checks";
      });
      for (Part p : ofKind) {
        E ref = section.add(DS, "component-ref").attr("id", Ids.componentRef(p.fileName()))
            .attr(XLINK, "href", "#" + Ids.component(p.fileName()));
        if (!p.references().isEmpty()) {
          E cat = ref.add(CAT, "catalog");
          for (String name : p.references()) {
            cat.add(CAT, "uri").attr("name", name).attr("uri", "#" + Ids.componentRef(name));
          }
        }
      }
    }
    for (Part p : parts) {
      root.add(DS, "component").attr("id", Ids.component(p.fileName())).attr("timestamp", gen.localTimestamp())
          .append(p.document().getDocumentElement());
    }
    return xml.document();
  }
}
