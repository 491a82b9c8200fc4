package dev.stigsmith.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecklistRoundTripTest {
  @TempDir Path dir;

  private Path write(Checklist c, String ext) {
    Path f = dir.resolve("c." + ext);
    if (ext.equals("ckl")) new CklWriter("stigsmith test").write(c, f);
    else new CklbWriter().write(c, f);
    return f;
  }

  /** The V2R4 checklist an assessor finished by hand: manual rules answered, one severity lowered. */
  private static Checklist handFinished(Benchmark r4) {
    Checklist c = Checklist.from(Fixtures.testResult(r4));
    List<Checklist.Entry> e = new ArrayList<>(c.entries());
    e.set(0, e.get(0).withComments("Ticket 4711 opened to fix the Internet connector.")
        .withSeverityOverride(Severity.LOW, "Only relays to the DMZ."));
    e.set(1, e.get(1).withComments("Hand note on 180: verified by <ISSO> & team.").withFindingDetails("Looked at the console."));
    e.set(2, e.get(2).withStatus(ChecklistStatus.NOT_A_FINDING).withFindingDetails("Screenshot in SharePoint.")
        .withComments("Hand note on 190."));
    return new Checklist(c.benchmark(), c.target(), e);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ckl", "cklb"})
  void writeThenReadGivesSameStatusesDetailsAndComments(String ext) throws Exception {
    Checklist c = handFinished(Fixtures.benchmark(5));
    ChecklistData d = ChecklistReader.read(write(c, ext));
    assertThat(d.format().name()).isEqualToIgnoringCase(ext);
    assertThat(d.hostName()).isEqualTo("EDGE01");
    ChecklistData.Stig s = d.stig("MS_Exchange_2016_Edge_Transport_Server_STIG").orElseThrow();
    assertThat(s.releaseInfo()).isEqualTo("Release: 5 Benchmark Date: 24 Jan 2024");
    assertThat(s.rules()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Checklist.Entry want = c.entries().get(i);
      ChecklistData.RuleEntry got = s.rules().get(i);
      assertThat(got.ruleId()).isEqualTo(want.rule().ruleId().toString());
      assertThat(got.vulnId()).isEqualTo(want.rule().vulnId());
      assertThat(got.stigId()).isEqualTo(want.rule().stigId());
      assertThat(got.status()).isEqualTo(want.status());
      assertThat(got.findingDetails()).isEqualTo(want.findingDetails());
      assertThat(got.comments()).isEqualTo(want.comments());
      assertThat(got.severityOverride()).isEqualTo(want.severityOverride());
      assertThat(got.severityJustification()).isEqualTo(want.severityJustification());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ckl", "cklb"})
  void mergeIntoNewerReleaseWithBumpedRevisionsKeepsEveryComment(String ext) throws Exception {
    ChecklistData old = ChecklistReader.read(write(handFinished(Fixtures.benchmark(4)), ext));
    Checklist fresh = Checklist.from(Fixtures.testResult(Fixtures.benchmark(5)));

    ChecklistMerge.Result m = ChecklistMerge.merge(old, fresh);
    List<Checklist.Entry> e = m.checklist().entries();

    assertThat(e.get(0).comments()).isEqualTo("Ticket 4711 opened to fix the Internet connector.");
    assertThat(e.get(0).status()).as("the tool's verdict wins").isEqualTo(ChecklistStatus.OPEN);
    assertThat(e.get(0).findingDetails()).startsWith("Send connector 'Internet'");
    assertThat(e.get(0).severityOverride()).isEqualTo(Severity.LOW);
    assertThat(e.get(1).comments()).startsWith("Hand note on 180: verified by <ISSO> & team.")
        .contains("Checked with the site admin.");
    assertThat(e.get(1).findingDetails()).isEqualTo("Looked at the console.");
    assertThat(e.get(1).status()).as("answered by the new override").isEqualTo(ChecklistStatus.NOT_APPLICABLE);
    assertThat(e.get(2).comments()).isEqualTo("Hand note on 190.");
    assertThat(e.get(2).status()).isEqualTo(ChecklistStatus.NOT_A_FINDING);
    assertThat(e.get(2).findingDetails()).isEqualTo("Screenshot in SharePoint.");
    assertThat(e).extracting(x -> x.rule().ruleId().revision()).containsExactly("500", "501", "502");
    assertThat(m.notes()).containsExactly(
        "EX16-ED-000170: previous SV-221218r400_rule matched SV-221218r500_rule by Vuln ID V-221218",
        "EX16-ED-000180: previous SV-221219r401_rule matched SV-221219r501_rule by Vuln ID V-221219",
        "EX16-ED-000190: previous SV-221220r402_rule matched SV-221220r502_rule by Vuln ID V-221220");

    // Merging the merged result again changes nothing: comments are not duplicated.
    Path again = write(m.checklist(), ext);
    ChecklistMerge.Result m2 = ChecklistMerge.merge(ChecklistReader.read(again), fresh);
    assertThat(m2.checklist()).isEqualTo(m.checklist());
    assertThat(m2.notes()).isEmpty();
  }

  @Test
  void mergingAChecklistOfAnotherStigIsAClearError() throws Exception {
    Path f = dir.resolve("other.ckl");
    Files.writeString(f, Files.readString(write(handFinished(Fixtures.benchmark(5)), "ckl"))
        .replace("MS_Exchange_2016_Edge_Transport_Server_STIG", "MS_Windows_Server_2019_STIG"));
    ChecklistData other = ChecklistReader.read(f);
    assertThatThrownBy(() -> ChecklistMerge.merge(other, Checklist.from(Fixtures.testResult(Fixtures.benchmark(5)))))
        .isInstanceOf(ChecklistInputException.class)
        .hasMessage(f + ": is a checklist of MS_Windows_Server_2019_STIG, not of MS_Exchange_2016_Edge_Transport_Server_STIG:"
            + " cannot merge checklists of different STIGs");
  }

  @Test
  void badInputIsOneLineNamingTheFile() throws Exception {
    Path bad = dir.resolve("bad.cklb");
    Files.writeString(bad, "{\"stigs\": [ {\"stig_id\": \"X\", \"rules\": [ {\"rule_id_src\": \"SV-1r1_rule\", \"status\": \"done\"} ]} ]}");
    assertThatThrownBy(() -> ChecklistReader.read(bad)).isInstanceOf(ChecklistInputException.class)
        .hasMessageStartingWith(bad + ": $.stigs[0].rules[0].status: unknown checklist status 'done'");
    Path xml = dir.resolve("bad.ckl");
    Files.writeString(xml, "<CHECKLIST><ASSET>\n</CHECKLIST>");
    assertThatThrownBy(() -> ChecklistReader.read(xml)).isInstanceOf(ChecklistInputException.class)
        .hasMessageStartingWith(xml + ":2:");
    Path dtd = dir.resolve("xxe.ckl");
    Files.writeString(dtd, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CHECKLIST>&e;</CHECKLIST>");
    assertThatThrownBy(() -> ChecklistReader.read(dtd)).isInstanceOf(ChecklistInputException.class)
        .hasMessageContaining("DOCTYPE");
  }
}
