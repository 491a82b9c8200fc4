package dev.stigsmith.oval.model;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM conveniences shared by the OVAL readers and writers. */
public final class Dom {
  private Dom() {}

  /** The root element of a user's OVAL file; a parse failure becomes a one-line OvalDocumentException. */
  public static Element parseRoot(java.nio.file.Path file) {
    try {
      return dev.stigsmith.xml.SafeXml.parse(file).getDocumentElement();
    } catch (dev.stigsmith.xml.XmlInputException e) {
      throw new OvalDocumentException(e.oneLine(), e);
    }
  }

  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    if (parent == null) return out;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) out.add(e);
    }
    return out;
  }

  public static List<Element> children(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  public static Element child(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst().orElse(null);
  }

  public static String childText(Element parent, String localName) {
    Element c = child(parent, localName);
    return c == null ? null : c.getTextContent();
  }

  public static String attr(Element e, String name, String dflt) {
    return e.hasAttribute(name) ? e.getAttribute(name) : dflt;
  }

  public static boolean isNil(Element e) {
    String nil = e.getAttributeNS(OvalNs.XSI, "nil");
    return "true".equals(nil) || "1".equals(nil);
  }

  public static Element add(Element parent, String ns, String qname) {
    Element e = parent.getOwnerDocument().createElementNS(ns, qname);
    parent.appendChild(e);
    return e;
  }

  public static Element addText(Element parent, String ns, String qname, String text) {
    Element e = add(parent, ns, qname);
    if (text != null) e.setTextContent(text);
    return e;
  }
}
