package dev.stigsmith.scap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.scap.bind.xccdf11.Benchmark;
import dev.stigsmith.scap.bind.xccdf11.GroupType;
import dev.stigsmith.scap.bind.xccdf11.RuleType;
import dev.stigsmith.xml.DocumentKind;
import dev.stigsmith.xml.ScapValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("conformance")
class DisaBenchmarkConformanceTest {
  private static final Path DISA =
      Path.of("../shared/disa/U_MS_Exchange_2016_Edge_Transport_Server_STIG_V2R5_Manual-xccdf.xml");

  @Test
  void readsDisasExchangeEdgeBenchmarkThroughTheXccdf11Binding() throws Exception {
    Benchmark b = Jaxb.read(DISA, DocumentKind.XCCDF_11_BENCHMARK, Benchmark.class);
    assertThat(b.getId()).isEqualTo("MS_Exchange_2016_Edge_Transport_Server_STIG");
    List<RuleType> rules = b.getGroupOrRule().stream()
        .map(GroupType.class::cast)
        .flatMap(g -> g.getGroupOrRule().stream())
        .map(RuleType.class::cast)
        .toList();
    assertThat(rules).hasSize(68);
    assertThat(rules).anySatisfy(r -> {
      assertThat(r.getId()).isEqualTo("SV-221218r879636_rule");
      assertThat(r.getVersion().getValue()).isEqualTo("EX16-ED-000170");
    });
  }

  @Test
  void disasBenchmarkIsValidXccdf11() throws Exception {
    assertThat(ScapValidator.validate(DISA).problems()).isEmpty();
  }
}
