package dev.stigsmith.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import dev.stigsmith.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditItemImporterTest {
  @Test
  void parsesTheFieldsOfAnAuditPage() throws Exception {
    AuditItem item = AuditItemImporter.read(Fixtures.resource("audit/wdgt-000010.txt"));
    assertThat(item.stigId()).isEqualTo("WDGT-00-000010");
    assertThat(item.heading()).isEqualTo("The widget server must limit sessions & connections to <= 10 - MaxSessions");
    assertThat(item.deprecated()).isFalse();
    assertThat(item.discussion()).startsWith("Too many sessions exhaust the server.\n\nLimits like").endsWith("stay as text.");
    assertThat(item.fixText()).isEqualTo("Run:\n\nSet-Widget -MaxSessions 10\t# tab before this comment\n\nDone.");
    assertThat(item.vulnId()).isEqualTo("V-1001");
    assertThat(item.ruleId()).isEqualTo(RuleId.parse("SV-1001r90_rule"));
    assertThat(item.severity()).isEqualTo(Severity.HIGH);
    assertThat(item.ccis()).containsExactly("CCI-000054", "CCI-001184", "CCI-002385");
    assertThat(item.legacyIds()).isEmpty();
    assertThat(item.references()).hasSize(7);
  }

  @Test
  void olderRevisionNamesWhatReplacedIt() throws Exception {
    Benchmark b = DisaBenchmarkImporter.read(Fixtures.resource("disa/small-stig.xml"));
    AuditItemImporter.Match m = AuditItemImporter.match(AuditItemImporter.read(Fixtures.resource("audit/wdgt-000010.txt")), b);
    assertThat(m.ours().ruleId()).isEqualTo(RuleId.parse("SV-1001r100_rule"));
    assertThat(m.standing()).isEqualTo(AuditItemImporter.Standing.OLDER);
    assertThat(m.replacedBy()).isEqualTo(RuleId.parse("SV-1001r100_rule"));
    assertThat(m.part()).isEqualTo("MaxSessions");
    assertThat(m.notes()).contains("SV-1001r90_rule is not in our history", "discussion: same as ours", "fix text: same as ours");
    assertThat(m.describe()).contains("revision: older (superseded by SV-1001r100_rule, our current revision)");
  }

  @Test
  void currentAndNewerRevisions(@TempDir Path tmp) throws Exception {
    Benchmark b = DisaBenchmarkImporter.read(Fixtures.resource("disa/small-stig.xml"));
    String page = Files.readString(Fixtures.resource("audit/wdgt-000010.txt"));
    Path cur = tmp.resolve("cur.txt");
    Files.writeString(cur, page.replace("SV-1001r90_rule", "SV-1001r100_rule").replace("CAT|I,", "CAT|II,"));
    AuditItemImporter.Match m = AuditItemImporter.match(AuditItemImporter.read(cur), b);
    assertThat(m.standing()).isEqualTo(AuditItemImporter.Standing.CURRENT);
    assertThat(m.notes()).contains("severity differs: item CAT II, ours CAT I");
    Path newer = tmp.resolve("newer.txt");
    Files.writeString(newer, page.replace("SV-1001r90_rule", "SV-1001r200_rule").replace("Done.", "Done, twice."));
    m = AuditItemImporter.match(AuditItemImporter.read(newer), b);
    assertThat(m.standing()).isEqualTo(AuditItemImporter.Standing.NEWER);
    assertThat(m.notes()).contains("fix text: differs from ours");
  }

  @Test
  void missingReferencesIsAClearError(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("noref.txt");
    Files.writeString(f, Files.readString(Fixtures.resource("audit/wdgt-000010.txt")).replaceAll("References:.*", ""));
    assertThatThrownBy(() -> AuditItemImporter.read(f)).isInstanceOf(ImportException.class)
        .hasMessageStartingWith(f + ": no References line");
    Path g = tmp.resolve("notitle.txt");
    Files.writeString(g, "\nJust some text\n");
    assertThatThrownBy(() -> AuditItemImporter.read(g)).hasMessageStartingWith(g + ":2: first line is not");
  }

  @Test
  @Tag("conformance")
  void theSeedIsASupersededRevisionOfOurRule() throws Exception {
    Path seed = Path.of("../shared/seed/EX16-ED-000170.tenable-audit-item.txt");
    AuditItem item = AuditItemImporter.read(seed);
    assertThat(item.deprecated()).isTrue();
    assertThat(item.ruleId()).isEqualTo(RuleId.parse("SV-221218r811174_rule"));
    assertThat(item.legacyIds()).containsExactly("SV-95227", "V-80517");
    Benchmark ours = ContentLoader.load(Fixtures.content().resolve("exchange-2016-edge"));
    AuditItemImporter.Match m = AuditItemImporter.match(item, ours);
    assertThat(m.ours().stigId()).isEqualTo("EX16-ED-000170");
    assertThat(m.standing()).isEqualTo(AuditItemImporter.Standing.OLDER);
    assertThat(m.replacedBy()).isEqualTo(RuleId.parse("SV-221218r879636_rule"));
    assertThat(m.part()).isEqualTo("RequireTLS");
    assertThat(m.notes()).containsExactly("discussion: same as that of SV-221218r811174_rule",
        "fix text: same as that of SV-221218r811174_rule");
  }
}
