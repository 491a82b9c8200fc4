package dev.stigsmith.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/** The machine formats validate against their published schemas and carry what code hosts and CIs read. */
class ReportFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<FileReport> sample() {
    Path dir = Corpus.dir();
    return Validation.run(List.of(dir.resolve("oval-defs-dangling-object.xml"), dir.resolve("oval-defs-valid.xml"),
        dir.resolve("oval-defs-unused-state.xml"), dir.resolve("no-such-file.xml")), Options.defaults());
  }

  @Test
  void sarifValidatesAgainstTheSarif210SchemaWithPhysicalLocations() throws Exception {
    String sarif = Reports.render(Reports.Format.SARIF, sample(), "0.1.0");
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(PublishedSchemas.sarif())) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
    JsonNode log = JSON.readTree(sarif);
    assertThat(schema.validate(log)).isEmpty();
    JsonNode results = log.at("/runs/0/results");
    assertThat(results).anySatisfy(r -> {
      assertThat(r.path("ruleId").asText()).isEqualTo("ref-missing:object");
      assertThat(r.path("level").asText()).isEqualTo("error");
      assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(25);
      assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("oval-defs-dangling-object.xml");
    });
    assertThat(results).anySatisfy(r -> assertThat(r.path("ruleId").asText()).isEqualTo(Reports.CANNOT_RUN));
    // Every result's rule is described in the driver's rules, at the index it names.
    for (JsonNode r : results) {
      assertThat(log.at("/runs/0/tool/driver/rules/" + r.path("ruleIndex").asInt() + "/id").asText()).isEqualTo(r.path("ruleId").asText());
    }
    // The validator bites: a result without a message is refused.
    ((com.fasterxml.jackson.databind.node.ObjectNode) results.get(0)).remove("message");
    assertThat(schema.validate(log)).isNotEmpty();
  }

  @Test
  void junitValidatesAgainstTheAntJunitSchemaOneTestcasePerFile() throws Exception {
    String junit = Reports.render(Reports.Format.JUNIT, sample(), "0.1.0");
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    var validator = sf.newSchema(PublishedSchemas.junit().toFile()).newValidator();
    validator.validate(new StreamSource(new ByteArrayInputStream(junit.getBytes(StandardCharsets.UTF_8))));
    assertThat(junit.split("<testcase ", -1)).hasSize(5);
    assertThat(junit).contains("failures=\"1\"").contains("errors=\"1\"").contains("tests=\"4\"")
        .contains("<failure message=\"1 error, 1 warning (OVAL 5.11.2 definitions)\" type=\"invalid\">")
        .contains("[ref-missing:object]");
  }

  @Test
  void jsonCarriesEveryProblemWithRuleAndLine() throws Exception {
    JsonNode j = JSON.readTree(Reports.render(Reports.Format.JSON, sample(), "0.1.0"));
    assertThat(j.at("/summary/files").asInt()).isEqualTo(4);
    assertThat(j.at("/summary/couldNotValidate").asInt()).isEqualTo(1);
    assertThat(j.at("/files/0/problems/0/rule").asText()).isEqualTo("ref-missing:object");
    assertThat(j.at("/files/0/problems/0/line").asInt()).isEqualTo(25);
    assertThat(j.at("/files/1/valid").asBoolean()).isTrue();
  }
}
