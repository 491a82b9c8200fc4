package dev.stigsmith.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Severity;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.TestResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Our checklists against DISA's own schemas in ../shared/formats. */
@Tag("conformance")
class ChecklistConformanceTest {
  static final Path FORMATS = Path.of("..", "shared", "formats");

  static List<Checklist> samples() throws Exception {
    Benchmark fixture = Fixtures.benchmark(5);
    Checklist c = Checklist.from(Fixtures.testResult(fixture));
    Checklist withSeverity = new Checklist(c.benchmark(), c.target(),
        List.of(c.entries().get(0).withSeverityOverride(Severity.LOW, "Mitigated by the boundary."),
            c.entries().get(1), c.entries().get(2)));
    Benchmark real = ContentLoader.load(Path.of("content", "exchange-2016-edge"));
    RuleResult rr = new RuleResult(real.currentRules().get(0), ResultType.PASS, Fixtures.END, List.of("all good"), null, null);
    TestResult realResult = new TestResult(real, null, Fixtures.target(), Fixtures.START, Fixtures.END,
        "cpe:/a:dev.stigsmith:stigsmith:0.1.0", null, List.of(rr), 100, 100);
    return List.of(c, withSeverity, Checklist.from(realResult));
  }

  @Test
  void cklValidatesAgainstDisaXsd() throws Exception {
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    Validator v = sf.newSchema(FORMATS.resolve("U_Checklist_Schema_V2.xsd").toFile()).newValidator();
    for (Checklist c : samples()) {
      v.validate(new StreamSource(new ByteArrayInputStream(new CklWriter("stigsmith test").toBytes(c))));
    }
  }

  @Test
  void cklbValidatesAgainstDisaJsonSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(FORMATS.resolve("SV3_CKLB_1_0_JSON_SCHEMA.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
    }
    List<String> problems = new ArrayList<>();
    for (Checklist c : samples()) {
      Set<ValidationMessage> errors = schema.validate(Json.MAPPER.readTree(new CklbWriter().toBytes(c)));
      errors.forEach(e -> problems.add(e.getMessage()));
    }
    assertThat(problems).isEmpty();
    // The validator must bite: STIG Manager's stigs[].version is exactly what DISA's schema refuses.
    var withVersion = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(new CklbWriter().toBytes(samples().get(0)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) withVersion.path("stigs").get(0)).put("version", "2");
    assertThat(schema.validate(withVersion)).isNotEmpty();
  }
}
