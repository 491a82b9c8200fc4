package dev.stigsmith.scap;

import dev.stigsmith.xml.DocumentKind;
import dev.stigsmith.xml.DocumentKind.Ns;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.JAXBIntrospector;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.sax.SAXSource;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads and writes SCAP documents through the generated bindings ({@code dev.stigsmith.scap.bind.*}). One
 * JAXBContext per document kind, built once; parsing goes through {@link SafeXml}; output uses one fixed
 * set of namespace prefixes so that files are stable and readable.
 */
public final class Jaxb {
  private static final String BIND = "dev.stigsmith.scap.bind.";
  private static final List<String> OVAL_PLATFORMS = List.of("aix", "android", "apache", "appleios", "asa",
      "catos", "esx", "freebsd", "hpux", "independent", "ios", "iosxe", "junos", "linux", "macos", "netconf",
      "pixos", "sharepoint", "solaris", "unix", "windows");

  /** Prefixes for every namespace stigsmith writes; anything else gets JAXB's own. */
  public static final Map<String, String> PREFIXES = prefixes();

  private static final Map<DocumentKind, JAXBContext> CONTEXTS = new EnumMap<>(DocumentKind.class);

  private Jaxb() {}

  /** The cached context that binds {@code kind}'s documents (substitution-group members included). */
  public static synchronized JAXBContext context(DocumentKind kind) {
    JAXBContext c = CONTEXTS.get(kind);
    if (c == null) {
      try {
        c = JAXBContext.newInstance(String.join(":", packages(kind)), Jaxb.class.getClassLoader());
      } catch (JAXBException e) {
        throw new IllegalStateException("JAXB bindings for " + kind + " do not load: " + e, e);
      }
      CONTEXTS.put(kind, c);
    }
    return c;
  }

  static List<String> packages(DocumentKind kind) {
    List<String> defs = Stream.concat(Stream.of("oval.common", "oval.defs"),
        OVAL_PLATFORMS.stream().map(p -> "oval.defs." + p)).toList();
    List<String> sc = Stream.concat(Stream.of("oval.sc"), OVAL_PLATFORMS.stream().map(p -> "oval.sc." + p)).toList();
    List<String> names = switch (kind) {
      case XCCDF_12_BENCHMARK, XCCDF_12_TESTRESULT, XCCDF_12_TAILORING -> List.of("xccdf12", "cpe.lang");
      case XCCDF_11_BENCHMARK -> List.of("xccdf11", "xccdf11.dc");
      case OVAL_DEFINITIONS -> defs;
      case OVAL_SYSTEM_CHARACTERISTICS -> sc;
      case OVAL_RESULTS -> concat(List.of("oval.results"), defs, sc);
      case OVAL_VARIABLES -> List.of("oval.variables");
      case CPE_DICTIONARY -> List.of("cpe.dict");
      case CPE_LANGUAGE -> List.of("cpe.lang");
      case OCIL -> List.of("ocil");
      case SOURCE_DATA_STREAM -> concat(List.of("sds", "xccdf12", "cpe.dict", "cpe.lang", "ocil", "catalog",
          "xmldsig"), defs);
      case ARF -> concat(List.of("arf", "ai", "core", "sds", "xccdf12", "cpe.dict", "cpe.lang", "ocil",
          "catalog", "oval.results", "oval.variables"), defs, sc);
    };
    return names.stream().map(n -> BIND + n).toList();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return Stream.of(lists).flatMap(List::stream).distinct().toList();
  }

