package dev.stigsmith.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerFileTest {
  @TempDir Path dir;

  private final TestResult tr = Fixtures.testResult(Fixtures.benchmark(5));

  private Path file(String yaml) throws Exception {
    Path f = dir.resolve("answers.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void appliesCommentsAndOverridesKeepingTheToolsVerdict() throws Exception {
    AnswerFile a = AnswerFile.load(file("""
        answers:
          EX16-ED-000170:
            - hosts: ["web*"]
              comment: not this host
            - hosts: "edge0?"
              expected_status: fail
              status: Not_Applicable
              justification: Connector is disabled.
              authority: ISSM
          V-221220:
            comment: Reviewed quarterly.
          EX16-ED-999999:
            comment: typo
          V-1:
            comment: another typo
        """));
    AnswerFile.Applied applied = a.apply(tr);
    assertThat(applied.warnings()).containsExactly(
        a.file() + ":13: answer for EX16-ED-999999 names no rule of MS_Exchange_2016_Edge_Transport_Server_STIG V2R5",
        a.file() + ":15: answer for V-1 names no rule of MS_Exchange_2016_Edge_Transport_Server_STIG V2R5");
    assertThat(applied.skipped()).isEmpty();
    var results = applied.result().ruleResults();
    assertThat(results).hasSize(3);
    RuleResult r170 = results.get(0);
    assertThat(r170.result()).isEqualTo(ResultType.FAIL);
    assertThat(r170.effectiveResult()).isEqualTo(ResultType.NOTAPPLICABLE);
    assertThat(r170.override().authority()).isEqualTo("ISSM");
    assertThat(r170.override().remark()).isEqualTo("Connector is disabled.");
    assertThat(r170.evidence()).hasSize(2);
    assertThat(results.get(1)).isEqualTo(tr.ruleResults().get(1));
    RuleResult r190 = results.get(2);
    assertThat(r190.rule().stigId()).isEqualTo("EX16-ED-000190");
    assertThat(r190.result()).isEqualTo(ResultType.NOTCHECKED);
    assertThat(r190.comment()).isEqualTo("Reviewed quarterly.");
    assertThat(Checklist.from(applied.result()).entries().get(0).status()).isEqualTo(ChecklistStatus.NOT_APPLICABLE);
  }

  @Test
  void guardThatDoesNotHoldLeavesTheResultAlone() throws Exception {
    AnswerFile a = AnswerFile.load(file("""
        answers:
          EX16-ED-000170:
            expected_status: pass
            status: notapplicable
            justification: only if it passed
        """));
    AnswerFile.Applied applied = a.apply(tr);
    assertThat(applied.result().ruleResults().get(0)).isEqualTo(tr.ruleResults().get(0));
    assertThat(applied.skipped()).containsExactly(
        a.file() + ":3: EX16-ED-000170: not applied: the tool said fail, the answer expects pass");
  }

  @Test
  void unknownKeyIsAnErrorWithFileAndLine() throws Exception {
    Path f = file("""
        answers:
          EX16-ED-000170:
            comment: fine
            stauts: pass
        """);
    assertThatThrownBy(() -> AnswerFile.load(f)).isInstanceOf(ContentException.class)
        .hasMessageStartingWith(f + ":4: field 'answers.EX16-ED-000170.stauts': unknown field");
  }

  @Test
  void statusNeedsJustificationAndAKnownValue() throws Exception {
    Path f = file("answers:\n  V-221218:\n    status: pass\n");
    assertThatThrownBy(() -> AnswerFile.load(f)).isInstanceOf(ContentException.class)
        .hasMessage(f + ":3: field 'answers.V-221218.status': an overriding status needs a justification");
    Path g = file("answers:\n  V-221218:\n    status: done\n    justification: x\n");
    assertThatThrownBy(() -> AnswerFile.load(g)).isInstanceOf(ContentException.class)
        .hasMessageStartingWith(g + ":3: field 'answers.V-221218.status': unknown status 'done'");
  }
}
