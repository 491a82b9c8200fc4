package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.ParserConfigurationException;
import net.sf.saxon.s9api.Axis;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The schemas' xsd:key, xsd:keyref and xsd:unique constraints, checked over a parsed tree with hash tables.
 *
 * <p>Why not the validator's own: the JDK's schema validator keeps each key table as a list and looks every
 * value up by scanning it, so a data stream with tens of thousands of OVAL and XCCDF ids spends most of its
 * validation time there (a 24 MB stream: 6.9 s with it, 2.5 s without). The constraints are read from the
 * same schema files the validator compiled, so nothing about them is written down twice.
 *
 * <p>What is simplified, exactly for how the SCAP schemas use identity constraints: a constraint on a global
 * element applies wherever an element of that name occurs; one on a local element inside an anonymous type
 * applies where the element is a child of the element owning that type; one on a local element of a named
 * type applies wherever that name occurs. Values compare as whitespace-collapsed strings, and an absent
 * attribute takes the default its schema file declares for an attribute of that name.
 */
public final class IdentityConstraints {
  static final String XS = "http://www.w3.org/2001/XMLSchema";
  private static final Map<List<String>, IdentityConstraints> CACHE = new ConcurrentHashMap<>();

  enum Kind { KEY, KEYREF, UNIQUE }

  /** One step of a restricted XPath: a name test (null namespace/local = any), or an attribute. */
  record Step(String ns, String local, boolean attribute) {
    boolean matches(XdmNode n) {
      QName q = n.getNodeName();
      return (local == null || local.equals(q.getLocalName())) && (ns == null || ns.equals(q.getNamespaceURI()));
    }
  }

  /** A selector or field path: optional leading descendant axis, then child steps (the last may be an attribute). */
  record XPath(boolean descendant, List<Step> steps) {}

  record Constraint(Kind kind, String name, String refer, List<XPath> selector, List<List<XPath>> fields,
      List<String> defaults) {}

  /** Which elements carry constraints: by name, and for local elements of an anonymous type, the parent's name. */
  record Owner(String parentNs, String parentLocal, List<Constraint> constraints) {}

  private final Map<String, List<Owner>> owners;
  /** For our own bundled schema files only (some carry a DOCTYPE); nothing external is ever loaded. */
  private static final javax.xml.parsers.SAXParserFactory SCHEMA_FILES = schemaFileParsers();

  private static javax.xml.parsers.SAXParserFactory schemaFileParsers() {
    var f = javax.xml.parsers.SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    try {
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(e);
    }
    return f;
  }

  private IdentityConstraints(Map<String, List<Owner>> owners) {
    this.owners = owners;
  }

  static IdentityConstraints of(List<String> schemaFiles) {
    return CACHE.computeIfAbsent(schemaFiles, files -> {
      Map<String, List<Owner>> owners = new HashMap<>();
      for (String f : files) read(f, owners);
      return new IdentityConstraints(owners);
    });
  }

  boolean isEmpty() {
    return owners.isEmpty();
  }

  // ------------------------------------------------------------------ reading the schema files

  private static final java.util.regex.Pattern DECLARES = java.util.regex.Pattern.compile("<(\\w+:)?(key|keyref|unique)[\\s>]");

