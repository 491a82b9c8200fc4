package dev.stigsmith.oval.model;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dev.stigsmith.xml.DomEvents;
import dev.stigsmith.xml.XmlEvents;

/** Writes an {@code oval_system_characteristics} document valid against the OVAL 5.11.2 schemas. */
public final class SystemCharacteristicsWriter {
  private SystemCharacteristicsWriter() {}

  public static void write(SystemCharacteristics sc, Path file) {
    Document doc = XmlOut.newDocument();
    doc.appendChild(toElement(sc, doc));
    XmlOut.writeAtomically(doc, file);
  }

  public static Document toDocument(SystemCharacteristics sc) {
    Document doc = XmlOut.newDocument();
    doc.appendChild(toElement(sc, doc));
    return doc;
  }

  /** The root element, built in {@code doc} but not attached (results embed it). */
  public static Element toElement(SystemCharacteristics sc, Document doc) {
    DomEvents d = new DomEvents(doc, null);
    write(sc, d);
    return d.root();
  }

  /** The {@code oval_system_characteristics} element, to a DOM or streamed (results embed it, one per host). */
  public static void write(SystemCharacteristics sc, XmlEvents x) {
    x.start(OvalNs.SC, "oval_system_characteristics");
    x.attr(OvalNs.XMLNS, "xmlns", OvalNs.SC);
    x.attr(OvalNs.XMLNS, "xmlns:oval", OvalNs.COMMON);
    x.attr(OvalNs.XMLNS, "xmlns:oval-sc", OvalNs.SC);
    x.attr(OvalNs.XMLNS, "xmlns:xsi", OvalNs.XSI);
    TreeSet<String> families = new TreeSet<>();
    sc.items().forEach(i -> families.add(OvalNs.family(i.namespace())));
    families.remove("");
    for (String f : families) x.attr(OvalNs.XMLNS, "xmlns:" + OvalNs.scPrefix(f), OvalNs.SC + "#" + f);
    generator(x, OvalNs.SC, "generator", sc.generator());
    SystemInfo si = sc.systemInfo();
    x.start(OvalNs.SC, "system_info");
    leaf(x, OvalNs.SC, "os_name", si.osName());
    leaf(x, OvalNs.SC, "os_version", si.osVersion());
    leaf(x, OvalNs.SC, "architecture", si.architecture());
    leaf(x, OvalNs.SC, "primary_host_name", si.primaryHostName());
    x.start(OvalNs.SC, "interfaces");
    for (SystemInfo.NetInterface n : si.interfaces()) {
      x.start(OvalNs.SC, "interface");
      leaf(x, OvalNs.SC, "interface_name", n.name());
      leaf(x, OvalNs.SC, "ip_address", n.ipAddress());
      leaf(x, OvalNs.SC, "mac_address", n.macAddress());
      x.end();
    }
    x.end().end();
    if (!sc.collectedObjects().isEmpty()) {
      x.start(OvalNs.SC, "collected_objects");
      for (CollectedObject o : sc.collectedObjects()) {
        x.start(OvalNs.SC, "object").attr("id", o.id()).attr("version", o.version()).attr("flag", o.flag().xml());
        for (Message m : o.messages()) x.start(OvalNs.SC, "message").attr("level", m.level()).text(m.text()).end();
        if (o.messages().isEmpty() && o.itemRefs().isEmpty()) {
          x.start(OvalNs.SC, "message").attr("level", "info").text("no items: " + o.flag().xml()).end();
        }
        for (CollectedObject.VariableValue v : o.variableValues()) {
          x.start(OvalNs.SC, "variable_value").attr("variable_id", v.variableId()).text(v.value()).end();
        }
        for (Long ref : o.itemRefs()) x.start(OvalNs.SC, "reference").attr("item_ref", Long.toString(ref)).end();
        x.end();
      }
      x.end();
    }
    if (!sc.items().isEmpty()) {
      x.start(OvalNs.SC, "system_data");
      // Element names by namespace and local name: a host has thousands of items and entities, of a few names.
      Map<String, Map<String, String>> names = new HashMap<>();
      for (Item item : sc.items().stream().sorted(Comparator.comparingLong(Item::id)).toList()) {
        Map<String, String> inNs = names.computeIfAbsent(item.namespace(), ns -> new HashMap<>());
        x.start(item.namespace(), qname(inNs, item.namespace(), item.type())).attr("id", Long.toString(item.id()));
        if (!ItemEntity.EXISTS.equals(item.status())) x.attr("status", item.status());
        for (ItemEntity ent : item.entities()) entity(x, item.namespace(), qname(inNs, item.namespace(), ent.name()), ent, false);
        x.end();
      }
      x.end();
    }
    x.end();
  }

  private static String qname(Map<String, String> inNs, String namespace, String local) {
    return inNs.computeIfAbsent(local, l -> {
      String family = OvalNs.family(namespace);
      return family.isEmpty() ? l : OvalNs.scPrefix(family) + ":" + l;
    });
  }

  private static void entity(XmlEvents x, String ns, String qname, ItemEntity ent, boolean field) {
    x.start(ns, qname);
    if (field) x.attr("name", ent.name());
    if (!"string".equals(ent.datatype())) x.attr("datatype", ent.datatype());
    if (!ent.exists()) x.attr("status", ent.status());
    if (ent.nil()) x.attr(OvalNs.XSI, "xsi:nil", "true");
    if ("record".equals(ent.datatype())) {
      for (ItemEntity f : ent.fields()) entity(x, OvalNs.SC, "oval-sc:field", f, true);
    } else {
      x.text(ent.value());
    }
    x.end();
  }

  /** The generator element in the document's own namespace (shared with the results writer). */
  public static void generator(XmlEvents x, String ns, String qname, Generator g) {
    x.start(ns, qname);
    if (g.productName() != null) leaf(x, OvalNs.COMMON, "oval:product_name", g.productName());
    if (g.productVersion() != null) leaf(x, OvalNs.COMMON, "oval:product_version", g.productVersion());
    leaf(x, OvalNs.COMMON, "oval:schema_version", g.schemaVersion());
    leaf(x, OvalNs.COMMON, "oval:timestamp", DateTimeFormatter.ISO_INSTANT.format(g.timestamp()));
    x.end();
  }

  private static void leaf(XmlEvents x, String ns, String qname, String text) {
    x.start(ns, qname).text(text).end();
  }
}