  /** Reads a document of {@code kind}; the result is the root's bound value (never a JAXBElement). */
  public static <T> T read(Path file, DocumentKind kind, Class<T> type) throws XmlInputException {
    try {
      return read(new java.io.ByteArrayInputStream(dev.stigsmith.io.InputFiles.read(file)), file, kind, type);
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, dev.stigsmith.io.InputFiles.problem(e));
    }
  }

  /** As {@link #read(Path, DocumentKind, Class)}; {@code name} labels errors. */
  public static <T> T read(InputStream in, Path name, DocumentKind kind, Class<T> type) throws XmlInputException {
    try {
      Unmarshaller u = context(kind).createUnmarshaller();
      InputSource src = new InputSource(in);
      src.setSystemId(name.toUri().toString());
      Object root = u.unmarshal(new SAXSource(SafeXml.xmlReader(), src));
      Object value = JAXBIntrospector.getValue(root);
      if (!type.isInstance(value)) {
        throw new XmlInputException(name, 1, -1, "expected " + type.getSimpleName() + " but the document holds "
            + (value == null ? "nothing" : value.getClass().getSimpleName()));
      }
      return type.cast(value);
    } catch (UnmarshalException e) {
      throw located(name, e);
    } catch (JAXBException e) {
      throw new XmlInputException(name, -1, -1, SafeXml.plainMessage(String.valueOf(e.getMessage())));
    }
  }

  private static XmlInputException located(Path name, UnmarshalException e) {
    Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
    if (cause instanceof SAXParseException p) {
      return new XmlInputException(name, p.getLineNumber(), p.getColumnNumber(), SafeXml.plainMessage(p.getMessage()));
    }
    String m = e.getMessage() != null ? e.getMessage() : cause != null ? cause.getMessage() : "cannot read";
    return new XmlInputException(name, -1, -1, SafeXml.plainMessage(m));
  }

  /** Writes {@code root} (a root-element object or a JAXBElement) to {@code out}: temp file, then rename. */
  public static void write(Object root, DocumentKind kind, Path out) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp)) {
        write(root, kind, os);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void write(Object root, DocumentKind kind, OutputStream os) throws IOException {
    try {
      Marshaller m = context(kind).createMarshaller();
      m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
      m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
      m.setProperty("org.glassfish.jaxb.namespacePrefixMapper", new FixedPrefixes());
      m.setEventHandler((ValidationEvent ev) -> false);
      m.marshal(root, os);
    } catch (JAXBException e) {
      throw new IOException("cannot write " + kind.title() + ": " + e.getMessage(), e);
    }
  }

  public static String toXml(Object root, DocumentKind kind) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try {
      write(root, kind, bos);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bos.toString(StandardCharsets.UTF_8);
  }

  private static final class FixedPrefixes extends NamespacePrefixMapper {
    @Override
    public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
      return PREFIXES.getOrDefault(namespaceUri, suggestion);
    }
  }

  private static Map<String, String> prefixes() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(Ns.XCCDF12, "xccdf");
    m.put(Ns.XCCDF11, "cdf");
    m.put(Ns.OVAL_COMMON, "oval");
    m.put(Ns.OVAL_DEFS, "oval-def");
    m.put(Ns.OVAL_SC, "oval-sc");
    m.put(Ns.OVAL_RESULTS, "oval-res");
    m.put(Ns.OVAL_VARIABLES, "oval-var");
    for (String p : OVAL_PLATFORMS) {
      String ns = p.equals("appleios") ? "apple_ios" : p;
      String short_ = switch (p) { case "windows" -> "win"; case "independent" -> "ind"; default -> p; };
      m.put(Ns.OVAL_DEFS + "#" + ns, short_ + "-def");
      m.put(Ns.OVAL_SC + "#" + ns, short_ + "-sc");
    }
    m.put(Ns.CPE_DICT, "cpe-dict");
    m.put(Ns.CPE_LANG, "cpe-lang");
    m.put("http://cpe.mitre.org/naming/2.0", "cpe-name");
    m.put(Ns.OCIL, "ocil");
    m.put(Ns.SDS, "ds");
    m.put(Ns.ARF, "arf");
    m.put(Ns.AI, "ai");
    m.put(Ns.CORE, "core");
    m.put("urn:oasis:names:tc:entity:xmlns:xml:catalog", "cat");
    m.put("http://www.w3.org/1999/xlink", "xlink");
    m.put("http://www.w3.org/2000/09/xmldsig#", "dsig");
    m.put("http://purl.org/dc/elements/1.1/", "dc");
    m.put("http://www.w3.org/1999/xhtml", "xhtml");
    m.put("http://www.w3.org/2001/XMLSchema-instance", "xsi");
    m.put("urn:oasis:names:tc:ciq:xsdschema:xAL:2.0", "xal");
    m.put("urn:oasis:names:tc:ciq:xsdschema:xNL:2.0", "xnl");
    return java.util.Collections.unmodifiableMap(m);
  }
}
