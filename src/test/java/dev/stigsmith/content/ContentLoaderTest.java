package dev.stigsmith.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.model.AutomatedCheck;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Operation;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import dev.stigsmith.model.Status;
import dev.stigsmith.testing.Content;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
  @TempDir Path tmp;

  @Test
  void loadsTheEdgeBenchmarkWithEveryIdentifier() throws Exception {
    Benchmark b = ContentLoader.load(Content.edge());
    assertThat(b.id()).isEqualTo("MS_Exchange_2016_Edge_Transport_Server_STIG");
    assertThat(b.releaseInfo()).isEqualTo("Release: 5 Benchmark Date: 24 Jan 2024");
    assertThat(b.versionRelease()).isEqualTo("V2R5");
    assertThat(b.reference().identifier()).isEqualTo("4079");
    assertThat(b.profiles()).hasSize(9).allSatisfy(p -> assertThat(p.selectedVulnIds()).contains("V-221218"));

    Rule r = b.currentRuleForStigId("EX16-ED-000170").orElseThrow();
    assertThat(r.vulnId()).isEqualTo("V-221218");
    assertThat(r.ruleId()).isEqualTo(new RuleId("SV-221218", "879636"));
    assertThat(r.srg()).isEqualTo("SRG-APP-000219");
    assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(r.severity().catLabel()).isEqualTo("CAT II");
    assertThat(r.weight()).isEqualTo("10.0");
    assertThat(r.ccis()).containsExactly("CCI-001184");
    assertThat(b.ccis().get("CCI-001184").nistControls()).containsExactly("SC-23");
    assertThat(r.legacyIds()).containsExactly("SV-95227", "V-80517");
    assertThat(r.check().id()).isEqualTo("C-22933r811172_chk");
    assertThat(r.fix().id()).isEqualTo("F-22922r811173_fix");
    assertThat(r.fix().script()).contains("Set-SendConnector");
    assertThat(r.status()).isEqualTo(Status.ACCEPTED);
    assertThat(r.check().text())
        .startsWith("Open the Exchange Management Shell")
        .contains("Get-SendConnector | Select Name, Identity, DomainSecureEnabled, DNSRoutingEnabled, RequireTLS, TlsAuthLevel \n")
        .endsWith("this is a finding.\n");
    assertThat(r.description().vulnDiscussion()).contains("adds protection by encrypting").endsWith("between servers.");
  }

  @Test
  void keepsSupersededRevisionsLinkedToTheirSuccessor() throws Exception {
    Benchmark b = ContentLoader.load(Content.edge());
    List<Rule> revisions = b.rules().stream().filter(r -> r.vulnId().equals("V-221218")).toList();
    assertThat(revisions).extracting(r -> r.ruleId().toString())
        .containsExactly("SV-221218r879636_rule", "SV-221218r811174_rule", "SV-221218r612603_rule");

    Rule seed = b.rule(RuleId.parse("SV-221218r811174_rule")).orElseThrow();
    assertThat(seed.status()).isEqualTo(Status.DEPRECATED);
    assertThat(seed.supersededBy()).hasToString("SV-221218r879636_rule");
    assertThat(seed.check().text()).isEqualTo(revisions.get(0).check().text());
    assertThat(seed.automated()).isNull();

    Rule oldest = b.rule(RuleId.parse("SV-221218r612603_rule")).orElseThrow();
    assertThat(oldest.supersededBy()).hasToString("SV-221218r811174_rule");
    assertThat(oldest.check().id()).isEqualTo("C-22933r411780_chk");
    assertThat(oldest.check().text()).doesNotContain("smarthost").contains("DomainSecureEnabled");
    assertThat(oldest.statusDate()).isEqualTo(LocalDate.of(2020, 12, 10));
  }

  @Test
  void readsTheAutomatedCheckAsTwoBranches() throws Exception {
    AutomatedCheck c = ContentLoader.load(Content.edge()).currentRuleForStigId("EX16-ED-000170").orElseThrow().automated();
    assertThat(c.query().cmdlet()).isEqualTo("Get-SendConnector");
    assertThat(c.whenNone()).isEqualTo(AutomatedCheck.Verdict.PASS);
    assertThat(c.branches()).hasSize(2);
    assertThat(c.branches().get(0).when()).singleElement()
        .satisfies(w -> assertThat(w.operation()).isEqualTo(Operation.PATTERN_MATCH));
    assertThat(c.branches().get(0).require()).extracting(rq -> rq.property() + "=" + rq.value())
        .containsExactly("DNSRoutingEnabled=false", "RequireTLS=true", "TlsAuthLevel=DomainValidation");
    assertThat(c.branches().get(1).otherwise()).isTrue();
    assertThat(c.branches().get(1).require()).extracting(rq -> rq.property() + "=" + rq.value())
        .containsExactly("DomainSecureEnabled=true");
    assertThat(c.selectedProperties()).startsWith("Name").contains("Identity", "SmartHostsString", "DomainSecureEnabled");
  }

  private Path ruleFile(Path content) {
    return content.resolve("exchange-2016-edge/rules/EX16-ED-000170/rule.yaml");
  }

  private void edit(Path file, String from, String to) throws IOException {
    String s = Files.readString(file);
    assertThat(s).contains(from);
    Files.writeString(file, s.replace(from, to));
  }

  @Test
  void unknownFieldNamesFileLineAndField() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(ruleFile(content), "severity: medium\n", "severity: medium\nseverty: high\n");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .isInstanceOf(ContentException.class)
        .hasMessageMatching(".*rule\\.yaml:7: field 'severty': unknown field .*");
  }

  @Test
  void malformedYamlNamesTheLine() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(ruleFile(content), "srg: SRG-APP-000219\n", "srg: [SRG-APP-000219\n");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageContaining("rule.yaml:").hasMessageContaining("not valid YAML");
  }

  @Test
  void missingRequiredFieldIsNamed() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(ruleFile(content), "srg: SRG-APP-000219\n", "");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageMatching(".*rule\\.yaml:\\d+: field 'srg': missing \\(required\\)");
  }

  @Test
  void badSeverityIsNamed() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(ruleFile(content), "severity: medium\n", "severity: catastrophic\n");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageMatching(".*rule\\.yaml:6: field 'severity': unknown severity 'catastrophic'.*");
  }

  @Test
  void duplicateRuleIdAcrossFilesIsAnError() throws Exception {
    Path content = Content.copyTo(tmp);
    Path copy = content.resolve("exchange-2016-edge/rules/EX16-ED-000171");
    Content.copyTree(ruleFile(content).getParent(), copy);
    edit(copy.resolve("rule.yaml"), "stig_id: EX16-ED-000170", "stig_id: EX16-ED-000171");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageContaining("EX16-ED-000171/rule.yaml").hasMessageContaining("duplicate SV-221218r879636_rule");
  }

  @Test
  void cciMissingFromTheTableIsAnError() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(ruleFile(content), "ccis: [CCI-001184]", "ccis: [CCI-001184, CCI-999999]");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageMatching(".*rule\\.yaml:\\d+: field 'ccis\\[1\\]': CCI-999999 is not in cci.yaml");
  }

  @Test
  void brokenCheckReferenceIsAnError() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(ruleFile(content), "DomainSecureEnabled: true\n", "DomainSecureEnabled: {operation: equals, value_ref: no_such_value}\n");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageContaining("value_ref': no benchmark value 'no_such_value'");
  }

  @Test
  void historyMustGoFromNewerToOlder() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(ruleFile(content), "  - rule_id: SV-221218r811174_rule", "  - rule_id: SV-221218r999999_rule");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageContaining("must be an older revision");
  }

  @Test
  void profileSelectingAnUnknownGroupIsAnError() throws Exception {
    Path content = Content.copyTo(tmp);
    edit(content.resolve("exchange-2016-edge/benchmark.yaml"), "selects every rule.', select: all}",
        "selects every rule.', select: [V-1]}");
    assertThatThrownBy(() -> ContentLoader.load(content.resolve("exchange-2016-edge")))
        .hasMessageContaining("benchmark.yaml:").hasMessageContaining("profile selects V-1, which no rule has");
  }
}
