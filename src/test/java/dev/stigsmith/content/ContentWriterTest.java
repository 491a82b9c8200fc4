package dev.stigsmith.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.importer.DisaBenchmarkImporter;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.testing.Fixtures;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

class ContentWriterTest {
  @Test
  void projectContentRoundTripsThroughTheWriter(@TempDir Path tmp) throws Exception {
    Benchmark b = ContentLoader.load(Fixtures.content().resolve("exchange-2016-edge"));
    List<Path> written = ContentWriter.write(b, tmp, "edge", Map.of());
    assertThat(written).contains(tmp.resolve("cci.yaml"), tmp.resolve("edge/benchmark.yaml"),
        tmp.resolve("edge/rules/EX16-ED-000170/rule.yaml"), tmp.resolve("edge/rules/EX16-ED-000170/remediation.ps1"));
    assertThat(ContentLoader.load(tmp.resolve("edge"))).isEqualTo(b);
    // Unchanged files are not rewritten.
    assertThat(ContentWriter.write(b, tmp, "edge", Map.of())).isEmpty();
  }

  @Test
  void keepsAnExistingAutomatedSectionVerbatim(@TempDir Path tmp) throws Exception {
    Path ruleFile = Fixtures.content().resolve("exchange-2016-edge/rules/EX16-ED-000170/rule.yaml");
    String section = ContentWriter.automatedSection(ruleFile);
    assertThat(section).startsWith("# For each Send connector").contains("automated:\n  cmdlet:").endsWith("DomainSecureEnabled: true\n");
    Benchmark b = ContentLoader.load(Fixtures.content().resolve("exchange-2016-edge"));
    ContentWriter.write(b, tmp, "edge", Map.of("EX16-ED-000170", section));
    assertThat(Files.readString(tmp.resolve("edge/rules/EX16-ED-000170/rule.yaml"))).endsWith("\n" + section);
    assertThat(ContentLoader.load(tmp.resolve("edge"))).isEqualTo(b);
  }

  @Test
  void importedBenchmarkWithOddTextRoundTrips(@TempDir Path tmp) throws Exception {
    Benchmark b = DisaBenchmarkImporter.read(Fixtures.resource("disa/small-stig.xml"));
    ContentWriter.write(b, tmp, "widget", Map.of());
    Benchmark back = ContentLoader.load(tmp.resolve("widget"));
    assertThat(back).isEqualTo(b);
    String rule = Files.readString(tmp.resolve("widget/rules/WDGT-00-000010/rule.yaml"));
    assertThat(rule).contains("  check_text: |\n    Run Get-Widget.\n\n    If \"MaxSessions\"");
    assertThat(Files.readString(tmp.resolve("widget/benchmark.yaml"))).doesNotContain("platform:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "null", "~", "true", "No", "2024-01-24", "10.0", "- a", "a: b", "a #b", "#c", "trailing ",
      "two\nlines", "two\nlines\n", "ends\n\n", "\nleading newline", "  indented\nnext", "tab\there", "quote \" and \\",
      "line with trailing  \n\nblank", "---\nyaml doc marker", "a\n---\nb", "…unicode “quotes” ✓", "crlf\r\nline",
      "only spaces\n   \nhere", "ends with spaces line\n  ", "{flow}", "[list]", "@at", "`tick", "%pct", "*star", "&amp", "!bang",
      "|pipe", ">gt", "'single'", "\"double\"", "x\u0085y", "x\u2028y", "\uFEFFbom", "ctrl\u0001char"})
  void everyScalarReadsBackExactly(String text) {
    for (int indent : new int[] {0, 2, 4}) {
      String doc = " ".repeat(indent) + "k:" + YamlText.scalar(text, indent) + "\n";
      Map<?, ?> m = new Yaml().load(new StringReader(doc));
      assertThat(String.valueOf(m.get("k"))).as(doc).isEqualTo(text);
    }
  }
}
