package dev.stigsmith.xml;

/**
 * One element under construction, for renderers that write either a DOM ({@link XmlBuilder.E}) or a stream
 * ({@link XmlStream#sink}): children in document order, an element's attributes before its children.
 */
public interface XmlSink {
  /** A new child element in the given namespace; returns the child. */
  XmlSink add(String ns, String local);

  /** A new child element holding text; returns the child. */
  default XmlSink add(String ns, String local, String text) {
    return add(ns, local).text(text);
  }

  /** An attribute; a null value adds nothing. */
  XmlSink attr(String name, String value);

  /** A text node (even an empty one, as a DOM holds it); null adds nothing. */
  XmlSink text(String text);
}
