package dev.stigsmith.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Status;
import dev.stigsmith.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentImportTest {
  @Test
  void newReleaseMovesTheOldRevisionToHistoryAndKeepsOurWork(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyOneRuleContent(tmp.resolve("content"));
    Path ruleDir = content.resolve("exchange-2016-edge/rules/EX16-ED-000170");
    String ps1 = Files.readString(ruleDir.resolve("remediation.ps1"));
    Benchmark before = ContentLoader.load(content.resolve("exchange-2016-edge"));

    ContentImport.Report report = ContentImport.importDisa(Fixtures.resource("disa/edge-next-release.xml"), content, null);

    assertThat(report.created()).isFalse();
    assertThat(report.folder()).isEqualTo(content.resolve("exchange-2016-edge"));
    assertThat(report.changes()).extracting(Object::toString).containsExactly(
        "revised        EX16-ED-000170 V-221218: SV-221218r879636_rule → SV-221218r900001_rule, changed check id, check text",
        "added          EX16-ED-009999 V-300001: SV-300001r900010_rule");
    assertThat(report.unknownCcis()).containsExactly("CCI-000366");

    Benchmark after = ContentLoader.load(content.resolve("exchange-2016-edge"));
    assertThat(after.versionRelease()).isEqualTo("V2R6");
    assertThat(after.platform()).isEqualTo(before.platform());
    Rule now = after.currentRuleForVulnId("V-221218").orElseThrow();
    assertThat(now.ruleId()).isEqualTo(RuleId.parse("SV-221218r900001_rule"));
    assertThat(now.release()).isEqualTo("V2R6");
    assertThat(now.check().text()).contains("If the send connector uses a smart host");
    assertThat(now.automated()).isEqualTo(before.currentRuleForVulnId("V-221218").orElseThrow().automated());
    assertThat(now.fix().script()).isEqualTo(ps1);
    Rule v2r5 = after.rule(RuleId.parse("SV-221218r879636_rule")).orElseThrow();
    assertThat(v2r5.status()).isEqualTo(Status.DEPRECATED);
    assertThat(v2r5.supersededBy()).isEqualTo(now.ruleId());
    assertThat(v2r5.check().text()).isEqualTo(before.currentRuleForVulnId("V-221218").orElseThrow().check().text());
    assertThat(after.rules().stream().filter(r -> r.vulnId().equals("V-221218")).map(r -> r.ruleId().revision()))
        .containsExactly("900001", "879636", "811174", "612603");
    assertThat(Files.readString(ruleDir.resolve("rule.yaml"))).contains("# For each Send connector, the first branch");
    assertThat(after.ccis().get("CCI-000366").nistControls()).isEmpty();
    assertThat(after.ccis().get("CCI-001184").nistControls()).containsExactly("SC-23");

    // Importing the same release again changes nothing.
    ContentImport.Report again = ContentImport.importDisa(Fixtures.resource("disa/edge-next-release.xml"), content, null);
    assertThat(again.changes()).isEmpty();
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(again.written()).isEmpty();
  }

  @Test
  void aNewBenchmarkGetsItsOwnFolder(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyOneRuleContent(tmp.resolve("content"));
    ContentImport.Report report = ContentImport.importDisa(Fixtures.resource("disa/small-stig.xml"), content, null);
    assertThat(report.created()).isTrue();
    assertThat(report.folder()).isEqualTo(content.resolve("example-widget-server-stig"));
    assertThat(report.changes()).hasSize(3);
    Benchmark b = ContentLoader.load(report.folder());
    assertThat(b).isEqualTo(DisaBenchmarkImporter.read(Fixtures.resource("disa/small-stig.xml"),
        ContentLoader.loadCcis(content.resolve("cci.yaml"))).benchmark());
    // The other benchmark still loads with the grown CCI table.
    assertThat(ContentLoader.load(content.resolve("exchange-2016-edge")).currentRules()).hasSize(1);
  }

  @Test
  void badInputWritesNothing(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyOneRuleContent(tmp.resolve("content"));
    Path bad = tmp.resolve("bad.xml");
    Files.writeString(bad, "<Benchmark xmlns='http://checklists.nist.gov/xccdf/1.2'/>");
    long before;
    try (Stream<Path> s = Files.walk(content)) {
      before = s.filter(Files::isRegularFile).count();
    }
    assertThatThrownBy(() -> ContentImport.importDisa(bad, content, null)).isInstanceOf(ImportException.class);
    try (Stream<Path> s = Files.walk(content)) {
      assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(before);
    }
  }
}
