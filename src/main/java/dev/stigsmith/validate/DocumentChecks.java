package dev.stigsmith.validate;

import dev.stigsmith.model.Rule;
import dev.stigsmith.xml.DocumentKind.Ns;
import dev.stigsmith.xml.Problem;
import dev.stigsmith.xml.Problem.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.SequenceIterator;
import net.sf.saxon.pattern.LocalNameTest;
import net.sf.saxon.pattern.NameTest;
import net.sf.saxon.pattern.NodeKindTest;
import net.sf.saxon.pattern.NodeTest;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.type.Type;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

/**
 * What the schemas cannot say about a document: references across components of a data stream (XCCDF
 * checks to OVAL definitions and OCIL questionnaires, component-refs to components), Profile selections,
 * network references, dangling references the schemas' identity constraints report only at the end of
 * the document, and (with lint) unused OVAL/OCIL items and the STIG authoring rules.
 */
final class DocumentChecks {
  /** A reference tools would fetch from the network; compiled once, as every check reference is tested. */
  private static final Pattern NETWORK_URL = Pattern.compile("(?i)(https?|ftp)://.*");

  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final String CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog";
  private static final QName XLINK_HREF = new QName(XLINK, "href");
  private static final Pattern KEYREF = Pattern.compile(
      "Key '(\\w+)' with value '([^']*)' not found for identity constraint of element '([\\w:-]+)'\\.?");
  private static final Pattern RULE_ID = Pattern.compile("SV-\\d+r\\d+_rule");
  private static final Pattern CCI = Pattern.compile("CCI-\\d{6}");
  private static final String CCI_SYSTEM = "http://cyber.mil/cci";
  private static final Pattern DISA_RULE_SUFFIX = Pattern.compile("(?:^|_)(SV-[^_]*(?:_rule)?)$");

  private final Path file;
  private final XdmNode doc;
  private final boolean lint;
  private final List<Problem> out = new ArrayList<>();
  /** Elements by namespace and local name, in document order, looked up once each. */
  private final Map<String, List<XdmNode>> byName = new HashMap<>();

  private DocumentChecks(Path file, XdmNode doc, boolean lint) {
    this.file = file;
    this.doc = doc;
    this.lint = lint;
  }

  static List<Problem> run(Path file, XdmNode doc, boolean lint) {
    DocumentChecks c = new DocumentChecks(file, doc, lint);
    c.oval();
    c.xccdf();
    c.ocil();
    c.dataStream();
    return c.out;
  }

  /** Every element of that name in document order, found once by a name test over the tree. */
  private List<XdmNode> all(String ns, String local) {
    return byName.computeIfAbsent(ns + " " + local, k -> descendants(doc, ns, local));
  }
  private void add(XdmNode at, Severity s, String message, String rule) {
    out.add(new Problem(file, at == null ? 0 : Math.max(0, at.getLineNumber()),
        at == null ? 0 : Math.max(0, at.getColumnNumber()), s, message, "", rule));
  }

  private static String attr(XdmNode n, String name) {
    String v = n.attribute(name);
    return v == null ? "" : v;
  }

  private static List<XdmNode> elements(XdmNode n) {
    List<XdmNode> l = new ArrayList<>();
    for (XdmNode c : n.children()) if (c.getNodeKind() == XdmNodeKind.ELEMENT) l.add(c);
    return l;
  }

  private static XdmNode child(XdmNode n, String ns, String local) {
    for (XdmNode c : elements(n)) {
      if (c.getNodeName().getNamespace().equals(ns) && c.getNodeName().getLocalName().equals(local)) return c;
    }
    return null;
  }

  private static List<XdmNode> descendants(XdmNode n) {
    return descendants(n, null, null);
  }

  /**
   * Descendant elements, all or of one name ({@code ns} null: any namespace). Saxon's tiny tree answers a
   * name test by comparing integer name codes; walking it through s9api's child lists and QNames cost
   * most of these checks' time on a 25 MB data stream.
   */
  static List<XdmNode> descendants(XdmNode n, String ns, String local) {
    NodeInfo node = n.getUnderlyingNode();
    NodeTest test = local == null ? NodeKindTest.ELEMENT
        : ns == null ? new LocalNameTest(node.getConfiguration().getNamePool(), Type.ELEMENT, local)
        : new NameTest(Type.ELEMENT, NamespaceUri.of(ns), local, node.getConfiguration().getNamePool());
    List<XdmNode> l = new ArrayList<>();
    SequenceIterator it = node.iterateAxis(AxisInfo.DESCENDANT, test);
    for (NodeInfo d; (d = (NodeInfo) it.next()) != null; ) l.add(new XdmNode(d));
    return l;
  }

