package dev.stigsmith.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds a DOM with fixed prefixes, all declared on the root, so serialised output is stable and
 * readable. Elements are made in document order; there is no way to reorder, which keeps renderers
 * honest about schema sequence.
 */
public final class XmlBuilder {
  private final Document doc;
  private final Map<String, String> prefixByNs = new LinkedHashMap<>();

  private XmlBuilder(Document doc) {
    this.doc = doc;
  }

  /**
   * @param prefixes prefix → namespace, declared on the root in this order ("" for the default namespace)
   */
  public static XmlBuilder document(Map<String, String> prefixes) {
    Document d = SafeXml.newDocument();
    d.setXmlStandalone(true);
    XmlBuilder b = new XmlBuilder(d);
    prefixes.forEach((p, ns) -> b.prefixByNs.put(ns, p));
    return b;
  }

  public Document document() { return doc; }

  public E root(String ns, String local) {
    Element root = doc.createElementNS(ns, qname(ns, local));
    doc.appendChild(root);
    prefixByNs.forEach((uri, p) -> root.setAttributeNS("http://www.w3.org/2000/xmlns/", p.isEmpty() ? "xmlns" : "xmlns:" + p, uri));
    return new E(root);
  }

  /** Wraps an element of this document, e.g. to add children under an imported node. */
  public E wrap(Element e) { return new E(e); }

  private String qname(String ns, String local) {
    String p = prefixByNs.get(ns);
    if (p == null) throw new IllegalStateException("no prefix declared for " + ns);
    return p.isEmpty() ? local : p + ":" + local;
  }

  /** One element under construction. */
  public final class E implements XmlSink {
    private final Element el;

    private E(Element el) { this.el = el; }

    public Element element() { return el; }

    /** A new child element in the given namespace; returns the child. */
    @Override public E add(String ns, String local) {
      Element c = doc.createElementNS(ns, qname(ns, local));
      el.appendChild(c);
      return new E(c);
    }

    /** A new child element holding text; returns the child. */
    @Override public E add(String ns, String local, String text) {
      return add(ns, local).text(text);
    }

    @Override public E attr(String name, String value) {
      if (value != null) el.setAttribute(name, value);
      return this;
    }

    public E attr(String ns, String local, String value) {
      if (value != null) {
        String qn = Ns.XML.equals(ns) ? "xml:" + local : qname(ns, local);
        el.setAttributeNS(ns, qn, value);
      }
      return this;
    }

    @Override public E text(String text) {
      if (text != null) el.appendChild(doc.createTextNode(text));
      return this;
    }

    public E comment(String text) {
      el.appendChild(doc.createComment(" " + text + " "));
      return this;
    }

    /** Imports a whole element (deep) from another document as the last child. */
    public E append(Element foreign) {
      el.appendChild(doc.importNode(foreign, true));
      return this;
    }
  }
}
