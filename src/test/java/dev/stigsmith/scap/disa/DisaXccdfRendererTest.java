package dev.stigsmith.scap.disa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.importer.DisaBenchmarkImporter;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.testing.Fixtures;
import dev.stigsmith.xml.XmlOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisaXccdfRendererTest {
  static Path render(Benchmark b, Path dir) throws Exception {
    byte[] xml = XmlOutput.toBytes(DisaXccdfRenderer.render(b));
    Xccdf11Validation.assertSchemaValid(xml);
    Path f = dir.resolve(b.id() + "_Manual-xccdf.xml");
    Files.write(f, xml);
    return f;
  }

  @Test
  void importedFixtureRendersAndReadsBackEqual(@TempDir Path tmp) throws Exception {
    for (String fixture : new String[] {"disa/small-stig.xml", "disa/legacy-system-stig.xml"}) {
      DisaBenchmarkImporter.Result first = DisaBenchmarkImporter.read(Fixtures.resource(fixture), java.util.Map.of());
      Path out = render(first.benchmark(), tmp);
      Benchmark again = DisaBenchmarkImporter.read(out, first.benchmark().ccis()).benchmark();
      assertThat(again).isEqualTo(first.benchmark());
      Xccdf11Validation.assertOscapValid(out);
    }
  }

  @Test
  void contentWithHistoryRendersOnlyCurrentRevisions(@TempDir Path tmp) throws Exception {
    Benchmark b = ContentLoader.load(Fixtures.content().resolve("exchange-2016-edge"));
    Path out = render(b, tmp);
    String xml = Files.readString(out);
    assertThat(xml).contains("SV-221218r879636_rule").doesNotContain("SV-221218r811174_rule").doesNotContain("r612603")
        .contains("<check-content-ref href=\"Microsoft_Exchange_2016_Edge_Transport_Server_STIG.xml\" name=\"M\"/>")
        .contains("&lt;VulnDiscussion&gt;The Simple Mail Transfer Protocol")
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet");
    Benchmark back = DisaBenchmarkImporter.read(out, b.ccis()).benchmark();
    assertThat(back.currentRules()).hasSize(b.currentRules().size());
    var rule = b.currentRuleForStigId("EX16-ED-000170").orElseThrow();
    var again = back.currentRuleForStigId("EX16-ED-000170").orElseThrow();
    assertThat(again.check()).isEqualTo(rule.check());
    assertThat(again.description()).isEqualTo(rule.description());
    // Same model, same bytes.
    assertThat(XmlOutput.toBytes(DisaXccdfRenderer.render(b))).isEqualTo(Files.readAllBytes(out));
    Xccdf11Validation.assertOscapValid(out);
  }
}