  // ---------------------------------------------------------------- OVAL

  private void oval() {
    if (!lint) return;
    for (XdmNode defs : all(Ns.OVAL_DEFS, "oval_definitions")) {
      Map<String, XdmNode> tests = section(defs, "tests");
      Map<String, XdmNode> objects = section(defs, "objects");
      Map<String, XdmNode> states = section(defs, "states");
      Map<String, XdmNode> variables = section(defs, "variables");
      Set<String> used = new HashSet<>();
      SequenceIterator it = defs.getUnderlyingNode().iterateAxis(AxisInfo.DESCENDANT, NodeKindTest.ELEMENT);
      for (NodeInfo e; (e = (NodeInfo) it.next()) != null; ) {
        for (String a : REFERENCES) {
          String v = e.getAttributeValue(NamespaceUri.NULL, a);
          if (v != null) used.add(v);
        }
        String local = e.getLocalPart();
        // ind-def:variable_object names its variable in element text, not in an attribute.
        if (local.equals("object_reference") || local.equals("filter") || local.equals("var_ref")) {
          used.add(e.getStringValue().trim());
        }
      }
      unused(tests, used, "test");
      unused(objects, used, "object");
      unused(states, used, "state");
      unused(variables, used, "variable");
    }
  }

  private static final String[] REFERENCES = {"test_ref", "object_ref", "state_ref", "var_ref", "definition_ref"};

  private static Map<String, XdmNode> section(XdmNode defs, String name) {
    Map<String, XdmNode> m = new LinkedHashMap<>();
    XdmNode s = child(defs, Ns.OVAL_DEFS, name);
    if (s != null) for (XdmNode e : elements(s)) m.put(attr(e, "id"), e);
    return m;
  }

  private void unused(Map<String, XdmNode> items, Set<String> used, String what) {
    items.forEach((id, e) -> {
      if (!used.contains(id)) add(e, Severity.WARNING, "OVAL " + what + " " + id + " is defined but nothing uses it", Rules.UNUSED);
    });
  }

  // ---------------------------------------------------------------- XCCDF

  private void xccdf() {
    for (String ns : new String[] {Ns.XCCDF12, Ns.XCCDF11}) {
      for (XdmNode b : all(ns, "Benchmark")) benchmark(ns, b);
    }
  }

  private void benchmark(String ns, XdmNode b) {
    Map<String, XdmNode> items = new HashMap<>();
    Set<String> values = new HashSet<>();
    for (String kind : new String[] {"Rule", "Group"}) {
      for (XdmNode e : descendants(b, ns, kind)) items.put(attr(e, "id"), e);
    }
    for (XdmNode e : descendants(b, ns, "Value")) values.add(attr(e, "id"));
    for (XdmNode profile : elements(b)) {
      if (!profile.getNodeName().getLocalName().equals("Profile")) continue;
      for (XdmNode s : elements(profile)) {
        String local = s.getNodeName().getLocalName();
        String idref = attr(s, "idref");
        switch (local) {
          case "select", "refine-rule" -> {
            XdmNode item = items.get(idref);
            if (item == null) {
              add(s, Severity.ERROR, "Profile " + attr(profile, "id") + " " + local + "s " + idref
                  + ", which is no Rule or Group of this benchmark", Rules.SELECT_REF);
            } else if (lint && "true".equals(attr(s, "selected")) && deprecated(ns, item)) {
              add(s, Severity.WARNING, "Profile " + attr(profile, "id") + " selects " + idref
                  + ", which is deprecated", Rules.SELECT_DEPRECATED);
            }
          }
          case "set-value", "refine-value" -> {
            if (!values.contains(idref)) {
              add(s, Severity.ERROR, "Profile " + attr(profile, "id") + " " + local + " names " + idref
                  + ", which is no Value of this benchmark", Rules.SELECT_REF);
            }
          }
          default -> { }
        }
      }
    }
    for (XdmNode ref : descendants(b, null, "check-content-ref")) {
      String href = attr(ref, "href");
      if (NETWORK_URL.matcher(href).matches()) {
        add(ref, Severity.ERROR, "check content is fetched from the network (" + href + "); SCAP content must carry it",
            Rules.NETWORK);
      } else if (!href.startsWith("#") && !href.isEmpty() && !inDataStream(b)) {
        besideFile(ref, href);
      }
    }
    if (lint) {
      List<XdmNode> rules = all(ns, "Rule");
      boolean only = all(ns, "Benchmark").size() == 1;
      for (XdmNode r : rules) if (only || isWithin(r, b)) stigRule(ns, r);
    }
  }

