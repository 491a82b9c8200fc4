package dev.stigsmith.oval.model;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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
    Element root = doc.createElementNS(OvalNs.SC, "oval_system_characteristics");
    root.setAttributeNS(OvalNs.XMLNS, "xmlns", OvalNs.SC);
    root.setAttributeNS(OvalNs.XMLNS, "xmlns:oval", OvalNs.COMMON);
    root.setAttributeNS(OvalNs.XMLNS, "xmlns:oval-sc", OvalNs.SC);
    root.setAttributeNS(OvalNs.XMLNS, "xmlns:xsi", OvalNs.XSI);
    TreeSet<String> families = new TreeSet<>();
    sc.items().forEach(i -> families.add(OvalNs.family(i.namespace())));
    families.remove("");
    for (String f : families) {
      root.setAttributeNS(OvalNs.XMLNS, "xmlns:" + OvalNs.scPrefix(f), OvalNs.SC + "#" + f);
    }
    generator(root, "generator", sc.generator());
    systemInfo(root, sc.systemInfo());
    if (!sc.collectedObjects().isEmpty()) {
      Element objects = Dom.add(root, OvalNs.SC, "collected_objects");
      sc.collectedObjects().forEach(o -> collectedObject(objects, o));
    }
    if (!sc.items().isEmpty()) {
      Element data = Dom.add(root, OvalNs.SC, "system_data");
      sc.items().stream().sorted(Comparator.comparingLong(Item::id)).forEach(i -> item(data, i));
    }
    return root;
  }

  /**
   * The same element as {@link #toElement}, streamed (results embed it; a fleet run writes one per host).
   * Kept call for call beside {@link #toElement}: a test holds the two to the same bytes on every host.
   */
  public static void stream(SystemCharacteristics sc, dev.stigsmith.xml.XmlStream x) {
    x.start(OvalNs.SC, "oval_system_characteristics");
    x.attr(OvalNs.XMLNS, "xmlns", OvalNs.SC);
    x.attr(OvalNs.XMLNS, "xmlns:oval", OvalNs.COMMON);
    x.attr(OvalNs.XMLNS, "xmlns:oval-sc", OvalNs.SC);
    x.attr(OvalNs.XMLNS, "xmlns:xsi", OvalNs.XSI);
    TreeSet<String> families = new TreeSet<>();
    sc.items().forEach(i -> families.add(OvalNs.family(i.namespace())));
    families.remove("");
    for (String f : families) x.attr(OvalNs.XMLNS, "xmlns:" + OvalNs.scPrefix(f), OvalNs.SC + "#" + f);
    streamGenerator(x, OvalNs.SC, "generator", sc.generator());
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
      for (Item item : sc.items().stream().sorted(Comparator.comparingLong(Item::id)).toList()) {
        String family = OvalNs.family(item.namespace());
        String prefix = family.isEmpty() ? "" : OvalNs.scPrefix(family) + ":";
        x.start(item.namespace(), prefix + item.type()).attr("id", Long.toString(item.id()));
        if (!ItemEntity.EXISTS.equals(item.status())) x.attr("status", item.status());
        for (ItemEntity ent : item.entities()) streamEntity(x, item.namespace(), prefix + ent.name(), ent, false);
        x.end();
      }
      x.end();
    }
    x.end();
  }

  private static void streamEntity(dev.stigsmith.xml.XmlStream x, String ns, String qname, ItemEntity ent, boolean field) {
    x.start(ns, qname);
    if (field) x.attr("name", ent.name());
    if (!"string".equals(ent.datatype())) x.attr("datatype", ent.datatype());
    if (!ent.exists()) x.attr("status", ent.status());
    if (ent.nil()) x.attr(OvalNs.XSI, "xsi:nil", "true");
    if ("record".equals(ent.datatype())) {
      for (ItemEntity f : ent.fields()) streamEntity(x, OvalNs.SC, "oval-sc:field", f, true);
    } else {
      x.text(ent.value());
    }
    x.end();
  }

  /** As {@link #generator}, streamed. */
  public static void streamGenerator(dev.stigsmith.xml.XmlStream x, String ns, String qname, Generator g) {
    x.start(ns, qname);
    if (g.productName() != null) leaf(x, OvalNs.COMMON, "oval:product_name", g.productName());
    if (g.productVersion() != null) leaf(x, OvalNs.COMMON, "oval:product_version", g.productVersion());
    leaf(x, OvalNs.COMMON, "oval:schema_version", g.schemaVersion());
    leaf(x, OvalNs.COMMON, "oval:timestamp", DateTimeFormatter.ISO_INSTANT.format(g.timestamp()));
    x.end();
  }

  private static void leaf(dev.stigsmith.xml.XmlStream x, String ns, String qname, String text) {
    x.start(ns, qname).text(text).end();
  }

  /** Shared with the results writer: the generator element in the document's own namespace. */
  public static void generator(Element parent, String qname, Generator g) {
    String ns = parent.getNamespaceURI();
    Element gen = Dom.add(parent, ns, qname);
    if (g.productName() != null) Dom.addText(gen, OvalNs.COMMON, "oval:product_name", g.productName());
    if (g.productVersion() != null) Dom.addText(gen, OvalNs.COMMON, "oval:product_version", g.productVersion());
    Dom.addText(gen, OvalNs.COMMON, "oval:schema_version", g.schemaVersion());
    Dom.addText(gen, OvalNs.COMMON, "oval:timestamp", DateTimeFormatter.ISO_INSTANT.format(g.timestamp()));
  }

  private static void systemInfo(Element root, SystemInfo si) {
    Element e = Dom.add(root, OvalNs.SC, "system_info");
    Dom.addText(e, OvalNs.SC, "os_name", si.osName());
    Dom.addText(e, OvalNs.SC, "os_version", si.osVersion());
    Dom.addText(e, OvalNs.SC, "architecture", si.architecture());
    Dom.addText(e, OvalNs.SC, "primary_host_name", si.primaryHostName());
    Element ifs = Dom.add(e, OvalNs.SC, "interfaces");
    for (SystemInfo.NetInterface n : si.interfaces()) {
      Element i = Dom.add(ifs, OvalNs.SC, "interface");
      Dom.addText(i, OvalNs.SC, "interface_name", n.name());
      Dom.addText(i, OvalNs.SC, "ip_address", n.ipAddress());
      Dom.addText(i, OvalNs.SC, "mac_address", n.macAddress());
    }
  }

  private static void collectedObject(Element parent, CollectedObject o) {
    Element e = Dom.add(parent, OvalNs.SC, "object");
    e.setAttribute("id", o.id());
    e.setAttribute("version", o.version());
    e.setAttribute("flag", o.flag().xml());
    for (Message m : o.messages()) {
      Element me = Dom.addText(e, OvalNs.SC, "message", m.text());
      me.setAttribute("level", m.level());
    }
    // OpenSCAP 1.3.7 skips the object after an empty one: never leave an object without children.
    if (o.messages().isEmpty() && o.itemRefs().isEmpty()) {
      Dom.addText(e, OvalNs.SC, "message", "no items: " + o.flag().xml()).setAttribute("level", "info");
    }
    for (CollectedObject.VariableValue v : o.variableValues()) {
      Dom.addText(e, OvalNs.SC, "variable_value", v.value()).setAttribute("variable_id", v.variableId());
    }
    for (Long ref : o.itemRefs()) {
      Dom.add(e, OvalNs.SC, "reference").setAttribute("item_ref", Long.toString(ref));
    }
  }

  private static void item(Element parent, Item item) {
    String family = OvalNs.family(item.namespace());
    String prefix = family.isEmpty() ? "" : OvalNs.scPrefix(family) + ":";
    Element e = Dom.add(parent, item.namespace(), prefix + item.type());
    e.setAttribute("id", Long.toString(item.id()));
    if (!ItemEntity.EXISTS.equals(item.status())) e.setAttribute("status", item.status());
    for (ItemEntity ent : item.entities()) entity(e, item.namespace(), prefix + ent.name(), ent, false);
  }

  private static void entity(Element parent, String ns, String qname, ItemEntity ent, boolean field) {
    Element e = Dom.add(parent, ns, qname);
    if (field) e.setAttribute("name", ent.name());
    if (!"string".equals(ent.datatype())) e.setAttribute("datatype", ent.datatype());
    if (!ent.exists()) e.setAttribute("status", ent.status());
    if (ent.nil()) e.setAttributeNS(OvalNs.XSI, "xsi:nil", "true");
    if ("record".equals(ent.datatype())) {
      for (ItemEntity f : ent.fields()) entity(e, OvalNs.SC, "oval-sc:field", f, true);
    } else if (ent.value() != null) {
      e.setTextContent(ent.value());
    }
  }
}
