package dev.stigsmith.xml;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes the documents we build (elements, attributes, text-only leaves, comments) straight to bytes,
 * exactly as the JDK's indenting identity Transformer does, at a fraction of its cost: the Transformer
 * replays the DOM as SAX events through several buffering layers and was the largest per-host cost
 * of a fleet run. Anything outside that shape (mixed content, whitespace text, CDATA, processing
 * instructions, characters the JDK serialiser writes as references) makes {@link #write} return
 * null, and the caller falls back to the Transformer, so output never depends on which path ran.
 */
final class DomWriter {
  private static final String XMLNS = "xmlns";

  final Utf8 out;
  /** Mappings pushed by open elements, innermost last: prefix and the namespace it had before (null: none). */
  private final List<String[]> scope = new ArrayList<>();
  /** Prefix to namespace now in scope. */
  private final Map<String, String> current = new HashMap<>();
  private String defaultNs = "";

  /** The document without XML declaration, or null when its shape needs the Transformer. */
  static byte[] write(Document doc) {
    DomWriter w = new DomWriter(Utf8.take());
    try {
      return w.document(doc);
    } finally {
      Utf8.giveBack(w.out);
    }
  }

  private byte[] document(Document doc) {
    // The JDK serialiser puts nothing between top-level nodes; we leave anything after the root to it.
    for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getPreviousSibling() != null && n.getPreviousSibling().getNodeType() == Node.ELEMENT_NODE) return null;
      switch (n.getNodeType()) {
        case Node.ELEMENT_NODE -> {
          if (!element((Element) n, 0)) return null;
        }
        case Node.COMMENT_NODE -> {
          if (!comment(n.getNodeValue())) return null;
        }
        default -> {
          return null;
        }
      }
    }
    out.append('\n');
    return Arrays.copyOf(out.bytes, out.length);
  }

  /**
   * Text as {@link #write} writes a text-only element's content, or null when such an element would send
   * the document to the Transformer (whitespace-only text, characters it writes as references).
   */
  static byte[] text(String s) {
    if (s.isBlank()) return null;
    DomWriter w = new DomWriter(new Utf8(s.length() * 3 + 16));
    if (!w.escape(s, false)) return null;
    return Arrays.copyOf(w.out.bytes, w.out.length);
  }

  DomWriter(Utf8 buffer) {
    out = buffer;
    current.put("", "");
    current.put("xml", XMLConstants.XML_NS_URI);
  }

  void indent(int depth) {
    Utf8 o = out;
    o.ensure(1 + 2 * depth);
    byte[] b = o.bytes;
    int n = o.length;
    b[n++] = '\n';
    for (int i = 2 * depth; i > 0; i--) b[n++] = ' ';
    o.length = n;
  }

  private boolean comment(String text) {
    if (text.contains("--") || text.endsWith("-") || !plain(text, false)) return false;
    out.append("<!--").append(text).append("-->");
    return true;
  }

  private boolean element(Element e, int depth) {
    String qname = e.getTagName();
    int mark = scope.size();
    out.append('<').append(qname);
    // Asking an attribute-less Xerces element for its attributes allocates an empty map; most of ours have none.
    NamedNodeMap attrs = e.hasAttributes() ? e.getAttributes() : null;
    int n = attrs == null ? 0 : attrs.getLength();
    // Namespace declarations first, then the other attributes, then the element's own namespace
    // if not yet in scope: the order the JDK serialiser emits them in.
    for (int i = 0; i < n; i++) {
      Attr a = (Attr) attrs.item(i);
      String name = a.getName();
      if (!name.startsWith(XMLNS)) continue;
      int colon = name.lastIndexOf(':');
      if (colon < 0 && !name.equals(XMLNS)) return false;
      if (!declare(colon > 0 ? name.substring(colon + 1) : "", a.getValue())) return false;
    }
    for (int i = 0; i < n; i++) {
      Attr a = (Attr) attrs.item(i);
      String name = a.getName();
      if (name.startsWith(XMLNS)) continue;
      String uri = a.getNamespaceURI();
      if (uri != null && !uri.isEmpty()) {
        int colon = name.indexOf(':');
        if (colon <= 0) return false;
        if (!declare(name.substring(0, colon), uri)) return false;
      }
      String v = a.getValue();
      out.append(' ').append(name).append("=\"");
      if (!escape(v, true)) return false;
      out.append('"');
    }
    String uri = e.getNamespaceURI();
    int colon = qname.indexOf(':');
    if (!declare(colon > 0 ? qname.substring(0, colon) : "", uri == null ? "" : uri)) return false;

    Node child = e.getFirstChild();
    if (child == null) {
      out.append("/>");
    } else if (child.getNodeType() == Node.TEXT_NODE && child.getNextSibling() == null) {
      String t = child.getNodeValue();
      if (t.isBlank()) return false;
      out.append('>');
      if (!escape(t, false)) return false;
      out.append("</").append(qname).append('>');
    } else {
      out.append('>');
      for (; child != null; child = child.getNextSibling()) {
        indent(depth + 1);
        switch (child.getNodeType()) {
          case Node.ELEMENT_NODE -> {
            if (!element((Element) child, depth + 1)) return false;
          }
          case Node.COMMENT_NODE -> {
            if (!comment(child.getNodeValue())) return false;
          }
          default -> {
            return false;
          }
        }
      }
      indent(depth);
      out.append("</").append(qname).append('>');
    }
    unscope(mark);
    return true;
  }

  /** Mappings in scope now, for {@link #unscope} when the element that declared them ends. */
  int scopeMark() {
    return scope.size();
  }

  void unscope(int mark) {
    while (scope.size() > mark) {
      String[] m = scope.remove(scope.size() - 1);
      if (m[1] == null) current.remove(m[0]);
      else current.put(m[0], m[1]);
      if (m[0].isEmpty()) defaultNs = m[1];
    }
  }

  /** Puts a mapping in scope, writing its declaration only if it is new; false for what we leave to the Transformer. */
  boolean declare(String prefix, String uri) {
    if (prefix.isEmpty() && uri.equals(defaultNs)) return true;
    if (prefix.startsWith("xml")) return XMLConstants.XML_NS_URI.equals(uri) && prefix.equals("xml");
    String was = current.get(prefix);
    if (uri.equals(was)) return true;
    if (prefix.isEmpty()) {
      out.append(" xmlns=\"");
    } else {
      if (uri.isEmpty()) return false; // undeclaring a prefix is not XML 1.0
      out.append(" xmlns:").append(prefix).append("=\"");
    }
    if (!escape(uri, true)) return false;
    out.append('"');
    scope.add(new String[] {prefix, was});
    current.put(prefix, uri);
    if (prefix.isEmpty()) defaultNs = uri;
    return true;
  }

  /** True if every character is one the JDK serialiser writes as itself (or as a named entity). */
  private static boolean plain(String s, boolean attribute) {
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\n' || attribute) return false;
      } else if (c >= 0x7F && (c <= 0x9F || c == 0x2028 || Character.isSurrogate(c) || c > 0xFFFD)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends the text escaped as the JDK serialiser escapes it; false (with the buffer left half
   * written, the document then goes to the Transformer) on a character it would write otherwise.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a plain copy, right for characters below 0x80
  boolean escape(String s, boolean attribute) {
    // Straight into the buffer, runs of characters written as themselves copied in one go: this is most
    // of a fleet run's serialising.
    int len = s.length();
    Utf8 o = out;
    o.ensure(3 * len);
    byte[] b = o.bytes;
    int n = o.length;
    boolean[] asIs = attribute ? AS_IS_IN_ATTRIBUTE : AS_IS_IN_TEXT;
    for (int i = 0; i < len; i++) {
      int run = i;
      char c;
      while ((c = s.charAt(i)) < 0x80 && asIs[c] && ++i < len) { }
      if (i > run) {
        s.getBytes(run, i, b, n);
        n += i - run;
        if (i == len) break;
      }
      if (c >= 0x20 && c < 0x7F) {
        String ref;
        switch (c) {
          case '&' -> ref = "&amp;";
          case '<' -> ref = "&lt;";
          case '>' -> ref = "&gt;";
          case '"' -> ref = attribute ? "&quot;" : null;
          default -> ref = null;
        }
        if (ref == null) {
          b[n++] = (byte) c;
          continue;
        }
        o.length = n;
        o.ensure(ref.length() + 3 * (len - i - 1));
        b = o.bytes;
        for (int k = 0; k < ref.length(); k++) b[n++] = (byte) ref.charAt(k);
      } else if (c == '\n' && !attribute) {
        b[n++] = (byte) c;
      } else if (c > 0x9F && c != 0x2028 && !Character.isSurrogate(c) && c <= 0xFFFD) {
        if (c < 0x800) {
          b[n++] = (byte) (0xC0 | (c >> 6));
        } else {
          b[n++] = (byte) (0xE0 | (c >> 12));
          b[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        }
        b[n++] = (byte) (0x80 | (c & 0x3F));
      } else {
        o.length = n;
        return false;
      }
    }
    o.length = n;
    return true;
  }

  private static final boolean[] AS_IS_IN_TEXT = new boolean[0x80];
  private static final boolean[] AS_IS_IN_ATTRIBUTE = new boolean[0x80];

  static {
    for (char c = 0x20; c < 0x7F; c++) {
      boolean markup = c == '&' || c == '<' || c == '>';
      AS_IS_IN_TEXT[c] = !markup;
      AS_IS_IN_ATTRIBUTE[c] = !markup && c != '"';
    }
    AS_IS_IN_TEXT['\n'] = true;
  }

  /**
   * A growable UTF-8 byte buffer. Encoding as we go beats a StringBuilder: one non-Latin-1 character
   * (a curly quote in a rule's text) turns a whole StringBuilder into UTF-16 and its encoding slow.
   * Surrogates never reach it ({@link #escape} and {@link #plain} send them to the Transformer).
   */
  static final class Utf8 {
    byte[] bytes;
    int length;

    Utf8() {
      this(1 << 16);
    }

    // Kept per thread between documents: a host's documents are hundreds of KB to a few MB, and growing a
    // fresh buffer to that size for each showed in profiles.
    private static final ThreadLocal<Utf8> SPARE = new ThreadLocal<>();

    /** This thread's kept buffer, emptied, or a new one; a writer that starts while another is busy gets its own. */
    static Utf8 take() {
      Utf8 b = SPARE.get();
      if (b == null) return new Utf8();
      SPARE.remove();
      b.length = 0;
      return b;
    }

    /** Keeps {@code b} for this thread's next document, unless it grew past what a host's documents need. */
    static void giveBack(Utf8 b) {
      if (b.bytes.length <= (8 << 20)) SPARE.set(b);
    }

    Utf8(int capacity) {
      bytes = new byte[capacity];
    }

    /** Room for {@code more} bytes after the current length. */
    void ensure(int more) {
      if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }

    Utf8 append(char c) {
      if (length + 3 > bytes.length) bytes = Arrays.copyOf(bytes, bytes.length * 2);
      if (c < 0x80) {
        bytes[length++] = (byte) c;
      } else if (c < 0x800) {
        bytes[length++] = (byte) (0xC0 | (c >> 6));
        bytes[length++] = (byte) (0x80 | (c & 0x3F));
      } else {
        bytes[length++] = (byte) (0xE0 | (c >> 12));
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (c & 0x3F));
      }
      return this;
    }

    Utf8 append(String s) {
      return append(s, 0, s.length());
    }

    /** Bytes already encoded. */
    Utf8 append(byte[] encoded) {
      ensure(encoded.length);
      System.arraycopy(encoded, 0, bytes, length, encoded.length);
      length += encoded.length;
      return this;
    }

    Utf8 append(String s, int from, int to) {
      if (length + 3 * (to - from) > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + 3 * (to - from)));
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c < 0x80) bytes[length++] = (byte) c;
        else append(c);
      }
      return this;
    }
  }
}
