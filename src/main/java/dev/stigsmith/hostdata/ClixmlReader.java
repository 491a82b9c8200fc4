package dev.stigsmith.hostdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stigsmith.io.InputLimits;
import dev.stigsmith.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Export-Clixml output (PowerShell serialization, {@code <Objs Version="1.1.0.1">}). Each
 * top-level {@code <Obj>} becomes one object; its {@code <Props>} and {@code <MS>} members become
 * properties. Nested objects turn into what PowerShell shows for them: enums their name, lists
 * their items, anything else with a {@code <ToString>} that text.
 */
final class ClixmlReader {
  static final String NS = "http://schemas.microsoft.com/powershell/2004/04";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Set<String> TEXT_TAGS = Set.of("S", "C", "URI", "Version", "G", "DT", "XD", "SBK", "BA", "SS", "PR");
  private static final Set<String> INT_TAGS = Set.of("I16", "I32", "I64", "U16", "U32", "U64", "By", "SB");
  private static final Set<String> DECIMAL_TAGS = Set.of("Db", "Sg", "D");
  private static final Set<String> LIST_TAGS = Set.of("LST", "IE", "STK", "QUE");

  private final Path file;
  private final XMLStreamReader r;
  private final Map<String, List<String>> typeNames = new HashMap<>();
  private final Map<String, JsonNode> objects = new HashMap<>();
  /**
   * How many values each node stands for once every {@code <Ref>} is followed. A {@code <Ref>} shares
   * the node, so the tree stays small while what later steps walk can grow exponentially (the
   * CLIXML billion laughs: each object referring to the previous one twice); this bounds it.
   */
  private final Map<JsonNode, Long> weights = new java.util.IdentityHashMap<>();
  private final InputLimits limits = InputLimits.current();
  /** Values a file may expand to through references: generous for real output, far from exponential. */
  static final long MAX_EXPANDED = 5_000_000;
  private long expanded;

  private ClixmlReader(Path file, XMLStreamReader r) {
    this.file = file;
    this.r = r;
  }

  /** A property of a top-level object, with the line it is on for messages. */
  private record Member(String name, JsonNode value, int line) {}

  /** A top-level object: its most derived type name (or null) and members. */
  private record TopObject(String typeName, List<Member> members, int line) {}

