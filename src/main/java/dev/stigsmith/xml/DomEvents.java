package dev.stigsmith.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@link XmlEvents} building DOM elements in a document, under a parent or (with none) detached. */
public final class DomEvents implements XmlEvents {
  private final Document doc;
  private final Element parent;
  private final Deque<Element> open = new ArrayDeque<>();
  private Element first;

  public DomEvents(Document doc, Element parent) {
    this.doc = doc;
    this.parent = parent;
  }

  /** The first element started at the top level. */
  public Element root() {
    return first;
  }

  @Override public DomEvents start(String ns, String qname) {
    Element e = doc.createElementNS(ns, qname);
    if (!open.isEmpty()) open.peek().appendChild(e);
    else if (parent != null) parent.appendChild(e);
    if (first == null) first = e;
    open.push(e);
    return this;
  }

  @Override public DomEvents attr(String name, String value) {
    open.peek().setAttribute(name, value);
    return this;
  }

  @Override public DomEvents attr(String ns, String qname, String value) {
    if (ns == null) open.peek().setAttribute(qname, value);
    else open.peek().setAttributeNS(ns, qname, value);
    return this;
  }

  @Override public DomEvents text(String text) {
    if (text != null && !text.isEmpty()) open.peek().setTextContent(text);
    return this;
  }

  @Override public DomEvents end() {
    open.pop();
    return this;
  }
}
