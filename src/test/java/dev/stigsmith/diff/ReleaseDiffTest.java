package dev.stigsmith.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDiffTest {
  @Test
  void wordDiffMarksOnlyWhatChanged() {
    assertThat(WordDiff.marked("If the value is not True, this is a finding.", "If the value is not set to True, this is a finding."))
        .isEqualTo("If the value is not {+set to+} True, this is a finding.");
    assertThat(WordDiff.changes("a b c d e f g h i j", "a b c d e X g h i j")).isEqualTo("b c d e [-f-] {+X+} g h i j");
    assertThat(WordDiff.changes("one two three four five six seven eight nine ten eleven twelve", "one two three four five 6 seven eight nine ten eleven 12"))
        .isEqualTo("two three four five [-six-] {+6+} seven eight nine ten eleven [-twelve-] {+12+}");
    assertThat(WordDiff.changes("same  text", "same text")).isEmpty();
  }

  @Test
  void reportsExactlyTheModifications(@TempDir Path tmp) throws Exception {
    String xml = Files.readString(Fixtures.resource("disa/small-stig.xml"));
    String modified = xml
        // V-1001: revision bump and a changed check sentence
        .replace("SV-1001r100_rule", "SV-1001r101_rule")
        .replace("is greater than 10, this is a finding.", "is greater than 8, this is a finding.")
        // V-1002: severity low → medium and one CCI replaced
        .replace("<Rule id=\"SV-1002r7_rule\" weight=\"10.0\" severity=\"low\">", "<Rule id=\"SV-1002r7_rule\" weight=\"10.0\" severity=\"medium\">")
        .replace("CCI-000048", "CCI-000050")
        // V-1010 removed
        .replaceAll("(?s)<Group id=\"V-1010\">.*?</Group>", "")
        .replace("<select idref=\"V-1010\" selected=\"true\" />", "")
        // V-1020 added
        .replace("</Benchmark>", "<Group id=\"V-1020\"><title>SRG-APP-000020</title><Rule id=\"SV-1020r1_rule\" severity=\"low\" weight=\"10.0\">"
            + "<version>WDGT-00-000200</version><title>New rule.</title><description>&lt;VulnDiscussion&gt;n&lt;/VulnDiscussion&gt;</description>"
            + "<fixtext fixref=\"F-1020r1_fix\">f</fixtext><fix id=\"F-1020r1_fix\"/><check system=\"C-1020r1_chk\"><check-content>c</check-content></check></Rule></Group></Benchmark>");
    Path newFile = tmp.resolve("new.xml");
    Files.writeString(newFile, modified);

    ReleaseDiff d = ReleaseDiff.compare(ReleaseDiff.load(Fixtures.resource("disa/small-stig.xml")), ReleaseDiff.load(newFile));
    assertThat(d.added()).extracting(ReleaseDiff.RuleRef::vulnId).containsExactly("V-1020");
    assertThat(d.removed()).extracting(ReleaseDiff.RuleRef::vulnId).containsExactly("V-1010");
    assertThat(d.changed()).hasSize(2);
    ReleaseDiff.RuleChange c1 = d.changed().get(0);
    assertThat(c1.vulnId()).isEqualTo("V-1001");
    assertThat(c1.revisionBumped()).isTrue();
    assertThat(c1.fields()).extracting(ReleaseDiff.FieldChange::field).containsExactly("check");
    assertThat(c1.fields().get(0).words()).isEqualTo("\"MaxSessions\" is greater than [-10,-] {+8,+} this is a finding.");
    ReleaseDiff.RuleChange c2 = d.changed().get(1);
    assertThat(c2.revisionBumped()).isFalse();
    assertThat(c2.fields()).extracting(ReleaseDiff.FieldChange::field).containsExactly("severity", "CCIs");
    assertThat(c2.fields().get(1).words()).isEqualTo("removed CCI-000048; added CCI-000050");
    assertThat(d.affectedAutomated()).isEmpty();

    String text = DiffFormat.TEXT.render(d);
    assertThat(text).contains("1 added, 1 removed, 2 changed (0 automated check(s) affected)")
        .contains("changed WDGT-00-000010 V-1001 SV-1001r100_rule → SV-1001r101_rule")
        .contains("    severity: low → medium");
    assertThat(DiffFormat.MARKDOWN.render(d)).contains("## Added").contains("### WDGT-00-000010 (V-1001)");
    JsonNode json = new ObjectMapper().readTree(DiffFormat.JSON.render(d));
    assertThat(json.get("added").get(0).get("vulnId").asText()).isEqualTo("V-1020");
    assertThat(json.get("changed").get(0).get("fields").get(0).get("field").asText()).isEqualTo("check");
    assertThat(json.has("empty")).isFalse();
    assertThat(json.get("affected_automated")).isEmpty();
  }

  @Test
  void automatedRulesWhoseTextChangedAreFlagged(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyOneRuleContent(tmp.resolve("content"));
    ReleaseDiff d = ReleaseDiff.compare(ReleaseDiff.load(content), ReleaseDiff.load(Fixtures.resource("disa/edge-next-release.xml")));
    assertThat(d.added()).extracting(ReleaseDiff.RuleRef::vulnId).containsExactly("V-300001");
    assertThat(d.removed()).isEmpty();
    assertThat(d.affectedAutomated()).extracting(ReleaseDiff.RuleChange::stigId).containsExactly("EX16-ED-000170");
    assertThat(d.changed().get(0).fields().get(0).words())
        .isEqualTo("If the send connector [-does use-] {+uses+} a [-smarthost,-] {+smart host,+} \"DomainSecureEnabled\" will be [-set to-] \"False\". If the send");
    assertThat(DiffFormat.TEXT.render(d)).contains("[automated check affected]");
    assertThat(ContentLoader.load(content.resolve("exchange-2016-edge"))).isNotNull();
  }
}
