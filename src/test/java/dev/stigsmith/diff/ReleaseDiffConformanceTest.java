package dev.stigsmith.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DISA's V2R5 against a copy modified here: the diff reports exactly the modifications. */
@Tag("conformance")
class ReleaseDiffConformanceTest {
  @Test
  void v2r5AgainstAModifiedCopy(@TempDir Path tmp) throws Exception {
    String xml = Files.readString(Fixtures.disaV2R5());
    String changed = xml
        .replace("SV-221218r879636_rule", "SV-221218r900000_rule")
        .replace("For each send connector: ", "For every send connector: ")
        .replace("<Rule id=\"SV-221203r879530_rule\" weight=\"10.0\" severity=\"medium\">",
            "<Rule id=\"SV-221203r879530_rule\" weight=\"10.0\" severity=\"high\">")
        .replaceAll("(?s)(<Group id=\"V-221204\">.*?)<ident system=\"http://cyber.mil/cci\">CCI-\\d+</ident>",
            "$1<ident system=\"http://cyber.mil/cci\">CCI-000366</ident>")
        .replaceAll("(?s)<Group id=\"V-221270\">.*?</Group>", "")
        .replace("<select idref=\"V-221270\" selected=\"true\" />", "");
    assertThat(changed.contains("V-221270")).isFalse();
    Path modified = tmp.resolve("modified.xml");
    Files.writeString(modified, changed);

    ReleaseDiff d = ReleaseDiff.compare(ReleaseDiff.load(Fixtures.disaV2R5()), ReleaseDiff.load(modified));
    assertThat(d.added()).isEmpty();
    assertThat(d.removed()).extracting(ReleaseDiff.RuleRef::vulnId).containsExactly("V-221270");
    assertThat(d.changed()).extracting(ReleaseDiff.RuleChange::vulnId).containsExactly("V-221203", "V-221204", "V-221218");
    assertThat(d.changed().get(0).fields()).extracting(ReleaseDiff.FieldChange::field).containsExactly("severity");
    assertThat(d.changed().get(1).fields()).extracting(ReleaseDiff.FieldChange::field).containsExactly("CCIs");
    assertThat(d.changed().get(1).fields().get(0).words()).endsWith("added CCI-000366");
    ReleaseDiff.RuleChange r170 = d.changed().get(2);
    assertThat(r170.revisionBumped()).isTrue();
    assertThat(r170.newRuleId()).isEqualTo("SV-221218r900000_rule");
    assertThat(r170.fields()).extracting(ReleaseDiff.FieldChange::field).containsExactly("check");
    assertThat(r170.fields().get(0).words()).contains("[-each-] {+every+} send connector:");
    assertThat(d.affectedAutomated()).isEmpty();

    // Through the CLI, against our content: the automated EX16-ED-000170 is affected.
    StringWriter out = new StringWriter();
    int code = dev.stigsmith.cli.StigsmithCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
        "diff", Fixtures.content().resolve("exchange-2016-edge").toString(), modified.toString(), "--format", "markdown");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("## Automated checks affected\n\n- EX16-ED-000170\n");
  }
}
