package dev.stigsmith.oval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;

/** The official OVAL 5.11.2 schemas as installed by Debian's openscap-common (never committed). */
public final class OvalSchemas {
  public static final Path DIR = Path.of("/usr/share/openscap/schemas/oval/5.11.2");
  private static Schema schema;

  private OvalSchemas() {}

  /** Results + SC + definitions schemas, with the windows and independent extensions. */
  public static synchronized Schema all() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(DIR), "OVAL schemas not installed");
    if (schema == null) {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
      List<String> files = List.of(
          "oval-results-schema.xsd",
          "oval-system-characteristics-schema.xsd",
          "oval-definitions-schema.xsd",
          "windows-system-characteristics-schema.xsd",
          "independent-system-characteristics-schema.xsd",
          "windows-definitions-schema.xsd",
          "independent-definitions-schema.xsd");
      Source[] sources = files.stream()
          .map(n -> new StreamSource(DIR.resolve(n).toFile()))
          .toArray(Source[]::new);
      schema = f.newSchema(sources);
    }
    return schema;
  }

  public static void validate(Path file) throws Exception {
    all().newValidator().validate(new StreamSource(file.toFile()));
  }
}
