package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SCAP document kinds stigsmith reads and writes, told apart by the root element. Each kind names the
 * namespaces whose official schemas validate it and the Schematron (compiled by the schema authors to XSLT)
 * that ships with them.
 */
public enum DocumentKind {
  XCCDF_12_BENCHMARK("XCCDF 1.2 benchmark", Ns.XCCDF12, "Benchmark",
      List.of(Ns.XCCDF12), List.of("xccdf/1.2/xccdf_1.2-schematron.xsl")),
  // The official XCCDF Schematron is written for benchmarks: its idref rules look for the Rules and Profiles
  // in the same document, which a stand-alone result or tailoring file never holds. XSD and our checks only.
  XCCDF_12_TESTRESULT("XCCDF 1.2 test result", Ns.XCCDF12, "TestResult", List.of(Ns.XCCDF12), List.of()),
  XCCDF_12_TAILORING("XCCDF 1.2 tailoring", Ns.XCCDF12, "Tailoring", List.of(Ns.XCCDF12), List.of()),
  XCCDF_11_BENCHMARK("XCCDF 1.1 benchmark", Ns.XCCDF11, "Benchmark", List.of(Ns.XCCDF11), List.of()),
  OVAL_DEFINITIONS("OVAL 5.11.2 definitions", Ns.OVAL_DEFS, "oval_definitions",
      List.of(Ns.OVAL_DEFS), List.of("oval/5.11.2/oval-definitions-schematron.xsl")),
  OVAL_SYSTEM_CHARACTERISTICS("OVAL 5.11.2 system characteristics", Ns.OVAL_SC, "oval_system_characteristics",
      List.of(Ns.OVAL_SC), List.of("oval/5.11.2/oval-system-characteristics-schematron.xsl")),
  OVAL_RESULTS("OVAL 5.11.2 results", Ns.OVAL_RESULTS, "oval_results",
      List.of(Ns.OVAL_RESULTS), List.of("oval/5.11.2/oval-results-schematron.xsl")),
  OVAL_VARIABLES("OVAL 5.11.2 variables", Ns.OVAL_VARIABLES, "oval_variables",
      List.of(Ns.OVAL_VARIABLES), List.of("oval/5.11.2/oval-variables-schematron.xsl")),
  CPE_DICTIONARY("CPE 2.3 dictionary", Ns.CPE_DICT, "cpe-list", List.of(Ns.CPE_DICT), List.of()),
  CPE_LANGUAGE("CPE 2.3 applicability language", Ns.CPE_LANG, "platform-specification",
      List.of(Ns.CPE_LANG), List.of()),
  OCIL("OCIL 2.0", Ns.OCIL, "ocil", List.of(Ns.OCIL), List.of()),
  // Components inside a data stream are checked by the same official rules as stand-alone documents.
  SOURCE_DATA_STREAM("SCAP 1.3 source data stream", Ns.SDS, "data-stream-collection",
      List.of(Ns.SDS),
      List.of("sds/1.3/source-data-stream-1.3.xsl", "xccdf/1.2/xccdf_1.2-schematron.xsl",
          "oval/5.11.2/oval-definitions-schematron.xsl")),
  // ARF reports and requests hold any of these documents; the combined schema validates what it knows.
  ARF("ARF 1.1 asset report collection", Ns.ARF, "asset-report-collection",
      List.of(Ns.ARF, Ns.SDS, Ns.XCCDF12, Ns.OVAL_RESULTS, Ns.OVAL_VARIABLES, Ns.CPE_DICT, Ns.OCIL),
      List.of());

  /** Namespace names of the SCAP specifications. */
  public static final class Ns {
    private Ns() {}

    public static final String XCCDF12 = "http://checklists.nist.gov/xccdf/1.2";
    public static final String XCCDF11 = "http://checklists.nist.gov/xccdf/1.1";
    public static final String OVAL_COMMON = "http://oval.mitre.org/XMLSchema/oval-common-5";
    public static final String OVAL_DEFS = "http://oval.mitre.org/XMLSchema/oval-definitions-5";
    public static final String OVAL_SC = "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5";
    public static final String OVAL_RESULTS = "http://oval.mitre.org/XMLSchema/oval-results-5";
    public static final String OVAL_VARIABLES = "http://oval.mitre.org/XMLSchema/oval-variables-5";
    public static final String CPE_DICT = "http://cpe.mitre.org/dictionary/2.0";
    public static final String CPE_LANG = "http://cpe.mitre.org/language/2.0";
    public static final String OCIL = "http://scap.nist.gov/schema/ocil/2.0";
    public static final String SDS = "http://scap.nist.gov/schema/scap/source/1.2";
    public static final String ARF = "http://scap.nist.gov/schema/asset-reporting-format/1.1";
    public static final String AI = "http://scap.nist.gov/schema/asset-identification/1.1";
    public static final String CORE = "http://scap.nist.gov/schema/reporting-core/1.1";
  }

  private final String title;
  private final String rootNamespace;
  private final String rootName;
  private final List<String> schemaNamespaces;
  private final List<String> schematrons;

  DocumentKind(String title, String rootNamespace, String rootName, List<String> schemaNamespaces,
      List<String> schematrons) {
    this.title = title;
    this.rootNamespace = rootNamespace;
    this.rootName = rootName;
    this.schemaNamespaces = schemaNamespaces;
    this.schematrons = schematrons;
  }

  public String title() { return title; }
  public String rootNamespace() { return rootNamespace; }
  public String rootName() { return rootName; }
  /** Namespaces whose schemas (resolved through the catalog) make up this kind's validating schema. */
  public List<String> schemaNamespaces() { return schemaNamespaces; }
  /** Compiled Schematron stylesheets, as paths under the bundled schema tree. */
  public List<String> schematrons() { return schematrons; }

  public static Optional<DocumentKind> of(String namespace, String localName) {
    return Arrays.stream(values())
        .filter(k -> k.rootNamespace.equals(namespace) && k.rootName.equals(localName))
        .findFirst();
  }

  /** Reads only up to the root element (hardened parser: a DOCTYPE is refused before anything is fetched). */
  public static DocumentKind detect(Path file) throws XmlInputException {
    String[] root = new String[2];
    try (InputStream in = Files.newInputStream(file)) {
      InputSource src = new InputSource(in);
      src.setSystemId(file.toUri().toString());
      SafeXml.saxParserFactory().newSAXParser().parse(src, new DefaultHandler() {
        @Override
        public void startElement(String uri, String local, String qName, Attributes atts)
            throws SAXException {
          root[0] = uri;
          root[1] = local;
          throw new RootSeen();
        }
      });
    } catch (RootSeen seen) {
      // the root element is all we wanted
    } catch (SAXParseException e) {
      throw new XmlInputException(file, e.getLineNumber(), e.getColumnNumber(), "not well-formed XML: " + e.getMessage());
    } catch (SAXException e) {
      throw new XmlInputException(file, -1, -1, "not well-formed XML: " + e.getMessage());
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, "cannot read: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    if (root[1] == null) {
      throw new XmlInputException(file, -1, -1, "not an XML document");
    }
    String ns = root[0] == null ? "" : root[0];
    return of(ns, root[1]).orElseThrow(() -> new XmlInputException(file, 1, -1,
        "unknown document kind: root element {" + ns + "}" + root[1] + " is none of "
            + Arrays.stream(values()).map(k -> k.rootName).distinct().collect(Collectors.joining(", "))));
  }

  private static final class RootSeen extends SAXException {
    RootSeen() {
      super("root element seen");
    }
  }
}
