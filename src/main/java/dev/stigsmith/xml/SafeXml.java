package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one place that creates XML parsers. Everything a user hands us is untrusted: no DTDs are
 * fetched, no external entities are expanded, nothing reaches for the network.
 */
public final class SafeXml {
  private SafeXml() {}

  /** Parser features that close every door to DTDs and external entities. */
  private static final Map<String, Boolean> HARDENING = hardening();

  private static Map<String, Boolean> hardening() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    m.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    m.put("http://apache.org/xml/features/disallow-doctype-decl", true);
    m.put("http://xml.org/sax/features/external-general-entities", false);
    m.put("http://xml.org/sax/features/external-parameter-entities", false);
    m.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return m;
  }

  public static DocumentBuilderFactory documentBuilderFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    try {
      for (Map.Entry<String, Boolean> e : HARDENING.entrySet()) f.setFeature(e.getKey(), e.getValue());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  // Finding and configuring a parser factory (a service lookup) costs more than building a small
  // document; an empty-document builder is reused within each thread.
  private static final ThreadLocal<DocumentBuilder> EMPTY = ThreadLocal.withInitial(SafeXml::documentBuilder);

  /** A new empty document (for writers; parses nothing). */
  public static org.w3c.dom.Document newDocument() {
    return EMPTY.get().newDocument();
  }

  public static DocumentBuilder documentBuilder() {
    try {
      DocumentBuilder b = documentBuilderFactory().newDocumentBuilder();
      b.setErrorHandler(null);
      b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SAXParserFactory saxParserFactory() {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    try {
      for (Map.Entry<String, Boolean> e : HARDENING.entrySet()) f.setFeature(e.getKey(), e.getValue());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    return f;
  }

  public static XMLInputFactory xmlInputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  /** JDK transformer for serialising DOM; it never loads stylesheets from the network. */
  public static TransformerFactory transformerFactory() {
    TransformerFactory f = TransformerFactory.newDefaultInstance();
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return f;
  }

  /** Parses a user's file; failures carry the file name and line so the CLI can print one line. */
  public static Document parse(Path file) throws XmlInputException {
    try (InputStream in = Files.newInputStream(file)) {
      InputSource src = new InputSource(in);
      src.setSystemId(file.toUri().toString());
      return documentBuilder().parse(src);
    } catch (SAXParseException e) {
      throw new XmlInputException(file, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    } catch (SAXException e) {
      throw new XmlInputException(file, -1, -1, e.getMessage());
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, "cannot read: " + e.getMessage());
    }
  }
}
