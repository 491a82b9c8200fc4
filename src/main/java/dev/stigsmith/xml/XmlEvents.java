package dev.stigsmith.xml;

/**
 * A document written element by element, to bytes ({@link XmlStream}) or to a DOM ({@link DomEvents}), so a
 * writer says once what a document holds and a fleet run can skip the DOM.
 */
public interface XmlEvents {
  XmlEvents start(String ns, String qname);

  /** An attribute in no namespace. */
  XmlEvents attr(String name, String value);

  /** An attribute; {@code ns} the XMLNS namespace for a namespace declaration. */
  XmlEvents attr(String ns, String qname, String value);

  /** The element's text; null or empty adds nothing (as setting a DOM element's text content does). */
  XmlEvents text(String text);

  XmlEvents end();
}
