package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The bundled schema copies lose only their documentation (SchemaDocumentation, a build step), and the
 * bundled compile leaves out the checks of the schemas themselves: compiled with every OVAL platform, they
 * give exactly the errors OpenSCAP's files compiled with full checking give, on every corpus document and
 * every identity-constraint mutation of one.
 */
class SchemaDocumentationTest {
  private static final Map<DocumentKind, Schema> OFFICIAL = new ConcurrentHashMap<>();
  /** Every schema file the official compiles were given, to show they read OpenSCAP's tree and not the copies. */
  private static final java.util.Set<String> READ = ConcurrentHashMap.newKeySet();

  /** …/classes/scap-schemas/ (what the jar holds) and …/scap-schemas/ (the tree copied from OpenSCAP). */
  private static String bundledRoot() {
    String catalog = ScapSchemas.resource("catalog.xml").toString();
    return catalog.substring(0, catalog.length() - "catalog.xml".length());
  }

  private static String officialRoot() {
    return bundledRoot().replace("/classes/scap-schemas/", "/scap-schemas/");
  }

  static Stream<CorpusCase> cases() throws Exception {
    return IdentityConstraintsTest.cases();
  }

  @Test
  void everyOfficialSchemaFileIsBundledWithoutDocumentation() throws Exception {
    Path bundled = Path.of(new java.net.URI(bundledRoot()));
    Path official = Path.of(new java.net.URI(officialRoot()));
    List<String> officialFiles = xsds(official);
    assertThat(officialFiles).hasSizeGreaterThan(50);
    assertThat(xsds(bundled)).containsExactlyElementsOf(officialFiles);
    for (String f : officialFiles) {
      String text = Files.readString(bundled.resolve(f));
      assertThat(text).as(f).doesNotContainPattern("<(\\w+:)?annotation[\\s>/]").doesNotContain("<!--")
          .containsPattern("<(\\w+:)?schema[\\s>]");
      assertThat(Files.size(bundled.resolve(f))).as(f).isLessThanOrEqualTo(Files.size(official.resolve(f)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theCopiesValidateAsTheOfficialSchemas(CorpusCase c) throws Exception {
    DocumentKind kind = DocumentKind.detect(c.file());
    List<String> official = errors(OFFICIAL.computeIfAbsent(kind, SchemaDocumentationTest::official), c);
    assertThat(READ).isNotEmpty().allMatch(u -> u.startsWith(officialRoot()));
    assertThat(errors(ScapSchemas.schema(kind), c)).as(c.name()).containsExactlyElementsOf(official);
  }

  private static List<String> xsds(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".xsd")).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  private static List<String> errors(Schema schema, CorpusCase c) throws Exception {
    List<String> out = new ArrayList<>();
    var v = schema.newValidator();
    v.setResourceResolver(ScapSchemas.resolver());
    v.setErrorHandler(new ErrorHandler() {
      @Override public void warning(SAXParseException e) { out.add("warning " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
      @Override public void error(SAXParseException e) { out.add("error " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
      @Override public void fatalError(SAXParseException e) { out.add("fatal " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
    });
    InputSource in = new InputSource(new ByteArrayInputStream(c.bytes()));
    in.setSystemId(c.file().toUri().toString());
    try {
      v.validate(new SAXSource(SafeXml.xmlReader(), in));
    } catch (SAXParseException e) {
      // reported through the handler
    }
    return out;
  }

  /** The kind's schema compiled from OpenSCAP's files: every file the catalog finds, read from that tree. */
  private static Schema official(DocumentKind kind) {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);
      // With the checks of the schemas themselves that the bundled compile leaves out: they pass.
      f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      LSResourceResolver bundled = ScapSchemas.resolver();
      f.setResourceResolver((type, ns, publicId, systemId, base) -> {
        LSInput in = bundled.resolveResource(type, ns, publicId, systemId, base == null ? null : toBundled(base));
        if (in == null || in.getCharacterStream() != null || in.getSystemId() == null) return in;
        String official = toOfficial(in.getSystemId());
        READ.add(official);
        return new ScapSchemas.Input(publicId, official, official, null);
      });
      Source[] roots = kind.schemaNamespaces().stream()
          .map(ns -> toOfficial(ScapSchemas.schemaFor(ns).toString()))
          .peek(READ::add)
          .map(u -> (Source) new StreamSource(u))
          .toArray(Source[]::new);
      return f.newSchema(roots);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String toOfficial(String url) {
    return url.startsWith(bundledRoot()) ? officialRoot() + url.substring(bundledRoot().length()) : url;
  }

  private static String toBundled(String url) {
    return url.startsWith(officialRoot()) ? bundledRoot() + url.substring(officialRoot().length()) : url;
  }
}
