package dev.stigsmith.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.generate.Generator;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.testing.Content;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The same Edge host exported five ways (collector JSON, ConvertTo-Json with enums as numbers and as
 * names, Export-Clixml, Export-Csv) must get the same verdict on every rule.
 */
class SameHostSameVerdictsTest {
  static final Path HOST = Path.of("src/test/resources/hostdata/edge01");

  static final java.util.Set<String> NOT_CMDLET = notCmdletRules();

  private static java.util.Set<String> notCmdletRules() {
    try {
      return dev.stigsmith.content.ContentLoader.load(Content.edge()).currentRules().stream()
          .filter(r -> r.isAutomated() && !r.automated().isCmdlet()).map(dev.stigsmith.model.Rule::stigId)
          .collect(java.util.stream.Collectors.toSet());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyShapeGivesTheSameVerdicts() throws Exception {
    Generator.Output out = Generator.render(Content.root(), "0.1.0", null).get(0);
    byte[] ds = out.files().get(Generator.dataStreamFile(out.benchmark()));
    Document doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(ds));
    ScapSource source = ScapSource.of(Path.of("ds.xml"), doc);

    Map<String, Map<String, String>> byShape = new LinkedHashMap<>();
    for (String shape : new String[] {"collector", "convertto-json-numbers", "convertto-json-names", "clixml", "csv"}) {
      Evaluator.Evaluation ev = Evaluator.evaluate(source, HostDataReader.read(HOST.resolve(shape)),
          new Evaluator.Request(null, null, Instant.parse("2024-02-01T00:00:00Z"), "cpe:/a:stigsmith:stigsmith:test", null));
      Map<String, String> verdicts = new LinkedHashMap<>();
      for (RuleResult r : ev.testResult().ruleResults()) {
        // Raw cmdlet exports carry cmdlet output only: rules on registry values, services, folder
        // permissions or partitions are decided from the collector's JSON alone (and "unknown" otherwise).
        if (NOT_CMDLET.contains(r.rule().stigId())) continue;
        if (r.rule().isAutomated() || !r.result().xccdf().equals("notchecked")) {
          verdicts.put(r.rule().stigId(), r.result().xccdf());
        }
      }
      byShape.put(shape, verdicts);
    }
    Map<String, String> reference = byShape.get("collector");
    assertThat(reference).as("automated rules decided").hasSizeGreaterThanOrEqualTo(18);
    assertThat(reference.values()).contains("pass", "fail");
    byShape.forEach((shape, verdicts) -> assertThat(verdicts).as(shape).isEqualTo(reference));
  }
}
