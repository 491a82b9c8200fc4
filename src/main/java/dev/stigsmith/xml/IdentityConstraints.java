package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.parsers.ParserConfigurationException;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NamePool;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.SequenceIterator;
import net.sf.saxon.pattern.LocalNameTest;
import net.sf.saxon.pattern.NameTest;
import net.sf.saxon.pattern.NamespaceTest;
import net.sf.saxon.pattern.NodeKindTest;
import net.sf.saxon.pattern.NodeTest;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.type.Type;
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
  record Step(String ns, String local, boolean attribute) {}

  /** A selector or field path: optional leading descendant axis, then child steps (the last may be an attribute). */
  record XPath(boolean descendant, List<Step> steps) {}

  record Constraint(Kind kind, String name, String refer, List<XPath> selector, List<List<XPath>> fields,
      List<String> defaults) {}

  /** Which elements carry constraints: by name, and for local elements of an anonymous type, the parent's name. */
  record Owner(String parentNs, String parentLocal, List<Constraint> constraints) {}

  private final Map<String, List<Owner>> owners;
  /** For our own bundled schema files only (some carry a DOCTYPE); nothing external is ever loaded. */
  private static final javax.xml.parsers.SAXParserFactory SCHEMA_FILES = SafeXml.bundledSchemaParserFactory();

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

  // ------------------------------------------------------------------ reading the schema files

  private static final java.util.regex.Pattern DECLARES = java.util.regex.Pattern.compile("<(\\w+:)?(key|keyref|unique)[\\s>]");

  private static void read(String url, Map<String, List<Owner>> owners) {
    List<Declared> declared = Prebuilt.INDEX.get(Prebuilt.bundledPath(url));
    for (Declared d : declared != null ? declared : declared(url)) {
      owners.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d.owner());
    }
  }

  /** What one schema file declares: the constraints of the element named {@code key}. */
  record Declared(String key, Owner owner) {}

  static List<Declared> declared(String url) {
    Reader r = new Reader();
    try (InputStream in = ScapSchemas.open(new URL(url))) {
      byte[] bytes = in.readAllBytes();
      // Most imported schema files declare no identity constraints; a text scan spares their parse.
      if (!DECLARES.matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).find()) return List.of();
      InputSource src = new InputSource(new java.io.ByteArrayInputStream(bytes));
      src.setSystemId(url);
      SCHEMA_FILES.newSAXParser().parse(src, r);
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("bundled schema " + url + " cannot be read for its identity constraints: "
          + e.getMessage(), e);
    }
    List<Declared> out = new ArrayList<>();
    for (Reader.Pending p : r.pending) {
      List<Constraint> resolved = new ArrayList<>();
      for (Constraint c : p.constraints) {
        List<String> defaults = new ArrayList<>();
        for (List<XPath> field : c.fields()) defaults.add(defaultOf(field, r.attributeDefaults));
        resolved.add(new Constraint(c.kind(), c.name(), c.refer(), c.selector(), c.fields(), defaults));
      }
      out.add(new Declared(p.key, new Owner(p.parentNs, p.parentLocal, resolved)));
    }
    return out;
  }

  /**
   * What every bundled schema file declares, read by the build ({@link #main}) so that a run need not
   * parse the files again for it (the Windows OVAL schema alone is over a megabyte). Files missing from
   * the index, such as a schema of the user's, are parsed.
   */
  static final class Prebuilt {
    static final String RESOURCE = "identity-constraints.bin";
    private static final int VERSION = 1;
    /** The bundled tree's URL as the catalog resolves files within it, up to and with its last '/'. */
    private static final String BUNDLE = bundle();
    static final Map<String, List<Declared>> INDEX = load();

    private Prebuilt() {}

    private static String bundle() {
      String catalog = ScapSchemas.resource("catalog.xml").toString();
      return catalog.substring(0, catalog.length() - "catalog.xml".length());
    }

    /** "oval/5.11.2/windows-definitions-schema.xsd" for a file of the bundled tree; null otherwise. */
    static String bundledPath(String url) {
      return url.startsWith(BUNDLE) ? url.substring(BUNDLE.length()) : null;
    }

    private static Map<String, List<Declared>> load() {
      try (InputStream in = IdentityConstraints.class.getResourceAsStream(RESOURCE)) {
        if (in == null) return Map.of();
        return read(new java.io.DataInputStream(new java.io.BufferedInputStream(in)));
      } catch (IOException e) {
        return Map.of();  // each file is parsed instead
      }
    }

    static Map<String, List<Declared>> read(java.io.DataInputStream in) throws IOException {
      if (in.readInt() != VERSION) return Map.of();
      Map<String, List<Declared>> out = new HashMap<>();
      for (int f = in.readInt(); f > 0; f--) {
        String path = in.readUTF();
        List<Declared> declared = new ArrayList<>();
        for (int d = in.readInt(); d > 0; d--) {
          String key = in.readUTF();
          String parentNs = text(in);
          String parentLocal = text(in);
          List<Constraint> constraints = new ArrayList<>();
          for (int c = in.readInt(); c > 0; c--) {
            Kind kind = Kind.valueOf(in.readUTF());
            String name = in.readUTF();
            String refer = text(in);
            List<XPath> selector = paths(in);
            List<List<XPath>> fields = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) fields.add(paths(in));
            List<String> defaults = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) defaults.add(text(in));
            constraints.add(new Constraint(kind, name, refer, selector, List.copyOf(fields), defaults));
          }
          declared.add(new Declared(key, new Owner(parentNs, parentLocal, constraints)));
        }
        out.put(path, List.copyOf(declared));
      }
      return out;
    }

    static void write(Map<String, List<Declared>> index, java.io.DataOutputStream out) throws IOException {
      out.writeInt(VERSION);
      out.writeInt(index.size());
      for (Map.Entry<String, List<Declared>> f : new java.util.TreeMap<>(index).entrySet()) {
        out.writeUTF(f.getKey());
        out.writeInt(f.getValue().size());
        for (Declared d : f.getValue()) {
          out.writeUTF(d.key());
          text(out, d.owner().parentNs());
          text(out, d.owner().parentLocal());
          out.writeInt(d.owner().constraints().size());
          for (Constraint c : d.owner().constraints()) {
            out.writeUTF(c.kind().name());
            out.writeUTF(c.name());
            text(out, c.refer());
            paths(out, c.selector());
            out.writeInt(c.fields().size());
            for (List<XPath> field : c.fields()) paths(out, field);
            out.writeInt(c.defaults().size());
            for (String d2 : c.defaults()) text(out, d2);
          }
        }
      }
    }

    private static List<XPath> paths(java.io.DataInputStream in) throws IOException {
      List<XPath> out = new ArrayList<>();
      for (int p = in.readInt(); p > 0; p--) {
        boolean descendant = in.readBoolean();
        List<Step> steps = new ArrayList<>();
        for (int s = in.readInt(); s > 0; s--) steps.add(new Step(text(in), text(in), in.readBoolean()));
        out.add(new XPath(descendant, List.copyOf(steps)));
      }
      return out;
    }

    private static void paths(java.io.DataOutputStream out, List<XPath> paths) throws IOException {
      out.writeInt(paths.size());
      for (XPath p : paths) {
        out.writeBoolean(p.descendant());
        out.writeInt(p.steps().size());
        for (Step s : p.steps()) {
          text(out, s.ns());
          text(out, s.local());
          out.writeBoolean(s.attribute());
        }
      }
    }

    private static String text(java.io.DataInputStream in) throws IOException {
      return in.readBoolean() ? in.readUTF() : null;
    }

    private static void text(java.io.DataOutputStream out, String s) throws IOException {
      out.writeBoolean(s != null);
      if (s != null) out.writeUTF(s);
    }
  }

  /**
   * Build step: {@link Prebuilt}'s index of every schema file under the bundled tree. Arguments: the
   * bundled tree (…/classes/scap-schemas) and the index file to write.
   */
  public static void main(String[] args) throws IOException {
    java.nio.file.Path tree = java.nio.file.Path.of(args[0]);
    Map<String, List<Declared>> index = new HashMap<>();
    try (var files = java.nio.file.Files.walk(tree)) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".xsd")).sorted().toList()) {
        String path = tree.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        index.put(path, declared(f.toUri().toURL().toString()));
      }
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(bytes)) {
      Prebuilt.write(index, out);
    }
    java.nio.file.Path target = java.nio.file.Path.of(args[1]);
    java.nio.file.Files.createDirectories(target.getParent());
    XmlOutput.writeAtomically(target, bytes.toByteArray());
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
          refer = a.getValue("refer") == null ? null : qualify(a.getValue("refer"), scope);
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

    private static String qualify(String qname, Map<String, String> scope) {
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
   *
   * <p>Works on Saxon's NodeInfo with name tests, which the tiny tree answers by comparing integer name
   * codes; s9api's wrappers and QNames cost several times more on a 25 MB data stream.
   */
  public List<Problem> check(Path file, XdmNode doc) {
    List<Problem> problems = new ArrayList<>();
    if (owners.isEmpty() || doc == null) return problems;
    NodeInfo root = doc.getUnderlyingNode();
    Names names = new Names(root.getConfiguration().getNamePool());
    // Key tables by owning element, for keyrefs (checked after every table is complete).
    Map<NodeInfo, Map<String, Map<String, NodeInfo>>> tables = new HashMap<>();
    List<Object[]> keyrefs = new ArrayList<>();
    for (Map.Entry<String, List<Owner>> owner : owners.entrySet()) {
      String k = owner.getKey();
      String ns = k.startsWith("{") ? k.substring(1, k.indexOf('}')) : "";
      SequenceIterator it = root.iterateAxis(AxisInfo.DESCENDANT, names.element(ns, local(k)));
      for (NodeInfo n; (n = (NodeInfo) it.next()) != null; ) {
        for (Owner o : owner.getValue()) {
          if (o.parentLocal() != null && !parentIs(n, o.parentNs(), o.parentLocal())) continue;
          for (Constraint c : o.constraints()) {
            if (c.kind() == Kind.KEYREF) {
              keyrefs.add(new Object[] {n, c});
              continue;
            }
            Map<String, NodeInfo> table = new HashMap<>();
            for (NodeInfo target : select(n, c.selector(), names)) {
              String value = tuple(target, c, names);
              if (value == null) {
                if (c.kind() == Kind.KEY) {
                  problems.add(problem(file, target, "cvc-identity-constraint.4.2.1", "element '"
                      + display(target) + "' has no value for the key '" + local(c.name()) + "'"));
                }
                continue;
              }
              NodeInfo first = table.putIfAbsent(value, target);
              if (first != null) {
                problems.add(problem(file, target, c.kind() == Kind.KEY ? "cvc-identity-constraint.4.2.2"
                    : "cvc-identity-constraint.4.1", "duplicate " + (c.kind() == Kind.KEY ? "key" : "unique")
                    + " value [" + value + "] declared for identity constraint '" + local(c.name()) + "' of element '"
                    + display(n) + "' (first at line " + first.getLineNumber() + ")"));
              }
            }
            tables.computeIfAbsent(n, x -> new HashMap<>()).put(c.name(), table);
          }
        }
      }
    }
    for (Object[] kr : keyrefs) {
      NodeInfo n = (NodeInfo) kr[0];
      Constraint c = (Constraint) kr[1];
      Map<String, NodeInfo> table = keyTable(n, c.refer(), tables);
      for (NodeInfo target : select(n, c.selector(), names)) {
        String value = tuple(target, c, names);
        if (value == null || table.containsKey(value)) continue;
        problems.add(problem(file, target, "cvc-identity-constraint.4.3", "Key '" + local(c.name()) + "' with value '"
            + value + "' not found for identity constraint of element '" + n.getLocalPart() + "'."));
      }
    }
    // Owners are visited by name, not in document order; report in document order.
    problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return problems;
  }

  /** Name tests of one check, built once per name (a name test binds the name pool's integer code). */
  private static final class Names {
    private final NamePool pool;
    private final Map<String, NodeTest> elements = new HashMap<>();

    Names(NamePool pool) {
      this.pool = pool;
    }

    NodeTest element(String ns, String local) {
      if (local == null) {
        return ns == null ? NodeKindTest.ELEMENT : new NamespaceTest(pool, Type.ELEMENT, NamespaceUri.of(ns));
      }
      if (ns == null) return new LocalNameTest(pool, Type.ELEMENT, local);
      return elements.computeIfAbsent(ns + "}" + local, x -> new NameTest(Type.ELEMENT, NamespaceUri.of(ns), local, pool));
    }
  }

  /** The referred key's table on the keyref's element, or (keys declared lower down) merged from below it. */
  private static Map<String, NodeInfo> keyTable(NodeInfo at, String refer,
      Map<NodeInfo, Map<String, Map<String, NodeInfo>>> tables) {
    Map<String, Map<String, NodeInfo>> own = tables.get(at);
    if (own != null && own.containsKey(refer)) return own.get(refer);
    Map<String, NodeInfo> merged = new HashMap<>();
    for (var e : tables.entrySet()) {
      Map<String, NodeInfo> t = e.getValue().get(refer);
      if (t != null && isAncestor(at, e.getKey())) t.forEach(merged::putIfAbsent);
    }
    return merged;
  }

  private static boolean isAncestor(NodeInfo ancestor, NodeInfo n) {
    for (NodeInfo p = n.getParent(); p != null; p = p.getParent()) if (p.equals(ancestor)) return true;
    return false;
  }

  private static boolean parentIs(NodeInfo n, String ns, String local) {
    NodeInfo p = n.getParent();
    return p != null && p.getNodeKind() == Type.ELEMENT && local.equals(p.getLocalPart()) && ns.equals(p.getURI());
  }

  private static List<NodeInfo> select(NodeInfo context, List<XPath> paths, Names names) {
    List<NodeInfo> out = new ArrayList<>();
    for (XPath p : paths) {
      if (p.descendant() && !p.steps().isEmpty()) {
        Step first = p.steps().get(0);
        List<NodeInfo> current = new ArrayList<>();
        SequenceIterator it = context.iterateAxis(AxisInfo.DESCENDANT, names.element(first.ns(), first.local()));
        for (NodeInfo d; (d = (NodeInfo) it.next()) != null; ) current.add(d);
        out.addAll(walk(current, p.steps().subList(1, p.steps().size()), names));
      } else {
        out.addAll(walk(List.of(context), p.steps(), names));
      }
    }
    // Alternatives of a union may select the same node; XPath's union holds it once.
    return paths.size() == 1 ? out : new ArrayList<>(new java.util.LinkedHashSet<>(out));
  }

  /** Child steps from {@code from}; selected elements, or for a final attribute step, the attributes. */
  private static List<NodeInfo> walk(List<NodeInfo> from, List<Step> steps, Names names) {
    List<NodeInfo> current = from;
    for (Step s : steps) {
      List<NodeInfo> next = new ArrayList<>();
      for (NodeInfo n : current) {
        SequenceIterator it = s.attribute()
            ? n.iterateAxis(AxisInfo.ATTRIBUTE, s.local() == null ? NodeKindTest.ATTRIBUTE
                : new NameTest(Type.ATTRIBUTE, NamespaceUri.of(s.ns() == null ? "" : s.ns()), s.local(), names.pool))
            : n.iterateAxis(AxisInfo.CHILD, names.element(s.ns(), s.local()));
        for (NodeInfo c; (c = (NodeInfo) it.next()) != null; ) next.add(c);
      }
      current = next;
    }
    return current;
  }

  /** The constraint's field values for one selected node, joined; null when a field selects nothing. */
  private static String tuple(NodeInfo target, Constraint c, Names names) {
    if (c.fields().size() == 1) return field(target, c, 0, names);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < c.fields().size(); i++) {
      String v = field(target, c, i, names);
      if (v == null) return null;
      if (i > 0) sb.append(',');
      sb.append(v);
    }
    return sb.toString();
  }

  private static String field(NodeInfo target, Constraint c, int i, Names names) {
    List<XPath> paths = c.fields().get(i);
    String v = null;
    if (paths.size() == 1 && paths.get(0).steps().size() == 1 && paths.get(0).steps().get(0).attribute()
        && paths.get(0).steps().get(0).local() != null) {
      Step s = paths.get(0).steps().get(0);  // the common case, @id: no iterator
      v = target.getAttributeValue(NamespaceUri.of(s.ns() == null ? "" : s.ns()), s.local());
    } else {
      for (XPath p : paths) {
        List<NodeInfo> values = walk(List.of(target), p.steps(), names);
        if (!values.isEmpty()) {
          v = values.get(0).getStringValue();
          break;
        }
      }
    }
    if (v == null) return c.defaults().isEmpty() ? null : c.defaults().get(i);
    return collapse(v);
  }

  /** XML Schema's whitespace collapse, without a regex for the usual value that has nothing to collapse. */
  static String collapse(String v) {
    boolean plain = true;
    for (int i = 0; i < v.length() && plain; i++) {
      char ch = v.charAt(i);
      if (ch == ' ' ? i == 0 || i == v.length() - 1 || v.charAt(i - 1) == ' ' : ch == '\t' || ch == '\n' || ch == '\r') {
        plain = false;
      }
    }
    return plain ? v : v.replaceAll("[ \t\n\r]+", " ").trim();
  }

  private static String local(String key) {
    return key.substring(key.indexOf('}') + 1);
  }

  private static String display(NodeInfo n) {
    return ScapValidator.Prefixes.of(n.getURI()) + n.getLocalPart();
  }

  private static Problem problem(Path file, NodeInfo at, String rule, String message) {
    return new Problem(file, at.getLineNumber(), at.getColumnNumber(), Problem.Severity.ERROR, message, "", rule);
  }
}
