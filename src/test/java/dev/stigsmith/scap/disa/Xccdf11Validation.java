package dev.stigsmith.scap.disa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;

/** XCCDF 1.1.4 checks: the official schema (Debian's openscap-common) and oscap as a second opinion. */
final class Xccdf11Validation {
  static final Path XSD = Path.of("/usr/share/openscap/schemas/xccdf/1.1/xccdf-schema.xsd");
  private static Schema schema;

  private Xccdf11Validation() {}

  static void assertSchemaValid(byte[] xml) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(XSD), "XCCDF 1.1 schema not installed");
    if (schema == null) {
      // The official schemas are trusted local files; this factory reads only them.
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setResourceResolver(Xccdf11Validation::withoutDoctype);
      schema = f.newSchema(XSD.toFile());
    }
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
  }

  /**
   * Debian's common/xml.xsd names a DTD (XMLSchema.dtd) that is not installed; the schema loader
   * fails on it. Its DOCTYPE adds nothing, so it is dropped.
   */
  private static LSInput withoutDoctype(String type, String ns, String publicId, String systemId, String baseUri) {
    if (systemId == null || baseUri == null) return null;
    try {
      Path p = Path.of(java.net.URI.create(baseUri)).resolveSibling(systemId).normalize();
      if (!Files.isRegularFile(p)) return null;
      String text = Files.readString(p).replaceFirst("<!DOCTYPE[^>]*>", "");
      DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
      LSInput in = ls.createLSInput();
      in.setStringData(text);
      in.setSystemId(p.toUri().toString());
      return in;
    } catch (Exception e) {
      return null;
    }
  }

  static boolean oscapPresent() {
    try {
      Process p = new ProcessBuilder("oscap", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  static void assertOscapValid(Path file) throws Exception {
    Assumptions.assumeTrue(oscapPresent(), "oscap not on PATH");
    Process p = new ProcessBuilder("oscap", "xccdf", "validate", file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
