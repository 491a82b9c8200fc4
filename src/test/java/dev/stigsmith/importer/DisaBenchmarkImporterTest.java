package dev.stigsmith.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Cci;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.Severity;
import dev.stigsmith.model.Status;
import dev.stigsmith.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisaBenchmarkImporterTest {
  static final Map<String, Cci> KNOWN = Map.of("CCI-001184", new Cci("CCI-001184", List.of("SC-23"), "authenticity"));

  @Test
  void readsBenchmarkMetadataAndProfiles() throws Exception {
    DisaBenchmarkImporter.Result res = DisaBenchmarkImporter.read(Fixtures.resource("disa/small-stig.xml"), KNOWN);
    Benchmark b = res.benchmark();
    assertThat(b.id()).isEqualTo("Example_Widget_Server_STIG");
    assertThat(b.title()).isEqualTo("Example Widget Server Security Technical Implementation Guide");
    assertThat(b.description()).isEqualTo("A small STIG written for stigsmith's tests.");
    assertThat(b.version()).isEqualTo("1");
    assertThat(b.release()).isEqualTo(3);
    assertThat(b.benchmarkDate()).isEqualTo(LocalDate.of(2024, 4, 5));
    assertThat(b.status()).isEqualTo(Status.ACCEPTED);
    assertThat(b.statusDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(b.notice()).isEqualTo("terms-of-use");
    assertThat(b.source()).isEqualTo("STIG.DOD.MIL");
    assertThat(b.reference().identifier()).isEqualTo("9999");
    assertThat(b.reference().title()).isEqualTo("DPMS Target Example Widget Server");
    assertThat(b.platform()).isNull();
    assertThat(b.profiles()).containsExactly(
        new Profile("MAC-1_Classified", "I - Mission Critical Classified", "", List.of("V-1001", "V-1002", "V-1010")),
        new Profile("MAC-3_Public", "III - Administrative Public", "Only the high one", List.of("V-1001")));
    assertThat(b.rules()).extracting(Rule::vulnId).containsExactly("V-1001", "V-1002", "V-1010");
  }

  @Test
  void readsEveryRuleFieldKeepingOddTextExact() throws Exception {
    Benchmark b = DisaBenchmarkImporter.read(Fixtures.resource("disa/small-stig.xml"), KNOWN).benchmark();
    Rule high = b.rules().get(0);
    assertThat(high.ruleId().toString()).isEqualTo("SV-1001r100_rule");
    assertThat(high.stigId()).isEqualTo("WDGT-00-000010");
    assertThat(high.srg()).isEqualTo("SRG-APP-000001");
    assertThat(high.severity()).isEqualTo(Severity.HIGH);
    assertThat(high.weight()).isEqualTo("10.0");
    assertThat(high.title()).isEqualTo("The widget server must limit sessions & connections to <= 10.");
    assertThat(high.ccis()).containsExactly("CCI-000054", "CCI-001184", "CCI-002385");
    assertThat(high.legacyIds()).isEmpty();
    assertThat(high.description().vulnDiscussion()).isEqualTo("Too many sessions exhaust the server.\n\n"
        + "Limits like \"MaxSessions < 11\" & \"MaxConn <= 10\" apply; a <b>bold</b> claim and a stray </Foo> stay as text.  ");
    assertThat(high.description().falsePositives()).isEqualTo("None known.");
    assertThat(high.description().mitigations()).isEqualTo("Use a proxy: it caps sessions.");
    assertThat(high.description().responsibility()).isEqualTo("System Administrator");
    assertThat(high.description().iaControls()).isEqualTo("ECLO-1");
    assertThat(high.description().falseNegatives()).isEmpty();
    assertThat(high.check().id()).isEqualTo("C-1001r98_chk");
    assertThat(high.check().text()).isEqualTo("Run Get-Widget.\n\nIf \"MaxSessions\" is greater than 10, this is a finding.\n");
    assertThat(high.fix().id()).isEqualTo("F-1001r99_fix");
    assertThat(high.fix().text()).isEqualTo("Run:\n\nSet-Widget -MaxSessions 10\t# tab before this comment\n\nDone.");
    assertThat(high.fix().script()).isNull();
    assertThat(high.status()).isEqualTo(Status.ACCEPTED);
    assertThat(high.release()).isEqualTo("V1R3");
    assertThat(high.automated()).isNull();

    Rule low = b.rules().get(1);
    assertThat(low.severity()).isEqualTo(Severity.LOW);
    assertThat(low.title()).isEqualTo("The widget server must display the “Standard Mandatory DoD Notice” — façade test ✓.");
    assertThat(low.description().documentable()).isEqualTo("false");
    assertThat(low.check().text()).isEqualTo("  Indented first line.\nTrailing blank lines follow.\n\n\n");

    Rule medium = b.rules().get(2);
    assertThat(medium.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(medium.ruleId().revision()).isEqualTo("1234567");
    assertThat(medium.legacyIds()).containsExactly("SV-555", "V-444");
    assertThat(medium.description().documentable()).isEqualTo("true");
    assertThat(medium.check().text()).isEqualTo("null");
  }

  @Test
  void citedCcisMissingFromTheTableAreCreatedEmptyAndReported() throws Exception {
    DisaBenchmarkImporter.Result res = DisaBenchmarkImporter.read(Fixtures.resource("disa/small-stig.xml"), KNOWN);
    assertThat(res.unknownCcis()).containsExactly("CCI-000048", "CCI-000054", "CCI-002385");
    assertThat(res.benchmark().ccis()).containsOnlyKeys("CCI-000048", "CCI-000054", "CCI-001184", "CCI-002385");
    assertThat(res.benchmark().ccis().get("CCI-001184").nistControls()).containsExactly("SC-23");
    assertThat(res.benchmark().ccis().get("CCI-000054").nistControls()).isEmpty();
  }

  @Test
  void acceptsTheOlderCciSystemAndFullMonthNames() throws Exception {
    DisaBenchmarkImporter.Result res = DisaBenchmarkImporter.read(Fixtures.resource("disa/legacy-system-stig.xml"), KNOWN);
    Benchmark b = res.benchmark();
    assertThat(res.unknownCcis()).isEmpty();
    assertThat(b.release()).isEqualTo(12);
    assertThat(b.version()).isEqualTo("4");
    assertThat(b.benchmarkDate()).isEqualTo(LocalDate.of(2019, 7, 26));
    Rule r = b.rules().get(0);
    assertThat(r.ccis()).containsExactly("CCI-001184");
    assertThat(r.ruleId().toString()).isEqualTo("SV-95227r1_rule");
    assertThat(r.release()).isEqualTo("V4R12");
  }

  static Path write(Path dir, String name, String xml) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, xml);
    return f;
  }

  static final String HEAD = "<?xml version=\"1.0\"?>\n<Benchmark xmlns=\"http://checklists.nist.gov/xccdf/1.1\" id=\"X\">\n"
      + "<status date=\"2024-01-01\">accepted</status><title>T</title>\n"
      + "<plain-text id=\"release-info\">Release: 1 Benchmark Date: 01 Jan 2024</plain-text><version>1</version>\n";

  static String group(String vuln, String rule, String stig) {
    return "<Group id=\"" + vuln + "\"><title>SRG-APP-000001</title>\n<Rule id=\"" + rule + "\" severity=\"medium\" weight=\"10.0\">"
        + "<version>" + stig + "</version><title>t</title><description>&lt;VulnDiscussion&gt;d&lt;/VulnDiscussion&gt;</description>"
        + "<fixtext fixref=\"F-1r1_fix\">f</fixtext><fix id=\"F-1r1_fix\"/><check system=\"C-1r1_chk\"><check-content>c</check-content></check></Rule></Group>\n";
  }

  @Test
  void rejectsOtherXccdfVersions(@TempDir Path dir) throws Exception {
    Path f = write(dir, "x12.xml", HEAD.replace("xccdf/1.1", "xccdf/1.2") + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(f)).isInstanceOf(ImportException.class)
        .hasMessageStartingWith(f + ":2: ").hasMessageContaining("XCCDF 1.1").hasMessageNotContaining("\n");
  }

  @Test
  void rejectsFilesWithoutGroups(@TempDir Path dir) throws Exception {
    Path f = write(dir, "empty.xml", HEAD + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(f)).hasMessageStartingWith(f + ":2: ").hasMessageContaining("no Group");
  }

  @Test
  void rejectsDuplicateIdsNamingBothLines(@TempDir Path dir) throws Exception {
    Path f = write(dir, "dup.xml", HEAD + group("V-1", "SV-1r1_rule", "A-1") + group("V-1", "SV-2r1_rule", "A-2") + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(f)).hasMessage(f + ":7: duplicate Vuln ID V-1 (first at line 5)");
    Path g = write(dir, "dup2.xml", HEAD + group("V-1", "SV-1r1_rule", "A-1") + group("V-2", "SV-2r1_rule", "A-1") + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(g)).hasMessage(g + ":8: duplicate STIG ID A-1 (first at line 6)");
  }

  @Test
  void rejectsMalformedXmlAndDoctypes(@TempDir Path dir) throws Exception {
    Path f = write(dir, "bad.xml", HEAD + "<Group id=\"V-1\">\n</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(f)).hasMessageStartingWith(f + ":6").hasMessageContaining("not well-formed");
    Path d = write(dir, "dtd.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE Benchmark [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Benchmark>&x;</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(d)).isInstanceOf(ImportException.class).hasMessageStartingWith(d.toString());
  }

  @Test
  void rejectsBadRuleIdsAndMissingReleaseInfo(@TempDir Path dir) throws Exception {
    Path f = write(dir, "rid.xml", HEAD + group("V-1", "R-1", "A-1") + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(f)).hasMessageStartingWith(f + ":6: Rule id: ");
    Path g = write(dir, "ri.xml", HEAD.replace("Release: 1 Benchmark Date: 01 Jan 2024", "Version 1") + group("V-1", "SV-1r1_rule", "A-1") + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(g)).hasMessageContaining("release-info 'Version 1'");
  }

  @Test
  void rejectsVulnIdsWhoseNumberNoOvalIdCanCarry(@TempDir Path dir) throws Exception {
    // Found by the fuzzer: a number beyond a long failed the sort by Vuln number with a NumberFormatException.
    Path f = write(dir, "long.xml", HEAD + group("V-10222222222222222202", "SV-1r1_rule", "A-1") + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(f)).isInstanceOf(ImportException.class)
        .hasMessage(f + ":5: Group id 'V-10222222222222222202' is not a Vuln ID (" + Rule.VULN_ID_FORM + ")");
    Path z = write(dir, "zero.xml", HEAD + group("V-0", "SV-1r1_rule", "A-1") + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(z)).isInstanceOf(ImportException.class)
        .hasMessageContaining("'V-0' is not a Vuln ID");
    Path ok = write(dir, "most.xml", HEAD + group("V-9999999999999999", "SV-1r99999999999999999999_rule", "A-1") + "</Benchmark>");
    assertThat(DisaBenchmarkImporter.read(ok).rules().get(0).vulnNumber()).isEqualTo(9_999_999_999_999_999L);
  }

  @Test
  void rejectsAReleaseNumberNoIntHolds(@TempDir Path dir) throws Exception {
    Path f = write(dir, "release.xml", HEAD.replace("Release: 1 ", "Release: 99999999999 ") + group("V-1", "SV-1r1_rule", "A-1")
        + "</Benchmark>");
    assertThatThrownBy(() -> DisaBenchmarkImporter.read(f)).isInstanceOf(ImportException.class)
        .hasMessageStartingWith(f + ":4: ").hasMessageContaining("release 99999999999 is not a release number");
  }
}
