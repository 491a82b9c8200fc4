package dev.stigsmith.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.xml.SafeXml;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All readers go through the hardened entry points ({@code SafeXml}, {@code io.SafeJson},
 * {@code io.SafeYaml}), and the Saxon processor there dereferences nothing.
 */
class EntryPointsTest {
  /** Constructions of a parser or mapper, and where they may appear. */
  static final Map<String, List<String>> ALLOWED = Map.of(
      "DocumentBuilderFactory.newInstance|SAXParserFactory.newInstance|XMLInputFactory.new(Factory|Instance)"
          + "|TransformerFactory.new(Default)?Instance", List.of("xml/SafeXml.java"),
      "new Processor\\(", List.of("xml/SafeXml.java"),
      "SchemaFactory.newInstance", List.of("xml/ScapSchemas.java"),
      "new Yaml\\(|new LoaderOptions\\(", List.of("io/SafeYaml.java"),
      // Writers build JSON with their own mapper; no user input is read with it (checked below).
      "new ObjectMapper\\(|JsonMapper.builder|new JsonFactory\\(|JsonFactory.builder|new CsvMapper\\(|CsvMapper.builder",
          List.of("io/SafeJson.java", "export/Json.java", "diff/DiffFormat.java"),
      "activateDefaultTyping|enableDefaultTyping|@JsonTypeInfo", List.of());

  @Test
  void everyParserIsBuiltInItsEntryPoint() throws IOException {
    Path main = Path.of("src/main/java/dev/stigsmith");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> s = Files.walk(main)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = main.relativize(f).toString();
        String text = Files.readString(f);
        ALLOWED.forEach((regex, where) -> {
          if (Pattern.compile(regex).matcher(text).find() && !where.contains(rel)) offenders.add(rel + ": " + regex);
        });
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void theWritersMapperReadsNoUserInput() throws IOException {
    // export.Json's mapper is for writing; a readTree/readValue on it would bypass the limits.
    try (Stream<Path> s = Files.walk(Path.of("src/main/java/dev/stigsmith"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern("Json\\.MAPPER\\.read");
      }
    }
  }

  @Test
  void saxonDereferencesNoUriAndCallsNoJava(@TempDir Path dir) throws Exception {
    Processor p = SafeXml.saxon();
    try (Canary canary = new Canary(dir)) {
      for (String expr : List.of("doc('" + canary.file.toUri() + "')", "unparsed-text('" + canary.file.toUri() + "')",
          "doc('" + canary.url + "/x.xml')", "unparsed-text('" + canary.url + "/x')",
          "doc-available('" + canary.url + "/y.xml')", "collection('" + dir.toUri() + "')")) {
        try {
          Object v = p.newXPathCompiler().evaluate(expr, null);
          assertThat(String.valueOf(v)).as(expr).isIn("false", "");
        } catch (SaxonApiException e) {
          assertThat(e.getMessage()).as(expr).doesNotContain("CANARY-SECRET");
        }
      }
      String xslt = """
          <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
              xmlns:rt="java:java.lang.Runtime">
            <xsl:template name="xsl:initial-template">
              <r><xsl:value-of select="document('%s')"/><xsl:value-of select="rt:getRuntime()"/></r>
            </xsl:template>
          </xsl:stylesheet>""".formatted(canary.url + "/doc.xml");
      assertThatThrownBy(() -> {
        var exec = p.newXsltCompiler().compile(new StreamSource(new StringReader(xslt)));
        exec.load30().callTemplate(null, new XdmDestination());
      }).isInstanceOf(SaxonApiException.class);
      String include = """
          <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
            <xsl:include href="%s"/>
          </xsl:stylesheet>""".formatted(canary.url + "/inc.xsl");
      assertThatThrownBy(() -> p.newXsltCompiler().compile(new StreamSource(new StringReader(include), "urn:x")))
          .isInstanceOf(SaxonApiException.class);
      Thread.sleep(30);
      assertThat(canary.fileOpened()).isFalse();
      assertThat(canary.connections()).isZero();
    }
  }
}
