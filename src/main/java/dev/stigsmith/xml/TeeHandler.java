package dev.stigsmith.xml;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/** Sends one parse to two consumers (the XSD validator and the tree builder), so a file is read once. */
final class TeeHandler implements ContentHandler {
  private final ContentHandler a;
  private final ContentHandler b;

  TeeHandler(ContentHandler a, ContentHandler b) {
    this.a = a;
    this.b = b;
  }

  @Override public void setDocumentLocator(Locator l) { a.setDocumentLocator(l); b.setDocumentLocator(l); }
  @Override public void startDocument() throws SAXException { a.startDocument(); b.startDocument(); }
  @Override public void endDocument() throws SAXException { a.endDocument(); b.endDocument(); }
  @Override public void startPrefixMapping(String p, String u) throws SAXException {
    a.startPrefixMapping(p, u);
    b.startPrefixMapping(p, u);
  }
  @Override public void endPrefixMapping(String p) throws SAXException { a.endPrefixMapping(p); b.endPrefixMapping(p); }
  @Override public void startElement(String u, String l, String q, Attributes at) throws SAXException {
    a.startElement(u, l, q, at);
    b.startElement(u, l, q, at);
  }
  @Override public void endElement(String u, String l, String q) throws SAXException {
    a.endElement(u, l, q);
    b.endElement(u, l, q);
  }
  @Override public void characters(char[] ch, int s, int n) throws SAXException { a.characters(ch, s, n); b.characters(ch, s, n); }
  @Override public void ignorableWhitespace(char[] ch, int s, int n) throws SAXException {
    a.ignorableWhitespace(ch, s, n);
    b.ignorableWhitespace(ch, s, n);
  }
  @Override public void processingInstruction(String t, String d) throws SAXException {
    a.processingInstruction(t, d);
    b.processingInstruction(t, d);
  }
  @Override public void skippedEntity(String n) throws SAXException { a.skippedEntity(n); b.skippedEntity(n); }
}
