package dev.stigsmith.collector;

import dev.stigsmith.generate.Generator;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the generated content reads on a host, taken from the OVAL the generator writes (the rules'
 * definitions and the platform's CPE inventory definitions): every {@code cmdlet_object} as
 * "Verb-Noun" and every {@code registry_object} key as "HKLM\…", and per rule which cmdlets its
 * definition reaches (through tests, sets, filters and variables).
 */
record ContentNeeds(Set<String> cmdlets, Set<String> registryKeys, Map<Rule, Set<String>> cmdletsByRule,
    Set<String> folders, boolean services, Set<String> xmlFiles) {
  static final String WIN_DEF = "http://oval.mitre.org/XMLSchema/oval-definitions-5#windows";
  static final String IND_DEF = "http://oval.mitre.org/XMLSchema/oval-definitions-5#independent";
  private static final Pattern OVAL_ID = Pattern.compile("oval:[A-Za-z0-9_.\\-]+:(def|tst|obj|ste|var):\\d+");
  private static final Map<String, String> HIVES = Map.of(
      "HKEY_LOCAL_MACHINE", "HKLM", "HKEY_CURRENT_USER", "HKCU", "HKEY_USERS", "HKU",
      "HKEY_CLASSES_ROOT", "HKCR", "HKEY_CURRENT_CONFIG", "HKCC");

  static ContentNeeds of(Path contentDir) throws Exception {
    Set<String> cmdlets = new TreeSet<>();
    Set<String> keys = new TreeSet<>();
    Set<String> folders = new TreeSet<>();
    Set<String> xmlFiles = new TreeSet<>();
    boolean[] services = {false};
    Map<Rule, Set<String>> byRule = new LinkedHashMap<>();
    for (Generator.Output out : Generator.render(contentDir, "0.1.0", null)) {
      Benchmark b = out.benchmark();
      Document oval = parse(out.files().get(Generator.ovalFile(b)));
      Document cpeOval = parse(out.files().get(Generator.cpeOvalFile(b)));
      for (Document d : new Document[] {oval, cpeOval}) {
        forEach(d, "cmdlet_object", o -> {
          String c = cmdlet(o);
          if (c != null) cmdlets.add(c);
        });
        forEach(d, "registry_object", o -> keys.add(registryKey(o)));
        forEach(d, "service_object", o -> services[0] = true);
      }
      Map<String, Element> byId = idIndex(oval);
      forEach(oval, "fileeffectiverights53_object", o -> folders.add(folder(o, byId)));
      NodeList xml = oval.getElementsByTagNameNS(IND_DEF, "xmlfilecontent_object");
      for (int i = 0; i < xml.getLength(); i++) xmlFiles.add(registryPath((Element) xml.item(i), "filepath", byId));
      for (Rule r : b.currentRules()) {
        Element def = byId.get(Ids.ovalDefinition(r));
        if (def != null) byRule.put(r, reachedCmdlets(def, byId));
      }
    }
    return new ContentNeeds(cmdlets, keys, byRule, folders, services[0], xmlFiles);
  }

  /**
   * The folder a fileeffectiverights53_object reads, as the collector's $FolderRights list states it:
   * "HKLM\key|value name|appended path" (the renderer's local variable: regex_capture of a registry
   * value, optionally concatenated with "\append").
   */
  private static String folder(Element object, Map<String, Element> byId) {
    return registryPath(object, "path", byId);
  }

  private static String registryPath(Element object, String entity, Map<String, Element> byId) {
    Element path = child(object, entity);
    if (path == null || !path.hasAttribute("var_ref")) {
      throw new AssertionError(object.getAttribute("id") + ": path is not a variable; the collector reads registry-derived folders only");
    }
    Element var = byId.get(path.getAttribute("var_ref"));
    Element top = firstElement(var);
    String append = "";
    Element capture = top;
    if ("concat".equals(top.getLocalName())) {
      capture = firstElement(top);
      Element literal = nextElement(capture);
      String text = literal.getTextContent();
      if (!text.startsWith("\\")) throw new AssertionError(var.getAttribute("id") + ": appended path must start with a backslash");
      append = text.substring(1);
    }
    if (!"regex_capture".equals(capture.getLocalName())) throw new AssertionError(var.getAttribute("id") + ": unexpected " + capture.getLocalName());
    Element component = firstElement(capture);
    Element registry = byId.get(component.getAttribute("object_ref"));
    if (registry == null || !"registry_object".equals(registry.getLocalName())) {
      throw new AssertionError(var.getAttribute("id") + ": the collector reads folders named by registry values only");
    }
    return registryKey(registry) + "|" + childText(registry, "name") + "|" + append;
  }

  private static Element child(Element parent, String localName) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && localName.equals(e.getLocalName())) return e;
    }
    return null;
  }

  private static Element firstElement(Element parent) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) if (c instanceof Element e) return e;
    throw new AssertionError(parent.getAttribute("id") + ": empty " + parent.getLocalName());
  }

  private static Element nextElement(Element e) {
    for (Node c = e.getNextSibling(); c != null; c = c.getNextSibling()) if (c instanceof Element n) return n;
    throw new AssertionError("nothing after " + e.getLocalName());
  }

  /** "Get-SendConnector"; null for a cmdlet_object that is only a set of others. */
  private static String cmdlet(Element object) {
    String verb = childText(object, "verb");
    String noun = childText(object, "noun");
    if (verb == null && noun == null) return null;
    if (verb == null || noun == null) throw new AssertionError(object.getAttribute("id") + ": verb or noun is missing or not literal");
    return verb + "-" + noun;
  }

  private static String registryKey(Element object) {
    String hive = childText(object, "hive");
    String key = childText(object, "key");
    if (hive == null || key == null) {
      throw new AssertionError(object.getAttribute("id") + ": hive or key is not a literal; the collector reads fixed keys only");
    }
    String abbreviation = HIVES.get(hive);
    if (abbreviation == null) throw new AssertionError(object.getAttribute("id") + ": unknown hive " + hive);
    return abbreviation + "\\" + key;
  }

  private static Set<String> reachedCmdlets(Element definition, Map<String, Element> byId) {
    Set<String> out = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    Deque<Element> todo = new ArrayDeque<>();
    todo.add(definition);
    while (!todo.isEmpty()) {
      Element e = todo.pop();
      if ("cmdlet_object".equals(e.getLocalName()) && WIN_DEF.equals(e.getNamespaceURI())) {
        String c = cmdlet(e);
        if (c != null) out.add(c);
      }
      for (String ref : references(e)) {
        if (seen.add(ref) && byId.containsKey(ref)) todo.push(byId.get(ref));
      }
    }
    return out;
  }

  /** Every OVAL id named below e, by attribute (test_ref, var_ref…) or text (object_reference, filter). */
  private static Set<String> references(Element e) {
    Set<String> refs = new TreeSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (n instanceof Element el) {
        NamedNodeMap attrs = el.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
          Attr a = (Attr) attrs.item(i);
          if (!"id".equals(a.getName()) && OVAL_ID.matcher(a.getValue()).matches()) refs.add(a.getValue());
        }
      } else if (n.getNodeType() == Node.TEXT_NODE && OVAL_ID.matcher(n.getNodeValue().strip()).matches()) {
        refs.add(n.getNodeValue().strip());
      }
      for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) todo.push(c);
    }
    return refs;
  }

  private static Map<String, Element> idIndex(Document d) {
    Map<String, Element> out = new TreeMap<>();
    NodeList all = d.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String id = e.getAttribute("id");
      if (OVAL_ID.matcher(id).matches()) out.put(id, e);
    }
    return out;
  }

  private static void forEach(Document d, String localName, java.util.function.Consumer<Element> action) {
    NodeList list = d.getElementsByTagNameNS(WIN_DEF, localName);
    for (int i = 0; i < list.getLength(); i++) action.accept((Element) list.item(i));
  }

  /** The text of a literal child entity; null when absent or given by var_ref. */
  private static String childText(Element parent, String localName) {
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && localName.equals(e.getLocalName())) {
        if (e.hasAttribute("var_ref")) return null;
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
      }
    }
    return null;
  }

  private static Document parse(byte[] xml) throws Exception {
    if (xml == null) throw new AssertionError("the generator wrote no such file");
    return SafeXml.documentBuilder().parse(new ByteArrayInputStream(xml));
  }
}