  private static void read(String url, Map<String, List<Owner>> owners) {
    Reader r = new Reader();
    try (InputStream in = ScapSchemas.open(new URL(url))) {
      byte[] bytes = in.readAllBytes();
      // Most imported schema files declare no identity constraints; a text scan spares their parse.
      if (!DECLARES.matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).find()) return;
      InputSource src = new InputSource(new java.io.ByteArrayInputStream(bytes));
      src.setSystemId(url);
      SCHEMA_FILES.newSAXParser().parse(src, r);
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("bundled schema " + url + " cannot be read for its identity constraints: "
          + e.getMessage(), e);
    }
    for (Reader.Pending p : r.pending) {
      List<Constraint> resolved = new ArrayList<>();
      for (Constraint c : p.constraints) {
        List<String> defaults = new ArrayList<>();
        for (List<XPath> field : c.fields()) defaults.add(defaultOf(field, r.attributeDefaults));
        resolved.add(new Constraint(c.kind(), c.name(), c.refer(), c.selector(), c.fields(), defaults));
      }
      owners.computeIfAbsent(p.key, k -> new ArrayList<>()).add(new Owner(p.parentNs, p.parentLocal, resolved));
    }
  }

  private static String defaultOf(List<XPath> field, Map<String, String> defaults) {
    if (field.size() != 1) return null;
    List<Step> steps = field.get(0).steps();
    Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (last == null || !last.attribute() || !"".equals(last.ns())) return null;
    String d = defaults.get(last.local());
    return d == null || d.equals(CONFLICT) ? null : d;
  }

  private static final String CONFLICT = "\u0000conflict";

  private static String key(String ns, String local) {
    return ns == null || ns.isEmpty() ? local : "{" + ns + "}" + local;
  }

  /** A SAX pass over one schema file that keeps only element nesting, namespaces and identity constraints. */
  private static final class Reader extends DefaultHandler {
    record Frame(String tag, String name, boolean anonymousTypeOfElement, List<Constraint> constraints) {}

    static final class Pending {
      String key;
      String parentNs;
      String parentLocal;
      List<Constraint> constraints;
    }

    final List<Pending> pending = new ArrayList<>();
    final Map<String, String> attributeDefaults = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Deque<Map<String, String>> prefixes = new ArrayDeque<>();
    private final Map<String, String> newPrefixes = new HashMap<>();
    private String targetNs = "";
    private Kind kind;
    private String name;
    private String refer;
    private List<XPath> selector;
    private List<List<XPath>> fields;

    @Override public void startPrefixMapping(String prefix, String uri) {
      newPrefixes.put(prefix, uri);
    }

    @Override public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
      Map<String, String> scope = new HashMap<>(prefixes.isEmpty() ? Map.of() : prefixes.peek());
      scope.putAll(newPrefixes);
      newPrefixes.clear();
      prefixes.push(scope);
      if (!XS.equals(uri)) {
        stack.push(new Frame("", null, false, null));
        return;
      }
      switch (local) {
        case "schema" -> targetNs = a.getValue("targetNamespace") == null ? "" : a.getValue("targetNamespace");
        case "attribute" -> {
          String n = a.getValue("name");
          String d = a.getValue("default");
          if (n != null && d != null) attributeDefaults.merge(n, d, (x, y) -> x.equals(y) ? x : CONFLICT);
        }
        case "key", "unique", "keyref" -> {
          kind = local.equals("key") ? Kind.KEY : local.equals("unique") ? Kind.UNIQUE : Kind.KEYREF;
          // A constraint's name is in the target namespace; a refer is a QName resolved by prefix.
          name = key(targetNs, a.getValue("name"));
          refer = a.getValue("refer") == null ? null : qualify(a.getValue("refer"), scope, targetNs);
          selector = null;
          fields = new ArrayList<>();
        }
        case "selector" -> selector = paths(a.getValue("xpath"), scope);
        case "field" -> fields.add(paths(a.getValue("xpath"), scope));
        default -> { }
      }
      boolean anonymousType = local.equals("complexType") && a.getValue("name") == null
          && !stack.isEmpty() && stack.peek().tag().equals("element");
      stack.push(new Frame(local, a.getValue("name"), anonymousType, local.equals("element") ? new ArrayList<>() : null));
    }

    @Override public void endElement(String uri, String local, String qName) {
      Frame f = stack.pop();
      prefixes.pop();
      if (!XS.equals(uri)) return;
      switch (local) {
        case "key", "unique", "keyref" -> {
          Frame element = stack.peek();
          if (element != null && element.constraints() != null && selector != null) {
            element.constraints().add(new Constraint(kind, name, refer, selector, List.copyOf(fields), List.of()));
          }
        }
        case "element" -> {
          if (f.constraints() == null || f.constraints().isEmpty() || f.name() == null) return;
          Pending p = new Pending();
          p.key = key(targetNs, f.name());
          p.constraints = f.constraints();
          // Local element of an anonymous type: the element owning that type is its parent in documents.
          Frame[] above = stack.toArray(new Frame[0]);
          for (int i = 0; i < above.length; i++) {
            String tag = above[i].tag();
            if (!tag.equals("complexType") && !tag.equals("group") && !tag.equals("schema")) continue;
            if (above[i].anonymousTypeOfElement() && i + 1 < above.length) {
              p.parentNs = targetNs;
              p.parentLocal = above[i + 1].name();
            }
            break;
          }
          pending.add(p);
        }
        default -> { }
      }
    }

    private static String qualify(String qname, Map<String, String> scope, String targetNs) {
      if (qname == null) return null;
      int colon = qname.indexOf(':');
      String ns = colon < 0 ? scope.getOrDefault("", "") : scope.getOrDefault(qname.substring(0, colon), "");
      return key(ns, colon < 0 ? qname : qname.substring(colon + 1));
    }

    /** The XPath subset identity constraints allow: {@code ('.//')? step ('/' step)* ('|' ...)*}. */
    private static List<XPath> paths(String xpath, Map<String, String> scope) throws SAXException {
      List<XPath> out = new ArrayList<>();
      for (String alt : xpath.split("\\|")) {
        String s = alt.replaceAll("\\s+", "");
        boolean descendant = false;
        if (s.startsWith(".//")) {
          descendant = true;
          s = s.substring(3);
        } else if (s.startsWith("./")) {
          s = s.substring(2);
        }
        List<Step> steps = new ArrayList<>();
        for (String step : s.split("/")) {
          if (step.isEmpty() || step.equals(".")) continue;
          boolean attribute = step.startsWith("@");
          if (attribute) step = step.substring(1);
          if (step.contains("::")) throw new SAXException("unsupported identity-constraint path " + xpath);
          if (step.equals("*")) {
            steps.add(new Step(null, null, attribute));
            continue;
          }
          int colon = step.indexOf(':');
          String prefix = colon < 0 ? null : step.substring(0, colon);
          String local = colon < 0 ? step : step.substring(colon + 1);
          String ns;
          if (prefix == null) {
            ns = "";
          } else if (prefix.equals("xml")) {
            ns = javax.xml.XMLConstants.XML_NS_URI;
          } else {
            ns = scope.get(prefix);
            if (ns == null) throw new SAXException("undeclared prefix in identity-constraint path " + xpath);
          }
          steps.add(new Step(ns, local.equals("*") ? null : local, attribute));
        }
        out.add(new XPath(descendant, List.copyOf(steps)));
      }
      return List.copyOf(out);
    }
  }

  // ------------------------------------------------------------------ checking a document

  /**
   * Every identity-constraint violation in {@code doc}, located at the element that breaks it. Messages and
   * rule ids follow the validator's (cvc-identity-constraint.4.1 unique, 4.2.1/4.2.2 key, 4.3 keyref), so
   * the rest of validation treats them as it would the validator's.
   */
  public List<Problem> check(Path file, XdmNode doc) {
    List<Problem> problems = new ArrayList<>();
    if (owners.isEmpty() || doc == null) return problems;
    // Key tables by owning element, for keyrefs (checked after every table is complete).
    Map<XdmNode, Map<String, Map<String, XdmNode>>> tables = new LinkedHashMap<>();
    List<Object[]> keyrefs = new ArrayList<>();
    Deque<XdmNode> todo = new ArrayDeque<>();
    todo.push(doc);
    while (!todo.isEmpty()) {
      XdmNode n = todo.pop();
      List<XdmNode> children = new ArrayList<>();
      for (XdmNode c : n.children()) if (c.getNodeKind() == XdmNodeKind.ELEMENT) children.add(c);
      for (int i = children.size() - 1; i >= 0; i--) todo.push(children.get(i));
      if (n.getNodeKind() != XdmNodeKind.ELEMENT) continue;
      QName q = n.getNodeName();
      List<Owner> os = owners.get(key(q.getNamespaceURI(), q.getLocalName()));
      if (os == null) continue;
      for (Owner o : os) {
        if (o.parentLocal() != null && !parentIs(n, o.parentNs(), o.parentLocal())) continue;
        for (Constraint c : o.constraints()) {
          if (c.kind() == Kind.KEYREF) {
            keyrefs.add(new Object[] {n, c});
            continue;
          }
          Map<String, XdmNode> table = new HashMap<>();
          for (XdmNode target : select(n, c.selector())) {
            String value = tuple(target, c);
            if (value == null) {
              if (c.kind() == Kind.KEY) {
                problems.add(problem(file, target, "cvc-identity-constraint.4.2.1", "element '"
                    + display(target) + "' has no value for the key '" + local(c.name()) + "'"));
              }
              continue;
            }
            XdmNode first = table.putIfAbsent(value, target);
            if (first != null) {
              problems.add(problem(file, target, c.kind() == Kind.KEY ? "cvc-identity-constraint.4.2.2"
                  : "cvc-identity-constraint.4.1", "duplicate " + (c.kind() == Kind.KEY ? "key" : "unique")
                  + " value [" + value + "] declared for identity constraint '" + local(c.name()) + "' of element '"
                  + display(n) + "' (first at line " + first.getLineNumber() + ")"));
            }
          }
          tables.computeIfAbsent(n, k -> new HashMap<>()).put(c.name(), table);
        }
      }
    }
    for (Object[] kr : keyrefs) {
      XdmNode n = (XdmNode) kr[0];
      Constraint c = (Constraint) kr[1];
      Map<String, XdmNode> table = keyTable(n, c.refer(), tables);
      for (XdmNode target : select(n, c.selector())) {
        String value = tuple(target, c);
        if (value == null || table.containsKey(value)) continue;
        problems.add(problem(file, target, "cvc-identity-constraint.4.3", "Key '" + local(c.name()) + "' with value '"
            + value + "' not found for identity constraint of element '" + n.getNodeName().getLocalName() + "'."));
      }
    }
    return problems;
  }

  /** The referred key's table on the keyref's element, or (keys declared lower down) merged from below it. */
  private static Map<String, XdmNode> keyTable(XdmNode at, String refer,
      Map<XdmNode, Map<String, Map<String, XdmNode>>> tables) {
    Map<String, Map<String, XdmNode>> own = tables.get(at);
    if (own != null && own.containsKey(refer)) return own.get(refer);
    Map<String, XdmNode> merged = new HashMap<>();
    for (var e : tables.entrySet()) {
      Map<String, XdmNode> t = e.getValue().get(refer);
      if (t != null && isAncestor(at, e.getKey())) t.forEach(merged::putIfAbsent);
    }
    return merged;
  }

  private static boolean isAncestor(XdmNode ancestor, XdmNode n) {
    for (XdmNode p = n.getParent(); p != null; p = p.getParent()) if (p.equals(ancestor)) return true;
    return false;
  }

  private static boolean parentIs(XdmNode n, String ns, String local) {
    XdmNode p = n.getParent();
    if (p == null || p.getNodeKind() != XdmNodeKind.ELEMENT) return false;
    QName q = p.getNodeName();
    return local.equals(q.getLocalName()) && ns.equals(q.getNamespaceURI());
  }

  private static List<XdmNode> select(XdmNode context, List<XPath> paths) {
    List<XdmNode> out = new ArrayList<>();
    for (XPath p : paths) collect(context, p, out);
    return out;
  }

  private static void collect(XdmNode context, XPath p, List<XdmNode> out) {
    List<XdmNode> current = new ArrayList<>();
    if (p.descendant() && !p.steps().isEmpty()) {
      Step first = p.steps().get(0);
      for (XdmNode d : context.select(net.sf.saxon.s9api.streams.Steps.descendant()).asList()) {
        if (d.getNodeKind() == XdmNodeKind.ELEMENT && first.matches(d)) current.add(d);
      }
      current = walk(current, p.steps().subList(1, p.steps().size()));
    } else {
      current.add(context);
      current = walk(current, p.steps());
    }
    out.addAll(current);
  }

  private static List<XdmNode> walk(List<XdmNode> from, List<Step> steps) {
    List<XdmNode> current = from;
    for (Step s : steps) {
      List<XdmNode> next = new ArrayList<>();
      for (XdmNode n : current) {
        var it = n.axisIterator(s.attribute() ? Axis.ATTRIBUTE : Axis.CHILD);
        while (it.hasNext()) {
          XdmNode c = it.next();
          if ((s.attribute() || c.getNodeKind() == XdmNodeKind.ELEMENT) && s.matches(c)) next.add(c);
        }
      }
      current = next;
    }
    return current;
  }

  /** The constraint's field values for one selected node, joined; null when a field selects nothing. */
  private static String tuple(XdmNode target, Constraint c) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < c.fields().size(); i++) {
      List<XdmNode> values = new ArrayList<>();
      for (XPath p : c.fields().get(i)) values.addAll(walk(List.of(target), p.steps()));
      String v;
      if (values.isEmpty()) {
        v = c.defaults().isEmpty() ? null : c.defaults().get(i);
        if (v == null) return null;
      } else {
        v = values.get(0).getStringValue().replaceAll("\\s+", " ").trim();
      }
      if (i > 0) sb.append(',');
      sb.append(v);
    }
    return sb.toString();
  }

  private static String local(String key) {
    return key.substring(key.indexOf('}') + 1);
  }

  private static String display(XdmNode n) {
    QName q = n.getNodeName();
    return ScapValidator.Prefixes.of(q.getNamespaceURI()) + q.getLocalName();
  }

  private static Problem problem(Path file, XdmNode at, String rule, String message) {
    return new Problem(file, at.getLineNumber(), at.getColumnNumber(), Problem.Severity.ERROR, message, "", rule);
  }
}
