package dev.stigsmith.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.cli.StigsmithCommand;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.testing.Content;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Vuln ID's number becomes OVAL ids (its own, its parts' one digit longer, their tests' two more), so
 * the longest numbers a rule can have are those whose ids still fit; anything longer is refused at the
 * rule with one line, never an overflow or a crash later (the fuzzer found one in the DISA importer).
 */
class VulnIdRangeTest {
  @TempDir Path tmp;

  private static final String ALL_OF = LanguageConstructsTest.CHECKS.get("EX16-ED-000540");

  /** generate on a one-rule content folder: EX16-ED-000540 with {@code vulnId} and the given check. */
  private int generate(String vulnId, String check, StringWriter err) throws Exception {
    Path bench = tmp.resolve("content/exchange-2016-edge");
    Path rule = bench.resolve("rules/EX16-ED-000540/rule.yaml");
    Files.createDirectories(rule.getParent());
    Files.copy(Content.root().resolve("cci.yaml"), tmp.resolve("content/cci.yaml"));
    Files.copy(Content.edge().resolve("benchmark.yaml"), bench.resolve("benchmark.yaml"));
    Files.writeString(rule, LanguageConstructsTest.withoutCheck(Content.edge().resolve("rules/EX16-ED-000540/rule.yaml"))
        .replace("vuln_id: V-221250", "vuln_id: " + vulnId) + "\n" + check);
    return StigsmithCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "generate", "--content", tmp.resolve("content").toString(), "--out", tmp.resolve("out").toString());
  }

  private String oval() throws Exception {
    try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
      return Files.readString(files.filter(p -> p.toString().endsWith("-oval.xml")
          && !p.toString().endsWith("-cpe-oval.xml")).findFirst().orElseThrow());
    }
  }

  @Test
  void theLongestNumberWithPartsGivesEveryOvalIdInFull() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(generate("V-999999999999999", ALL_OF, err)).as(err.toString()).isZero();
    String oval = oval();
    assertThat(oval).contains(":def:999999999999999\"", ":def:9999999999999991\"", ":def:9999999999999992\"",
        ":obj:999999999999999101\"", ":tst:999999999999999270\"").doesNotContain(":-");
  }

  @Test
  void oneDigitMoreWithPartsIsRefusedInOneLine() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(generate("V-9999999999999999", ALL_OF, err)).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("rule.yaml:", "'V-9999999999999999'", "at most 15 digits");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void aNumberBeyondSixteenDigitsIsRefusedInOneLine() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(generate("V-10222222222222222202", "manual_reason: \"pending: not yet\"\n", err)).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").contains("rule.yaml:", "'V-10222222222222222202' is not a Vuln ID");
  }

  @Test
  void revisionsCompareByTheirNumbersHoweverLong() {
    RuleId a = RuleId.parse("SV-1r99999999999999999999_rule");
    RuleId b = RuleId.parse("SV-1r100000000000000000000_rule");
    assertThat(a.compareTo(b)).isNegative();
    assertThat(b.compareTo(a)).isPositive();
    assertThat(RuleId.parse("SV-1r007_rule").compareTo(RuleId.parse("SV-1r7_rule"))).isZero();
    assertThat(RuleId.parse("SV-1r10_rule").compareTo(RuleId.parse("SV-1r9_rule"))).isPositive();
  }
}