  static RawExport read(Path file, byte[] bytes) throws HostDataException {
    XMLStreamReader r = null;
    try {
      r = SafeXml.streamReader(new ByteArrayInputStream(bytes), null);
      return new ClixmlReader(file, r).document();
    } catch (XMLStreamException e) {
      Location l = e.getLocation();
      String msg = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
      // StAX prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; keep the message.
      int at = msg.indexOf("Message:");
      if (at >= 0) msg = msg.substring(at + "Message:".length()).trim();
      throw new HostDataException(file, l == null ? -1 : l.getLineNumber(), l == null ? -1 : l.getColumnNumber(),
          null, SafeXml.notWellFormed(msg));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to read
        }
      }
    }
  }

  private RawExport document() throws XMLStreamException, HostDataException {
    r.nextTag();
    if (!"Objs".equals(r.getLocalName()) || !NS.equals(r.getNamespaceURI())) {
      throw error("XML but not Export-Clixml output: root element <" + r.getLocalName() + "> in namespace "
          + (r.getNamespaceURI() == null ? "(none)" : r.getNamespaceURI()) + ", expected <Objs> in " + NS);
    }
    List<TopObject> tops = new ArrayList<>();
    while (nextChild()) {
      int line = line();
      if (!"Obj".equals(r.getLocalName())) {
        throw error("expected <Obj> (a PowerShell object) at the top level, found <" + r.getLocalName() + ">");
      }
      tops.add(topObject(line));
    }

    String cmdlet = null;
    for (TopObject t : tops) {
      if (t.typeName() != null) cmdlet = CmdletKinds.fromTypeName(t.typeName()).orElse(null);
      if (cmdlet != null) break;
    }
    if (cmdlet == null) cmdlet = CmdletKinds.fromFileName(file.getFileName().toString()).orElse(null);
    if (cmdlet == null) {
      List<String> names = new ArrayList<>();
      tops.forEach(t -> t.members().forEach(m -> names.add(m.name())));
      cmdlet = CmdletKinds.fromProperties(names).orElseThrow(
          () -> new HostDataException(file, CmdletKinds.notIdentified("Export-Clixml output")));
    }

    List<PsObject> result = new ArrayList<>();
    for (TopObject t : tops) {
      List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
      Map<String, Integer> lines = new HashMap<>();
      for (Member m : t.members()) {
        props.add(new AbstractMap.SimpleImmutableEntry<>(m.name(), m.value()));
        lines.put(m.name(), m.line());
      }
      result.add(ValueNormaliser.object(props, false,
          (property, problem) -> new HostDataException(file, lines.getOrDefault(property, t.line()), -1, property, problem)));
    }
    return new RawExport(file, cmdlet, result);
  }

  private TopObject topObject(int line) throws XMLStreamException, HostDataException {
    ObjParts parts = objParts();
    if (parts.members.isEmpty() && parts.value != null) {
      throw new HostDataException(file, line, -1, null, "expected a PowerShell object with properties, found a plain value");
    }
    for (Member m : parts.members) {
      expanded += weight(m.value());
      if (expanded > MAX_EXPANDED) {
        throw new HostDataException(file, line, -1, null, "the objects expand, through <Ref>, to more than "
            + MAX_EXPANDED + " values (a reference bomb?)");
      }
    }
    String type = parts.types.isEmpty() ? null : parts.types.get(0);
    return new TopObject(type, parts.members, line);
  }

  /** What one {@code <Obj>} holds. */
  private static final class ObjParts {
    List<String> types = List.of();
    String toString;
    final List<Member> members = new ArrayList<>();
    ArrayNode items;
    ObjectNode dictionary;
    JsonNode value;
  }

  /** Reads the children of the current {@code <Obj>} up to its end tag. */
  private ObjParts objParts() throws XMLStreamException, HostDataException {
    String refId = r.getAttributeValue(null, "RefId");
    ObjParts p = new ObjParts();
    while (nextChild()) {
      String tag = r.getLocalName();
      switch (tag) {
        case "TN" -> p.types = typeList();
        case "TNRef" -> {
          String id = r.getAttributeValue(null, "RefId");
          List<String> t = typeNames.get(id);
          if (t == null) throw error("<TNRef RefId=\"" + id + "\"> refers to no earlier <TN>");
          p.types = t;
          skipElement();
        }
        case "ToString" -> p.toString = decode(r.getElementText());
        case "Props", "MS" -> {
          while (nextChild()) {
            int line = line();
            String name = decode(r.getAttributeValue(null, "N"));
            if (name == null) throw error("<" + r.getLocalName() + "> in <" + tag + "> has no N (property name)");
            p.members.add(new Member(name, value(), line));
          }
        }
        case "DCT" -> {
          p.dictionary = JSON.objectNode();
          while (nextChild()) {
            JsonNode key = null;
            JsonNode val = JSON.nullNode();
            while (nextChild()) {
              String n = r.getAttributeValue(null, "N");
              JsonNode v = value();
              if ("Key".equals(n)) key = v;
              else if ("Value".equals(n)) val = v;
            }
            if (key != null) p.dictionary.set(ValueNormaliser.text(key), val);
          }
        }
        default -> {
          if (LIST_TAGS.contains(tag)) {
            p.items = JSON.arrayNode();
            while (nextChild()) p.items.add(value());
          } else {
            // The object's own value: an enum's number, a wrapped primitive.
            p.value = value();
          }
        }
      }
    }
    if (refId != null) {
      if (objects.size() >= limits.refIds() && !objects.containsKey(refId)) {
        throw error("more than " + limits.refIds() + " objects with a RefId (-Dstigsmith.limit.clixml-refs)");
      }
      JsonNode v = objValue(p);
      if (weight(v) > MAX_EXPANDED) {
        throw error("<Obj RefId=\"" + refId + "\"> expands, through <Ref>, to more than " + MAX_EXPANDED
            + " values (a reference bomb?)");
      }
      objects.put(refId, v);
    }
    return p;
  }

  /** How a nested object appears to the normaliser: see the class comment. */
  private static JsonNode objValue(ObjParts p) {
    boolean isEnum = p.types.contains("System.Enum");
    if (isEnum && p.toString != null) return JSON.textNode(p.toString);
    if (p.items != null) return p.items;
    if (p.dictionary != null) return p.dictionary;
    if (p.toString != null) return JSON.textNode(p.toString);
    if (p.value != null) return p.value;
    ObjectNode o = JSON.objectNode();
    p.members.forEach(m -> o.set(m.name(), m.value()));
    return o;
  }

  private List<String> typeList() throws XMLStreamException, HostDataException {
    String id = r.getAttributeValue(null, "RefId");
    List<String> types = new ArrayList<>();
    while (nextChild()) {
      if (!"T".equals(r.getLocalName())) throw error("unexpected <" + r.getLocalName() + "> in <TN>");
      types.add(r.getElementText().trim());
    }
    if (id != null) {
      if (typeNames.size() >= limits.refIds() && !typeNames.containsKey(id)) {
        throw error("more than " + limits.refIds() + " type lists with a RefId (-Dstigsmith.limit.clixml-refs)");
      }
      typeNames.put(id, List.copyOf(types));
    }
    return types;
  }

  /** One value element; the reader ends on its end tag. */
  private JsonNode value() throws XMLStreamException, HostDataException {
    String tag = r.getLocalName();
    if (tag.equals("Obj")) return objValue(objParts());
    if (tag.equals("Nil")) {
      skipElement();
      return JSON.nullNode();
    }
    if (tag.equals("Ref")) {
      String id = r.getAttributeValue(null, "RefId");
      JsonNode v = objects.get(id);
      if (v == null) throw error("<Ref RefId=\"" + id + "\"> refers to no earlier <Obj>");
      skipElement();
      return v;
    }
    int line = line();
    String text = decode(r.getElementText());
    if (TEXT_TAGS.contains(tag)) return JSON.textNode(text);
    try {
      if (tag.equals("B")) {
        if (text.trim().equals("true")) return JSON.booleanNode(true);
        if (text.trim().equals("false")) return JSON.booleanNode(false);
        throw new HostDataException(file, line, -1, null, "<B> must hold true or false, found \"" + text + "\"");
      }
      if (INT_TAGS.contains(tag)) return JSON.numberNode(new BigInteger(text.trim()));
      if (DECIMAL_TAGS.contains(tag)) return JSON.numberNode(new BigDecimal(text.trim()));
    } catch (NumberFormatException e) {
      throw new HostDataException(file, line, -1, null, "<" + tag + "> must hold a number, found \"" + text + "\"");
    }
    if (tag.equals("TS")) {
      String ts = ValueNormaliser.canonicalTimeSpan(text.trim());
      if (ts == null) throw new HostDataException(file, line, -1, null, "<TS> must hold a duration, found \"" + text + "\"");
      return JSON.textNode(ts);
    }
    throw new HostDataException(file, line, -1, null, "unknown CLIXML element <" + tag + ">");
  }

  /** Moves to the next child start tag; false at the parent's end tag. */
  private boolean nextChild() throws XMLStreamException, HostDataException {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) return true;
      if (ev == XMLStreamConstants.END_ELEMENT) return false;
      if (ev == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
        throw error("unexpected text \"" + r.getText().trim() + "\"");
      }
    }
    throw error("file ends inside an element (truncated?)");
  }

  private void skipElement() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) depth++;
      else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
    }
  }

  /** Values {@code n} stands for with every shared node counted each time it appears; memoised, so linear. */
  private long weight(JsonNode n) {
    if (!n.isContainerNode()) return 1;
    Long w = weights.get(n);
    if (w != null) return w;
    long sum = 1;
    for (JsonNode c : n) {
      sum += weight(c);
      if (sum > MAX_EXPANDED) break;
    }
    weights.put(n, sum);
    return sum;
  }

  private int line() {
    return r.getLocation() == null ? -1 : r.getLocation().getLineNumber();
  }

  private HostDataException error(String problem) {
    return new HostDataException(file, line(), -1, null, problem);
  }

  private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

  /** PowerShell writes characters XML cannot hold (and "_x" itself) as _xHHHH_. */
  static String decode(String s) {
    if (s == null || !s.contains("_x")) return s;
    Matcher m = ESCAPE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    m.appendTail(sb);
    return sb.toString();
  }
}