  private static boolean isWithin(XdmNode n, XdmNode ancestor) {
    for (XdmNode p = n.getParent(); p != null; p = p.getParent()) if (p.equals(ancestor)) return true;
    return false;
  }

  private boolean inDataStream(XdmNode b) {
    XdmNode p = b.getParent();
    return p != null && p.getNodeKind() == XdmNodeKind.ELEMENT && p.getNodeName().getNamespace().equals(Ns.SDS);
  }

  /** A stand-alone benchmark's check names a file beside it: when that file is there, the name must be in it. */
  private void besideFile(XdmNode ref, String href) {
    String name = attr(ref, "name");
    if (name.isEmpty()) return;
    Path target = file.toAbsolutePath().getParent().resolve(href);
    if (!Files.isRegularFile(target)) return;
    try {
      String text = new String(Files.readAllBytes(target), StandardCharsets.UTF_8);
      if (!text.contains("id=\"" + name + "\"") && !text.contains("id='" + name + "'")) {
        add(ref, Severity.ERROR, "check names " + name + ", which " + href + " does not define", Rules.CHECK_REF);
      }
    } catch (IOException e) {
      // the other file's own validation reports it
    }
  }

  private static boolean deprecated(String ns, XdmNode item) {
    if ("true".equals(attr(item, "deprecated"))) return true;
    String status = "";
    for (XdmNode s : elements(item)) if (s.getNodeName().getLocalName().equals("status")) status = s.getStringValue().trim();
    return status.equals("deprecated");
  }

  private void stigRule(String ns, XdmNode r) {
    String id = attr(r, "id");
    String version = "";
    boolean cci = false;
    boolean fix = false;
    boolean check = false;
    for (XdmNode c : elements(r)) {
      switch (c.getNodeName().getLocalName()) {
        case "version" -> version = c.getStringValue().trim();
        case "ident" -> {
          String v = c.getStringValue().trim();
          String system = attr(c, "system");
          if (system.equals(CCI_SYSTEM)) {
            cci = true;
            if (!CCI.matcher(v).matches()) {
              add(c, Severity.WARNING, "CCI ident '" + v + "' of " + id + " is not CCI-nnnnnn", Rules.STIG_ID_FORMAT);
            }
          } else if (system.endsWith("disa-vuln-id") && !Rule.isVulnId(v)) {
            // What stigsmith's own content and importers accept, so validate warns of what generate refuses.
            add(c, Severity.WARNING, "Vuln ID '" + v + "' of " + id + " is not V-n ("
                + Rule.VULN_ID_FORM + ")", Rules.STIG_ID_FORMAT);
          } else if (system.endsWith("disa-rule-id") && !RULE_ID.matcher(v).matches()) {
            add(c, Severity.WARNING, "Rule ID '" + v + "' of " + id + " is not SV-nrN_rule", Rules.STIG_ID_FORMAT);
          }
        }
        // DISA's fixtext carries the text; an empty fix beside it only names it.
        case "fixtext" -> fix |= !c.getStringValue().isBlank();
        case "fix" -> fix |= !c.getStringValue().isBlank();
        case "check", "complex-check" -> check = true;
        default -> { }
      }
    }
    if (deprecated(ns, r)) return;
    // DISA's own ids: the XCCDF 1.1.4 benchmark uses them as Rule ids, ours carries them inside ours.
    Matcher disa = DISA_RULE_SUFFIX.matcher(id);
    if (disa.find() && !RULE_ID.matcher(disa.group(1)).matches()) {
      add(r, Severity.WARNING, "Rule id " + id + " does not end in a DISA Rule ID SV-nrN_rule", Rules.STIG_ID_FORMAT);
    }
    if (version.isEmpty()) add(r, Severity.WARNING, "Rule " + id + " has no STIG ID (xccdf:version)", Rules.STIG_ID);
    if (!cci) add(r, Severity.WARNING, "Rule " + id + " has no CCI ident (system " + CCI_SYSTEM + ")", Rules.STIG_CCI);
    String severity = attr(r, "severity");
    if (!severity.matches("low|medium|high")) {
      add(r, Severity.WARNING, "Rule " + id + " has severity '" + severity + "'; a STIG Rule is low, medium or high",
          Rules.STIG_SEVERITY);
    }
    if (!fix) add(r, Severity.WARNING, "Rule " + id + " has no fix text", Rules.STIG_FIX);
    if (!check) add(r, Severity.WARNING, "Rule " + id + " has no check", Rules.STIG_CHECK);
  }

  // ---------------------------------------------------------------- OCIL

