package dev.stigsmith.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** content/exchange-2019-edge is DISA's Exchange 2019 Edge V2R2 as imported, plus our checks. */
@Tag("conformance")
class Exchange2019EdgeConformanceTest {
  static final Path DISA = Path.of("../shared/disa/U_MS_Exchange_2019_Edge_Server_STIG_V2R2_Manual-xccdf.xml");

  @Test
  void reImportingDisasFileChangesNothingAndKeepsEveryReusedCheck(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyContent(tmp.resolve("content"));
    Benchmark before = ContentLoader.load(content.resolve("exchange-2019-edge"));

    ContentImport.Report report = ContentImport.importDisa(DISA, content, null);

    assertThat(report.created()).isFalse();
    assertThat(report.changes()).isEmpty();
    assertThat(report.unchanged()).isEqualTo(68);
    // benchmark.yaml is written from the model (its comments go); no rule file changes.
    assertThat(report.written()).allSatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("benchmark.yaml"));
    Benchmark after = ContentLoader.load(content.resolve("exchange-2019-edge"));
    assertThat(after).isEqualTo(before);
    assertThat(after.currentRules().stream().filter(r -> r.checkSameAs() != null).map(Rule::stigId))
        .hasSize((int) before.currentRules().stream().filter(r -> r.checkSameAs() != null).count())
        .contains("EX19-ED-000019", "EX19-ED-000244");
  }
}
