package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScapValidatorTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "xml/valid/xccdf12-benchmark.xml, XCCDF_12_BENCHMARK",
    "xml/valid/oval-definitions.xml, OVAL_DEFINITIONS",
    "xml/valid/oval-system-characteristics.xml, OVAL_SYSTEM_CHARACTERISTICS",
    "xml/valid/source-data-stream.xml, SOURCE_DATA_STREAM",
    "scap/xccdf11-benchmark.xml, XCCDF_11_BENCHMARK",
    "scap/oval-results.xml, OVAL_RESULTS",
    "scap/oval-variables.xml, OVAL_VARIABLES",
    "scap/cpe-dictionary.xml, CPE_DICTIONARY",
    "scap/cpe-language.xml, CPE_LANGUAGE",
    "scap/ocil.xml, OCIL",
    "scap/arf.xml, ARF",
  })
  void validDocumentsPass(String resource, DocumentKind kind) throws Exception {
    ValidationReport report = ScapValidator.validate(Fixtures.path(resource));
    assertThat(report.kind()).isEqualTo(kind);
    assertThat(report.problems()).filteredOn(p -> p.severity() == Problem.Severity.ERROR).isEmpty();
    assertThat(report.valid()).isTrue();
  }

  @Test
  void xccdfSchemaErrorsCarryLineAndColumn() throws Exception {
    Path file = Fixtures.path("xml/invalid/xccdf12-benchmark.xml");
    ValidationReport report = ScapValidator.validate(file);
    assertThat(report.valid()).isFalse();
    assertThat(report.problems()).anySatisfy(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.column()).isPositive();
      assertThat(p.message()).contains("not-an-xccdf-id").contains("xccdf_[^_]+_benchmark_.+");
      assertThat(p.oneLine()).startsWith(file + ":2:");
    });
    assertThat(report.problems()).anySatisfy(p -> assertThat(p.message()).contains("dreadful"));
  }

  @Test
  void ovalDefinitionErrorsIncludeIdentityConstraints() throws Exception {
    ValidationReport report = ScapValidator.validate(Fixtures.path("xml/invalid/oval-definitions.xml"));
    assertThat(report.valid()).isFalse();
    assertThat(report.problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("def:0"))
        .anySatisfy(m -> assertThat(m).contains("testKeyRef"));
  }

  @Test
  void ovalSystemCharacteristicsErrors() throws Exception {
    ValidationReport report = ScapValidator.validate(Fixtures.path("xml/invalid/oval-system-characteristics.xml"));
    assertThat(report.valid()).isFalse();
    assertThat(report.problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("present"))
        .anySatisfy(m -> assertThat(m).contains("itemKeyRef"));
  }

  @Test
  void dataStreamErrorsFromSchemaAndSchematron() throws Exception {
    ValidationReport report = ScapValidator.validate(Fixtures.path("xml/invalid/source-data-stream.xml"));
    assertThat(report.valid()).isFalse();
    assertThat(report.problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("collection-without-scap-prefix"))
        .anySatisfy(m -> assertThat(m).contains("checks"));
  }

  @Test
  void schematronFindingsAreLocatedByLine() throws Exception {
    // An OVAL results document whose directives promise the source definitions but does not include them.
    String results = Files.readString(Fixtures.path("scap/oval-results.xml"))
        .replace("include_source_definitions=\"false\"", "include_source_definitions=\"true\"");
    Path file = tmp.resolve("results.xml");
    Files.writeString(file, results);
    ValidationReport report = ScapValidator.validate(file);
    assertThat(report.valid()).isFalse();
    assertThat(report.problems()).anySatisfy(p -> {
      assertThat(p.message()).contains("source OVAL Definition document must be included");
      assertThat(p.line()).isEqualTo(9);
      assertThat(p.location()).contains("directives");
    });
  }

  @Test
  void dataStreamComponentsAreValidatedToo() throws Exception {
    String ds = Files.readString(Fixtures.path("xml/valid/source-data-stream.xml"))
        .replace("severity=\"medium\"", "severity=\"dreadful\"");
    Path file = tmp.resolve("ds.xml");
    Files.writeString(file, ds);
    assertThat(ScapValidator.validate(file).problems()).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("dreadful"));
  }

  @Test
  void unknownRootIsAClearError() throws Exception {
    Path file = tmp.resolve("other.xml");
    Files.writeString(file, "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n");
    assertThatThrownBy(() -> ScapValidator.validate(file))
        .isInstanceOf(XmlInputException.class)
        .hasMessageContaining("unknown document kind")
        .hasMessageContaining("{http://www.w3.org/1999/xhtml}html");
  }

  @Test
  void notXmlIsAClearError() throws Exception {
    Path file = tmp.resolve("notes.xml");
    Files.writeString(file, "this is not XML\n");
    assertThatThrownBy(() -> ScapValidator.validate(file))
        .isInstanceOf(XmlInputException.class)
        .satisfies(e -> assertThat(((XmlInputException) e).oneLine()).startsWith(file + ":1:"));
  }

  /** A local server that counts every request and answers with {@code body} (null: 404). */
  private static HttpServer countingServer(AtomicInteger requests, byte[] body) throws java.io.IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    return server;
  }

  @Test
  void externalEntitiesAndDtdsAreNeverFetched() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = countingServer(requests, "<!ENTITY leak 'fetched'>".getBytes(StandardCharsets.UTF_8));
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path file = tmp.resolve("xxe.xml");
      Files.writeString(file, "<?xml version=\"1.0\"?>\n"
          + "<!DOCTYPE Benchmark SYSTEM \"" + base + "/evil.dtd\" [\n"
          + "  <!ENTITY secret SYSTEM \"" + base + "/secret\">\n]>\n"
          + "<Benchmark xmlns=\"http://checklists.nist.gov/xccdf/1.2\" id=\"xccdf_a_benchmark_b\">&secret;</Benchmark>\n");
      assertThatThrownBy(() -> ScapValidator.validate(file))
          .isInstanceOf(XmlInputException.class)
          .hasMessageContaining("DOCTYPE");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void schemaLocationHintsAreNeverFetchedOnEitherPath() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = countingServer(requests, null);
    try {
      String hint = "http://127.0.0.1:" + server.getAddress().getPort() + "/other.xsd";
      byte[] doc = Files.readString(Fixtures.path("xml/valid/oval-definitions.xml")).replace("<oval_definitions ",
          "<oval_definitions xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
              + "http://oval.mitre.org/XMLSchema/oval-definitions-5 " + hint + " urn:other " + hint + "\" "
              + "xsi:noNamespaceSchemaLocation=\"" + hint + "\" ").getBytes(StandardCharsets.UTF_8);
      Path file = tmp.resolve("hinted.xml");
      for (boolean sideBySide : new boolean[] {false, true}) {
        var checked = ScapValidator.check(file, doc, DocumentKind.OVAL_DEFINITIONS,
            new ScapValidator.Request(false, true, null, sideBySide));
        assertThat(checked.report().valid()).as("side by side: " + sideBySide).isTrue();
      }
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void schemaLocationHintsInTheDocumentAreIgnored() throws Exception {
    String doc = Files.readString(Fixtures.path("xml/valid/oval-definitions.xml")).replace(
        "<oval_definitions ",
        "<oval_definitions xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
            + "http://oval.mitre.org/XMLSchema/oval-definitions-5 http://127.0.0.1:9/unreachable.xsd\" ");
    Path file = tmp.resolve("hinted.xml");
    Files.writeString(file, doc);
    assertThat(ScapValidator.validate(file).valid()).isTrue();
  }
}