  private void ocil() {
    if (!lint) return;
    for (XdmNode o : all(Ns.OCIL, "ocil")) {
      Set<String> used = new HashSet<>();
      Map<String, XdmNode> items = new LinkedHashMap<>();
      for (XdmNode e : descendants(o)) {
        String local = e.getNodeName().getLocalName();
        if (local.endsWith("_question") || local.endsWith("_test_action")) {
          if (e.getParent().getNodeName().getLocalName().matches("questions|test_actions")) items.put(attr(e, "id"), e);
          String q = e.attribute("question_ref");
          if (q != null) used.add(q);
        }
        if (local.equals("test_action_ref") || local.equals("question_ref")) used.add(e.getStringValue().trim());
        for (String a : new String[] {"test_action_ref", "question_ref", "next"}) {
          String v = e.attribute(a);
          if (v != null) used.add(v);
        }
      }
      items.forEach((id, e) -> {
        if (!used.contains(id)) {
          add(e, Severity.WARNING, "OCIL " + e.getNodeName().getLocalName() + " " + id + " is defined but nothing uses it",
              Rules.OCIL_UNUSED);
        }
      });
    }
  }

  // ---------------------------------------------------------------- data streams

  private void dataStream() {
    Map<String, XdmNode> components = new HashMap<>();
    for (String local : new String[] {"component", "extended-component"}) {
      for (XdmNode c : all(Ns.SDS, local)) components.put(attr(c, "id"), c);
    }
    Map<String, XdmNode> componentRefs = new HashMap<>();
    for (XdmNode r : all(Ns.SDS, "component-ref")) {
      componentRefs.put(attr(r, "id"), r);
      String href = r.getAttributeValue(XLINK_HREF);
      if (href == null) continue;
      if (!href.startsWith("#")) {
        add(r, Severity.ERROR, "component-ref " + attr(r, "id") + " points outside the data stream (" + href + ")",
            NETWORK_URL.matcher(href).matches() ? Rules.NETWORK : Rules.COMPONENT_REF);
      } else if (!components.containsKey(href.substring(1))) {
        add(r, Severity.ERROR, "component-ref " + attr(r, "id") + " points at " + href
            + ", which is no component of this collection", Rules.COMPONENT_REF);
      }
    }
    if (components.isEmpty()) return;
    Set<String> usedDefinitions = new HashSet<>();
    for (XdmNode r : all(Ns.SDS, "component-ref")) {
      XdmNode catalog = child(r, CATALOG, "catalog");
      Map<String, String> uris = new HashMap<>();
      if (catalog != null) {
        for (XdmNode u : elements(catalog)) {
          String uri = attr(u, "uri");
          uris.put(attr(u, "name"), uri);
          if (uri.startsWith("#") && !componentRefs.containsKey(uri.substring(1))) {
            add(u, Severity.ERROR, "catalog entry " + attr(u, "name") + " maps to " + uri
                + ", which is no component-ref of this collection", Rules.COMPONENT_REF);
          }
        }
      }
      XdmNode comp = target(r, components);
      if (comp == null) continue;
      for (XdmNode ref : descendants(comp, null, "check-content-ref")) {
        String name = attr(ref, "name");
        String href = attr(ref, "href");
        String uri = uris.get(href);
        if (uri == null) {
          if (!NETWORK_URL.matcher(href).matches()) {
            add(ref, Severity.ERROR, "check refers to " + href + ", which the component-ref's catalog does not map",
                Rules.COMPONENT_REF);
          }
          continue;
        }
        if (!uri.startsWith("#")) continue;
        XdmNode targetRef = componentRefs.get(uri.substring(1));
        XdmNode checked = targetRef == null ? null : target(targetRef, components);
        if (checked == null || name.isEmpty()) continue;
        usedDefinitions.add(name);
        if (!defines(checked, name)) {
          add(ref, Severity.ERROR, "check names " + name + ", which component " + attr(checked, "id")
              + " does not define", Rules.CHECK_REF);
        }
      }
    }
    if (!lint) return;
    // CPE dictionaries check platforms by OVAL definition name too.
    for (XdmNode c : all(Ns.CPE_DICT, "check")) usedDefinitions.add(c.getStringValue().trim());
    for (XdmNode d : all(Ns.OVAL_DEFS, "extend_definition")) usedDefinitions.add(attr(d, "definition_ref"));
    for (XdmNode d : all(Ns.OVAL_DEFS, "definition")) {
      XdmNode p = d.getParent();
      if (p != null && p.getParent() != null && p.getParent().getParent() != null
          && p.getParent().getParent().getNodeName().getNamespace().equals(Ns.SDS)
          && !usedDefinitions.contains(attr(d, "id"))) {
        add(d, Severity.WARNING, "OVAL definition " + attr(d, "id") + " is in the data stream but no Rule, CPE or"
            + " definition uses it", Rules.UNUSED_DEF);
      }
    }
  }

