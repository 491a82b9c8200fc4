package dev.stigsmith.xml;

import dev.stigsmith.io.InputFiles;
import dev.stigsmith.io.InputLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.transform.TransformerFactory;
import net.sf.saxon.s9api.Processor;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The one place that creates XML parsers (DOM, SAX, StAX, JAXB's source, Saxon). Everything a user
 * hands us is untrusted: a DOCTYPE is refused outright (so no DTD, entity or parameter entity is
 * ever read or expanded), XInclude is off, no resolver reaches a file or the network, and depth,
 * attribute-count and file-size limits from {@link InputLimits} hold for every parser.
 */
public final class SafeXml {
  private SafeXml() {}

  /** JDK (Xerces) properties for its limits; names as the JDK documents them in java.xml's module doc. */
  static final String MAX_DEPTH = "jdk.xml.maxElementDepth";
  static final String MAX_ATTRIBUTES = "jdk.xml.elementAttributeLimit";
  static final String ENTITY_EXPANSION = "jdk.xml.entityExpansionLimit";

  static {
    // Backstop for any JDK parser built without going through here (a SAXParserFactory cannot take
    // properties before Java 22): the JDK reads these system properties for every new parser.
    limits().forEach((k, v) -> {
      if (System.getProperty(k) == null) System.setProperty(k, v);
    });
  }

  /** Parser features that close every door to DTDs and external entities. */
  private static final Map<String, Boolean> HARDENING = hardening();

  private static Map<String, Boolean> hardening() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    m.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    m.put("http://apache.org/xml/features/disallow-doctype-decl", true);
    m.put("http://xml.org/sax/features/external-general-entities", false);
    m.put("http://xml.org/sax/features/external-parameter-entities", false);
    m.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    m.put("http://apache.org/xml/features/xinclude", false);
    return m;
  }

  private static Map<String, String> limits() {
    InputLimits l = InputLimits.current();
    Map<String, String> m = new LinkedHashMap<>();
    m.put(MAX_DEPTH, String.valueOf(l.depth()));
    m.put(MAX_ATTRIBUTES, String.valueOf(l.items()));
    m.put(ENTITY_EXPANSION, "1");
    return m;
  }

  public static DocumentBuilderFactory documentBuilderFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setValidating(false);
    try {
      for (Map.Entry<String, Boolean> e : HARDENING.entrySet()) f.setFeature(e.getKey(), e.getValue());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    limits().forEach(f::setAttribute);
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
      b.setEntityResolver(SafeXml::refuseEntity);
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Never reached while DOCTYPEs are refused; if it ever were, nothing is read. */
  private static InputSource refuseEntity(String publicId, String systemId) throws SAXException {
    throw new SAXException("external reference to " + systemId + " refused: stigsmith reads no external entities");
  }

  /** For callers that build their own SAX parser; prefer {@link #xmlReader()}, which also sets the limits. */
  public static SAXParserFactory saxParserFactory() {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setValidating(false);
    try {
      for (Map.Entry<String, Boolean> e : HARDENING.entrySet()) f.setFeature(e.getKey(), e.getValue());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    return f;
  }

  /**
   * For the official schema files bundled in the jar only, never for a user's file: some carry a DOCTYPE
   * (XMLSchema.dtd), which this parser skips without loading it or any external entity.
   */
  static SAXParserFactory bundledSchemaParserFactory() {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    try {
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
    return f;
  }

  /** A hardened, limited SAX reader (for SAXSource: JAXB, Saxon, schema validation). */
  public static XMLReader xmlReader() {
    try {
      XMLReader r = saxParserFactory().newSAXParser().getXMLReader();
      r.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      r.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      for (Map.Entry<String, String> e : limits().entrySet()) r.setProperty(e.getKey(), e.getValue());
      r.setEntityResolver(SafeXml::refuseEntity);
      return r;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
  }

  /** StAX without DTD support; {@link #streamReader} additionally refuses a DOCTYPE when it is met. */
  public static XMLInputFactory xmlInputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_VALIDATING, false);
    f.setXMLResolver((publicId, systemId, base, ns) -> {
      throw new XMLStreamException("external reference to " + systemId + " refused: stigsmith reads no external entities");
    });
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    limits().forEach(f::setProperty);
    return f;
  }

  /** A StAX reader that fails on a DOCTYPE with the same message as the DOM and SAX parsers. */
  public static XMLStreamReader streamReader(InputStream in, String systemId) throws XMLStreamException {
    byte[] bytes;
    long limit = InputLimits.current().fileBytes();
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException e) {
      throw new XMLStreamException("cannot read: " + e.getMessage());
    }
    if (bytes.length > limit) throw new XMLStreamException(new InputFiles.TooLarge(bytes.length, limit).getMessage());
    return streamReader(decode(bytes), systemId);
  }

  /**
   * Decodes an XML document's bytes ourselves (BOM, else the declaration's encoding, else UTF-8),
   * strictly: the JDK's StAX parser reports bad bytes by printing "[Fatal Error]" to stderr
   * before throwing, which would break the one-line rule.
   */
  static String decode(byte[] b) throws XMLStreamException {
    java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
    int skip = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      skip = 3;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      cs = java.nio.charset.StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      cs = java.nio.charset.StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (b.length >= 2 && b[0] == '<' && b[1] == 0) {
      cs = java.nio.charset.StandardCharsets.UTF_16LE;
    } else if (b.length >= 2 && b[0] == 0 && b[1] == '<') {
      cs = java.nio.charset.StandardCharsets.UTF_16BE;
    } else {
      String head = new String(b, 0, Math.min(b.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
      Matcher m = DECLARED.matcher(head);
      if (m.find()) {
        try {
          cs = java.nio.charset.Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
          throw new XMLStreamException("unknown encoding \"" + m.group(1) + "\" in the XML declaration — expected e.g. UTF-8");
        }
        if (cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32")) cs = java.nio.charset.StandardCharsets.UTF_8;
      }
    }
    try {
      return cs.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b, skip, b.length - skip)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new XMLStreamException("not valid " + cs.name() + " text — expected the encoding its BOM or XML declaration names");
    }
  }

  /**
   * Refuses a DOCTYPE in the prolog before the JDK's StAX parser sees it: on some malformed DOCTYPEs
   * it prints an internal class name to stderr before failing (found by fuzzing the CLIXML reader).
   */
  private static void refuseDoctype(String text, String systemId) throws XMLStreamException {
    int i = 0;
    int n = text.length();
    while (i < n) {
      int lt = text.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) return;
      if (text.charAt(lt + 1) == '?') {
        int end = text.indexOf("?>", lt);
        if (end < 0) return;
        i = end + 2;
      } else if (text.startsWith("<!--", lt)) {
        int end = text.indexOf("-->", lt);
        if (end < 0) return;
        i = end + 3;
      } else if (text.startsWith("<!DOCTYPE", lt)) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < lt; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        final int row = line;
        final int col = lt - lineStart + 1;
        final int offset = lt;
        throw new XMLStreamException(NO_DOCTYPE, new javax.xml.stream.Location() {
          @Override public int getLineNumber() { return row; }
          @Override public int getColumnNumber() { return col; }
          @Override public int getCharacterOffset() { return offset; }
          @Override public String getPublicId() { return null; }
          @Override public String getSystemId() { return systemId; }
        });
      } else {
        return;
      }
    }
  }

  private static final Pattern DECLARED = Pattern.compile("\\A<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /** A StAX reader over text already decoded. */
  public static XMLStreamReader streamReader(String text, String systemId) throws XMLStreamException {
    refuseDoctype(text, systemId);
    XMLStreamReader r = systemId == null
        ? xmlInputFactory().createXMLStreamReader(new StringReader(text))
        : xmlInputFactory().createXMLStreamReader(systemId, new StringReader(text));
    return new StreamReaderDelegate(r) {
      @Override
      public int next() throws XMLStreamException {
        int ev = super.next();
        if (ev == XMLStreamConstants.DTD) throw new XMLStreamException(NO_DOCTYPE, getLocation());
        if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new XMLStreamException("undefined entity &" + getLocalName() + "; (stigsmith expands no entities)", getLocation());
        }
        return ev;
      }

      @Override
      public int nextTag() throws XMLStreamException {
        int ev = next();
        while ((ev == XMLStreamConstants.CHARACTERS && isWhiteSpace()) || ev == XMLStreamConstants.SPACE
            || ev == XMLStreamConstants.COMMENT || ev == XMLStreamConstants.PROCESSING_INSTRUCTION) {
          ev = next();
        }
        if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
          throw new XMLStreamException("expected an element", getLocation());
        }
        return ev;
      }
    };
  }

  /** JDK transformer for serialising DOM; it never loads stylesheets from the network. */
  public static TransformerFactory transformerFactory() {
    TransformerFactory f = TransformerFactory.newDefaultInstance();
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return f;
  }

  // Configuring Saxon loads a few hundred classes; a holder keeps that off runs that parse with
  // the JDK alone (an evaluation writing XCCDF or CKL never needs it).
  private static final class Saxon {
    static final Processor PROCESSOR = saxon0();
  }

  /**
   * The one Saxon processor: HE (no reflexive Java calls exist in HE, and external functions are
   * off anyway), no XInclude, no DTD validation, and no URI protocol allowed, so {@code doc()},
   * {@code document()}, {@code unparsed-text()} and {@code xsl:include} by URI all fail. Our
   * stylesheets are compiled from streams we open ourselves; the documents they run on are built
   * with {@link #xmlReader()}.
   */
  public static Processor saxon() {
    return Saxon.PROCESSOR;
  }

  private static Processor saxon0() {
    Processor p = new Processor(false);
    var c = p.getUnderlyingConfiguration();
    c.setConfigurationProperty(net.sf.saxon.lib.Feature.ALLOW_EXTERNAL_FUNCTIONS, false);
    c.setConfigurationProperty(net.sf.saxon.lib.Feature.XINCLUDE, false);
    c.setConfigurationProperty(net.sf.saxon.lib.Feature.DTD_VALIDATION, false);
    c.setConfigurationProperty(net.sf.saxon.lib.Feature.ALLOWED_PROTOCOLS, "");
    return p;
  }

  /** The JDK parser's commonest messages, as what is wrong — what was expected. */
  private static final String[][] KNOWN = {
    {"XML document structures must start and end within the same entity.",
        "the file ends inside an element (truncated?) — expected the remaining end tags"},
    {"Content is not allowed in prolog.",
        "text before the root element — expected '<' first (wrong encoding declared, or not XML?)"},
    {"Invalid byte 1 of 1-byte UTF-8 sequence.", "not valid UTF-8 text — expected the encoding the XML declaration names"},
    {"Invalid byte 2 of 2-byte UTF-8 sequence.", "not valid UTF-8 text — expected the encoding the XML declaration names"},
    {"Invalid byte 2 of 3-byte UTF-8 sequence.", "not valid UTF-8 text — expected the encoding the XML declaration names"},
    {"Invalid byte 3 of 3-byte UTF-8 sequence.", "not valid UTF-8 text — expected the encoding the XML declaration names"},
    {"Invalid byte 2 of 4-byte UTF-8 sequence.", "not valid UTF-8 text — expected the encoding the XML declaration names"},
    {"Invalid byte 3 of 4-byte UTF-8 sequence.", "not valid UTF-8 text — expected the encoding the XML declaration names"},
    {"Invalid byte 4 of 4-byte UTF-8 sequence.", "not valid UTF-8 text — expected the encoding the XML declaration names"},
    {"Premature end of file.", "the file ends before the root element — expected an XML document"},
    {"The markup in the document following the root element must be well-formed.",
        "content after the root element's end tag — expected the document to end there"},
    {"Content is not allowed in trailing section.",
        "text after the root element's end tag — expected the document to end there"},
  };

  /** What a reader says when it meets a DOCTYPE, in words a user can act on. */
  public static final String NO_DOCTYPE = "a document type declaration (<!DOCTYPE ...>) is not accepted:"
      + " stigsmith reads no DTDs or entities; remove the DOCTYPE";

  private static final Pattern DEPTH = Pattern.compile("(?s).*has a depth of \"?(\\d+)\"? that exceeds the limit \"?(\\d+)\"?.*");
  private static final Pattern ATTRS = Pattern.compile("(?s).*has more than \"?(\\d+)\"? attributes.*|.*elementAttributeLimit.*");

  /**
   * A parser's message in terms of the input: the JDK's messages name Xerces features and JAXP
   * property codes, which tell a user nothing. Anything not recognised passes unchanged.
   */
  public static String plainMessage(String parserMessage) {
    if (parserMessage == null) return "not well-formed XML";
    String m = parserMessage.replaceAll("\\s+", " ").trim();
    if (m.contains("disallow-doctype-decl") || m.contains("DOCTYPE is disallowed")) return NO_DOCTYPE;
    Matcher d = DEPTH.matcher(m);
    if (d.matches()) {
      return "elements nest deeper than the limit of " + d.group(2) + " (-Dstigsmith.limit.depth)";
    }
    if (ATTRS.matcher(m).matches()) {
      return "an element has more attributes than the limit of " + InputLimits.current().items() + " (-Dstigsmith.limit.items)";
    }
    if (m.contains("JAXP0") && m.contains("entityExpansionLimit")) return NO_DOCTYPE;
    for (String[] known : KNOWN) if (m.equals(known[0])) return known[1];
    return m;
  }

  /** "not well-formed XML: what", or only the plain words when a limit or the DOCTYPE refusal was hit. */
  public static String notWellFormed(String parserMessage) {
    String plain = plainMessage(parserMessage);
    String raw = parserMessage == null ? null : parserMessage.replaceAll("\\s+", " ").trim();
    return plain.equals(raw) && !plain.equals(NO_DOCTYPE) ? "not well-formed XML: " + plain : plain;
  }

  /** Parses a user's file; failures carry the file name and line so the CLI can print one line. */
  public static Document parse(Path file) throws XmlInputException {
    byte[] bytes;
    try {
      bytes = InputFiles.read(file);
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, InputFiles.problem(e));
    }
    return parse(file, bytes);
  }

  /** Parses bytes that came from {@code file} (for messages). */
  public static Document parse(Path file, byte[] bytes) throws XmlInputException {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      InputSource src = new InputSource(in);
      if (file != null) src.setSystemId(file.toUri().toString());
      return documentBuilder().parse(src);
    } catch (SAXParseException e) {
      throw new XmlInputException(file, e.getLineNumber(), e.getColumnNumber(), plainMessage(e.getMessage()));
    } catch (SAXException e) {
      throw new XmlInputException(file, -1, -1, plainMessage(e.getMessage()));
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, "cannot read: " + e.getMessage());
    }
  }

  /** An empty reader, for resolvers that must answer something for a DTD they are asked about. */
  static InputSource empty() {
    return new InputSource(new StringReader(""));
  }
}
