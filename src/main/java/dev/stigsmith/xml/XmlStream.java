package dev.stigsmith.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a document element by element, straight to bytes, exactly as building it as a DOM and writing that
 * with {@link XmlOutput#toBytes} would: attributes in the DOM's order (sorted by name, namespace declarations
 * first), a namespace declared where it first comes into scope, two-space indent, {@code <e/>} for an empty
 * element. For per-host documents of a fleet run, where building a DOM only to walk it again was most of
 * their cost. Content the direct writer leaves to the JDK serialiser (whitespace-only or mixed content,
 * characters it writes as references) makes {@link #toBytes} return null: build the DOM then.
 */
public final class XmlStream implements XmlEvents {
  private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
  private static final java.util.Comparator<String[]> BY_NAME = (a, b) -> a[1].compareTo(b[1]);

  private static final byte[] DECLARATION =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  // The thread's kept buffer, the declaration first, so that the finished document is one copy of it.
  private final DomWriter w = new DomWriter(DomWriter.Utf8.take().append(DECLARATION));
  private final List<Open> open = new ArrayList<>();
  private boolean failed;
  /** {@link #toBytes} has run and handed the buffer on: the stream takes nothing more. */
  private boolean finished;
  /** The start tag being collected: written when its first content or its end arrives. */
  private Open pending;
  /*
   * A host's documents repeat a few dozen names thousands of times, and building, splitting and encoding
   * each again showed in profiles: qualified names by prefix and local name, and each one's Name.
   */
  private final java.util.Map<String, java.util.Map<String, String>> qnames = new java.util.HashMap<>();
  private final java.util.Map<String, Name> names = new java.util.HashMap<>();

  /** A qualified name's prefix, and its bytes when it is plain ASCII (written with one copy). */
  private record Name(String prefix, byte[] ascii) {
    static Name of(String qname) {
      int colon = qname.indexOf(':');
      boolean ascii = true;
      for (int i = 0; i < qname.length(); i++) if (qname.charAt(i) >= 0x80) ascii = false;
      return new Name(colon > 0 ? qname.substring(0, colon) : "",
          ascii ? qname.getBytes(java.nio.charset.StandardCharsets.US_ASCII) : null);
    }
  }

  private static final class Open {
    final String ns;
    final String qname;
    Name name;
    final List<String[]> attrs = new ArrayList<>(4);
    int mark;
    boolean children;
    /** Text content, written with the start tag (so attributes may still come after it, as in a DOM). */
    String text;

    Open(String ns, String qname) {
      this.ns = ns;
      this.qname = qname;
    }
  }

  @Override
  public XmlStream start(String ns, String qname) {
    if (finished) throw new IllegalStateException("document already taken");
    flush();
    Open parent = open.isEmpty() ? null : open.get(open.size() - 1);
    if (parent != null) {
      if (parent.text != null) failed = true;  // mixed content
      parent.children = true;
      w.indent(open.size());
    }
    Open e = new Open(ns, qname);
    open.add(e);
    pending = e;
    return this;
  }

  /** An attribute in no namespace. */
  @Override
  public XmlStream attr(String name, String value) {
    return attr(null, name, value);
  }

  /** An attribute; {@code ns} the XMLNS namespace for a namespace declaration ({@code xmlns}, {@code xmlns:p}). */
  @Override
  public XmlStream attr(String ns, String qname, String value) {
    if (pending == null || pending != open.get(open.size() - 1)) {
      throw new IllegalStateException("attribute " + qname + " outside a start tag");
    }
    List<String[]> attrs = pending.attrs;
    for (String[] a : attrs) {
      if (a[1].equals(qname)) {
        a[2] = value;
        return this;
      }
    }
    attrs.add(new String[] {ns, qname, value});
    return this;
  }

  /** The element's text; null or empty adds nothing (as setting a DOM element's text content does). */
  @Override
  public XmlStream text(String text) {
    if (text == null || text.isEmpty()) return this;
    Open e = open.get(open.size() - 1);
    if (e.children || e.text != null || text.isBlank() || pending != e) failed = true;
    e.text = text;
    return this;
  }

  @Override
  public XmlStream end() {
    Open e = open.remove(open.size() - 1);
    if (pending == e) {
      writeStartTag(e);
      pending = null;
      if (e.text == null) {
        w.out.append("/>");
      } else {
        w.out.append('>');
        if (!w.escape(e.text, false)) failed = true;
        endTag(e);
      }
    } else {
      flush();
      if (e.children) w.indent(open.size());
      endTag(e);
    }
    w.unscope(e.mark);
    return this;
  }

  /**
   * An {@link XmlSink} over this stream for the element {@code start} just opened: adding a child closes
   * whatever is still open below this element, and {@link #toBytes} closes the rest. {@code prefixes} maps a
   * namespace to its prefix ("" for none), as the DOM builder's does.
   */
  public XmlSink sink(java.util.Map<String, String> prefixes) {
    if (open.isEmpty()) throw new IllegalStateException("no element open");
    return new Sink(open.size(), prefixes);
  }

  private final class Sink implements XmlSink {
    private final int depth;
    private final java.util.Map<String, String> prefixes;

    Sink(int depth, java.util.Map<String, String> prefixes) {
      this.depth = depth;
      this.prefixes = prefixes;
    }

    private void closeBelow() {
      if (open.size() < depth) throw new IllegalStateException("element already closed");
      while (open.size() > depth) end();
    }

    @Override public XmlSink add(String ns, String local) {
      closeBelow();
      String p = prefixes.get(ns);
      if (p == null) throw new IllegalStateException("no prefix declared for " + ns);
      start(ns, qnames.computeIfAbsent(p, k -> new java.util.HashMap<>())
          .computeIfAbsent(local, l -> p.isEmpty() ? l : p + ":" + l));
      return new Sink(depth + 1, prefixes);
    }

    @Override public XmlSink attr(String name, String value) {
      closeBelow();
      if (value == null) return this;
      if (pending != open.get(depth - 1)) failed = true;  // after a child: not a shape our renderers write
      else XmlStream.this.attr(name, value);
      return this;
    }

    @Override public XmlSink text(String text) {
      closeBelow();
      if (text == null) return this;
      // A DOM keeps an empty text node, which the direct writer leaves to the JDK serialiser.
      if (text.isEmpty()) failed = true;
      else XmlStream.this.text(text);
      return this;
    }
  }

  /** Closes every element still open (what a {@link #sink} leaves open). */
  public XmlStream endAll() {
    while (!open.isEmpty()) end();
    return this;
  }

  /** The document with its XML declaration, or null when it needs the DOM path (see the class comment). */
  public byte[] toBytes() {
    if (finished) throw new IllegalStateException("document already taken");
    if (!open.isEmpty()) throw new IllegalStateException(open.size() + " elements still open");
    finished = true;
    try {
      if (failed) return null;
      w.out.append('\n');
      return Arrays.copyOf(w.out.bytes, w.out.length);
    } finally {
      DomWriter.Utf8.giveBack(w.out);
    }
  }

  private void flush() {
    if (pending == null) return;
    Open e = pending;
    pending = null;
    writeStartTag(e);
    w.out.append('>');
    if (e.text != null && !w.escape(e.text, false)) failed = true;
  }

  /** Our renderers mostly add attributes in name order already; checking is cheaper than sorting. */
  private static boolean sorted(List<String[]> attrs) {
    for (int i = 1; i < attrs.size(); i++) if (attrs.get(i - 1)[1].compareTo(attrs.get(i)[1]) > 0) return false;
    return true;
  }

  /** As the direct writer writes a start tag (without its closing '>'). */
  private void writeStartTag(Open e) {
    e.mark = w.scopeMark();
    e.name = names.computeIfAbsent(e.qname, Name::of);
    w.out.append('<');
    name(e);
    // A DOM keeps attributes sorted by name; the direct writer writes declarations first, then the rest.
    if (!sorted(e.attrs)) e.attrs.sort(BY_NAME);
    for (String[] a : e.attrs) {
      String name = a[1];
      if (!name.startsWith("xmlns")) continue;
      int colon = name.lastIndexOf(':');
      if (colon < 0 && !name.equals("xmlns")) failed = true;
      else if (!w.declare(colon > 0 ? name.substring(colon + 1) : "", a[2])) failed = true;
    }
    for (String[] a : e.attrs) {
      String name = a[1];
      if (name.startsWith("xmlns")) continue;
      String uri = a[0];
      if (uri != null && !uri.isEmpty() && !uri.equals(XMLNS_NS)) {
        int colon = name.indexOf(':');
        if (colon <= 0 || !w.declare(name.substring(0, colon), uri)) failed = true;
      }
      w.out.append(' ').append(name).append("=\"");
      if (!w.escape(a[2], true)) failed = true;
      w.out.append('"');
    }
    if (!w.declare(e.name.prefix(), e.ns == null ? "" : e.ns)) failed = true;
  }

  private void endTag(Open e) {
    w.out.append("</");
    name(e);
    w.out.append('>');
  }

  private void name(Open e) {
    if (e.name.ascii() != null) w.out.append(e.name.ascii());
    else w.out.append(e.qname);
  }
}