  private static XdmNode target(XdmNode componentRef, Map<String, XdmNode> components) {
    String href = componentRef.getAttributeValue(XLINK_HREF);
    return href != null && href.startsWith("#") ? components.get(href.substring(1)) : null;
  }

  /** The ids a component defines (OVAL definitions, OCIL questionnaires, anything with an id), once per component. */
  private final Map<XdmNode, Set<String>> idsOf = new HashMap<>();

  private boolean defines(XdmNode component, String id) {
    return idsOf.computeIfAbsent(component, c -> {
      Set<String> ids = new HashSet<>();
      SequenceIterator it = c.getUnderlyingNode().iterateAxis(AxisInfo.DESCENDANT, NodeKindTest.ELEMENT);
      for (NodeInfo e; (e = (NodeInfo) it.next()) != null; ) {
        String v = e.getAttributeValue(NamespaceUri.NULL, "id");
        if (v != null) ids.add(v);
      }
      return ids;
    }).contains(id);
  }

  // ---------------------------------------------------------------- identity constraints

  /**
   * The schemas' keyref failures come at the end of the document ("Key 'objectKeyRef' with value 'X' not
   * found…"); this finds the element that refers to X and says so in the document's terms.
   */
  static List<Problem> relocateKeyrefs(List<Problem> problems, XdmNode doc) {
    List<Problem> out = new ArrayList<>();
    Map<String, XdmNode> firstUse = null;  // value -> first element referring to it
    for (Problem p : problems) {
      Matcher m = KEYREF.matcher(p.message());
      if (!p.ruleId().startsWith("cvc-identity-constraint") || !m.matches() || doc == null) {
        out.add(p);
        continue;
      }
      if (firstUse == null) firstUse = references(doc);
      String key = m.group(1);
      String value = m.group(2);
      XdmNode at = firstUse.get(value);
      String attribute = at == null ? null : referringAttribute(at, value);
      String what = attribute != null && attribute.matches("\\w+_ref")
          ? attribute.replaceFirst("_ref$", "").replace("var", "variable").replace("definition", "definition")
          : attribute != null && attribute.equals("value-id") ? "value"
          : key.replaceFirst("(_reference)?KeyRef$", "").replaceFirst("ExtId$", " (extends)").replaceFirst("Id$", "");
      String how = at == null ? "" : at.getNodeName().getLocalName() + (attribute == null ? " " : " @" + attribute + " ");
      out.add(new Problem(p.file(), at == null ? p.line() : at.getLineNumber(), at == null ? p.column() : at.getColumnNumber(),
          p.severity(), how + "'" + value + "' names no " + what + " defined in this document", "",
          Rules.REF + ":" + what.replace(' ', '-').replaceAll("[()]", "")));
    }
    return out;
  }

  private static String referringAttribute(XdmNode at, String value) {
    var it = at.axisIterator(net.sf.saxon.s9api.Axis.ATTRIBUTE);
    while (it.hasNext()) {
      XdmNode a = it.next();
      if (a.getStringValue().equals(value)) return a.getNodeName().getLocalName();
    }
    return null;
  }

  /**
   * The first element referring to each value: by an attribute other than an id, or as the text of a leaf
   * element. Built in one pass when the first dangling reference needs it, so many dangling references
   * cost one walk, not one each.
   */
  private static Map<String, XdmNode> references(XdmNode doc) {
    Map<String, XdmNode> first = new HashMap<>();
    SequenceIterator it = doc.getUnderlyingNode().iterateAxis(AxisInfo.DESCENDANT, NodeKindTest.ELEMENT);
    for (NodeInfo e; (e = (NodeInfo) it.next()) != null; ) {
      XdmNode at = null;
      SequenceIterator attrs = e.iterateAxis(AxisInfo.ATTRIBUTE, NodeKindTest.ATTRIBUTE);
      for (NodeInfo a; (a = (NodeInfo) attrs.next()) != null; ) {
        if (a.getLocalPart().equals("id")) continue;
        if (at == null) at = new XdmNode(e);
        first.putIfAbsent(a.getStringValue(), at);
      }
      // A leaf element may refer in its text (test_action_ref, object_reference, …).
      if (e.iterateAxis(AxisInfo.CHILD, NodeKindTest.ELEMENT).next() == null) {
        first.putIfAbsent(e.getStringValue().trim(), at == null ? new XdmNode(e) : at);
      }
    }
    return first;
  }
}
