package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltExecutable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Build step: takes the documentation out of the bundled copies of the official schemas. Two thirds of
 * their bytes are xs:annotation, which the schema compiler parses and keeps although validation never
 * reads it; without it, compiling the data stream's schema at every validate run costs less (see the
 * README's validate figures). The tree OpenSCAP ships stays as it is under the build folder, where the
 * JAXB bindings are generated from it; {@code SchemaDocumentationTest} checks that the copies validate
 * every corpus document exactly as the originals do.
 */
public final class SchemaDocumentation {
  private SchemaDocumentation() {}

  /** Rewrites every .xsd under {@code args[0]} in place, without documentation. */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    Processor processor = SafeXml.saxon();
    XsltExecutable strip;
    try (InputStream xsl = SchemaDocumentation.class.getResourceAsStream("schema-without-documentation.xsl")) {
      strip = processor.newXsltCompiler().compile(new javax.xml.transform.stream.StreamSource(xsl));
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".xsd")).sorted().toList();
    }
    long before = 0;
    long after = 0;
    for (Path f : files) {
      before += Files.size(f);
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      var transformer = strip.load30();
      transformer.transform(source(f), processor.newSerializer(tmp.toFile()));
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      after += Files.size(f);
    }
    System.out.printf("schema documentation: %d bundled schema files, %d KB -> %d KB%n", files.size(), before / 1024, after / 1024);
  }

  /** Read as the validator reads bundled schemas: a DOCTYPE (XMLSchema.dtd) is skipped, never loaded. */
  private static SAXSource source(Path f) throws IOException, SaxonApiException {
    try {
      var reader = SafeXml.bundledSchemaParserFactory().newSAXParser().getXMLReader();
      return new SAXSource(reader, new InputSource(f.toUri().toString()));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(e);
    }
  }
}
