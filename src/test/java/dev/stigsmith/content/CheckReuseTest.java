package dev.stigsmith.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.generate.Generator;
import dev.stigsmith.importer.ContentImport;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.testing.Content;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code automated: {same_as: STIG-ID}}: a check written once in one benchmark, used by a rule of another. */
class CheckReuseTest {
  private static final String E16 = "exchange-2016-edge";
  private static final String E19 = "exchange-2019-edge";

  @TempDir Path tmp;

  @Test
  void aReusingRuleHasTheHomeRulesCheckUnderItsOwnIds() throws Exception {
    Benchmark b16 = ContentLoader.load(Content.root().resolve(E16));
    Benchmark b19 = ContentLoader.load(Content.root().resolve(E19));
    Rule home = b16.currentRuleForStigId("EX16-ED-000050").orElseThrow();
    Rule reuse = b19.currentRuleForStigId("EX19-ED-000019").orElseThrow();
    assertThat(reuse.checkSameAs()).isEqualTo("EX16-ED-000050");
    assertThat(home.checkSameAs()).isNull();
    assertThat(reuse.automated()).isEqualTo(home.automated());

    Generator.Output out = Generator.render(b19, new GeneratorInfo("stigsmith", "0.1.0", Instant.parse("2025-01-30T00:00:00Z")));
    String oval = new String(out.files().get(Generator.ovalFile(b19)), StandardCharsets.UTF_8);
    String xccdf = new String(out.files().get(Generator.xccdfFile(b19)), StandardCharsets.UTF_8);
    // Ids from the 2019 rule's own Vuln ID (V-259580), none from the 2016 home's (V-221206).
    assertThat(oval).contains("id=\"oval:dev.stigsmith.stig:def:259580\"", "oval:dev.stigsmith.stig:tst:25958070")
        .doesNotContain(":221206");
    // The site Value it reads is the 2019 benchmark's own.
    assertThat(xccdf).contains("<xccdf:Value id=\"xccdf_dev.stigsmith_value_internet_receive_connectors\"")
        .contains("value-id=\"xccdf_dev.stigsmith_value_internet_receive_connectors\"");
  }

  @Test
  void theReusingBenchmarkMustDeclareEveryValueTheCheckReads() throws Exception {
    Path root = copy();
    Path bench = root.resolve(E19).resolve(ContentLoader.BENCHMARK_FILE);
    String yaml = Files.readString(bench);
    int at = yaml.indexOf("  - id: receive_connection_timeout");
    int end = yaml.indexOf("  - id: ", at + 5);
    Files.writeString(bench, yaml.substring(0, at) + yaml.substring(end));
    Path rule = ruleFile(root, E19, "EX19-ED-000159");
    assertThatThrownBy(() -> ContentLoader.load(root.resolve(E19)))
        .isInstanceOf(ContentException.class)
        .hasMessageStartingWith(rule + ":" + line(rule, "same_as:") + ": field 'automated.same_as': ")
        .hasMessageContaining("EX16-ED-000010's check reads site value 'receive_connection_timeout', which " + bench
            + " does not declare: add it under 'values:' (type string)");
  }

  @Test
  void aValueOfAnotherTypeIsAnError() throws Exception {
    Path root = copy();
    Path bench = root.resolve(E19).resolve(ContentLoader.BENCHMARK_FILE);
    String yaml = Files.readString(bench);
    int at = yaml.indexOf("  - id: receive_max_hop_count");
    Files.writeString(bench, yaml.substring(0, at) + yaml.substring(at).replaceFirst("type: int", "type: string"));
    assertThatThrownBy(() -> ContentLoader.load(root.resolve(E19)))
        .hasMessageContaining("EX16-ED-000270's check reads site value 'receive_max_hop_count' as int, but " + bench
            + " declares it as string");
  }

  @Test
  void theHomeMustStateACheck() throws Exception {
    Path root = copy();
    Path rule = manualRule(root, "EX19-ED-000197");
    append(rule, "automated:\n  same_as: EX16-ED-000590\n");
    assertThatThrownBy(() -> ContentLoader.load(root.resolve(E19)))
        .hasMessageStartingWith(rule + ":")
        .hasMessageContaining("EX16-ED-000590 (" + ruleFile(root, E16, "EX16-ED-000590") + ") is manual: it has no automated check to reuse");
  }

  @Test
  void noChainsNoSelfReferenceNoUnknownRuleNoOverrides() throws Exception {
    Path root = copy();
    Path rule = manualRule(root, "EX19-ED-000197");
    String original = Files.readString(rule);

    Files.writeString(rule, original + "automated:\n  same_as: EX19-ED-000019\n");
    assertThatThrownBy(() -> ContentLoader.load(root.resolve(E19)))
        .hasMessageContaining("EX19-ED-000019 itself reuses the check of EX16-ED-000050: name that rule instead");

    Files.writeString(rule, original + "automated:\n  same_as: EX19-ED-000197\n");
    assertThatThrownBy(() -> ContentLoader.load(root.resolve(E19))).hasMessageContaining("a rule cannot reuse its own check");

    Files.writeString(rule, original + "automated:\n  same_as: EX16-ED-999999\n");
    assertThatThrownBy(() -> ContentLoader.load(root.resolve(E19)))
        .hasMessageContaining("no rule EX16-ED-999999 in any benchmark folder of " + root);

    Files.writeString(rule, original + "automated:\n  same_as: EX16-ED-000050\n  label: Receive connector\n");
    assertThatThrownBy(() -> ContentLoader.load(root.resolve(E19)))
        .hasMessageContaining("field 'automated.label': unknown field (expected one of: same_as)");
  }

  @Test
  void contentWriterWritesTheReferenceNotTheCheck() throws Exception {
    Path root = copy();
    Benchmark b19 = ContentLoader.load(root.resolve(E19));
    Map<String, byte[]> files = ContentWriter.render(b19, E19, Map.of());
    String text = new String(files.get(E19 + "/rules/EX19-ED-000019/rule.yaml"), StandardCharsets.UTF_8);
    assertThat(text).endsWith("\nautomated:\n  same_as: EX16-ED-000050\n").doesNotContain("cmdlet:");
    // Writing checks the result by loading it back, which resolves the reference in the real root.
    ContentWriter.write(b19, root, E19, Map.of());
    assertThat(ContentLoader.load(root.resolve(E19))).isEqualTo(b19);
  }

  @Test
  void reImportingANewerReleaseKeepsTheReference() throws Exception {
    Path root = copy();
    Benchmark b19 = ContentLoader.load(root.resolve(E19));
    Generator.Output disa = Generator.render(b19, new GeneratorInfo("stigsmith", "0.1.0", Instant.parse("2025-01-30T00:00:00Z")),
        Generator.Format.DISA_XCCDF);
    String xml = new String(disa.files().get(Generator.disaXccdfFile(b19)), StandardCharsets.UTF_8)
        .replace("SV-259580r960840_rule", "SV-259580r999999_rule")
        .replace(">Release: 2 Benchmark", ">Release: 3 Benchmark");
    Path next = tmp.resolve("next.xml");
    Files.writeString(next, xml);
    Path rule = ruleFile(root, E19, "EX19-ED-000019");
    String section = ContentWriter.automatedSection(rule);

    ContentImport.Report report = ContentImport.importDisa(next, root, null);

    assertThat(report.changes()).extracting(Object::toString).containsExactly(
        "revised        EX19-ED-000019 V-259580: SV-259580r960840_rule → SV-259580r999999_rule (text unchanged)");
    assertThat(ContentWriter.automatedSection(rule)).isEqualTo(section).contains("same_as: EX16-ED-000050");
    Rule now = ContentLoader.load(root.resolve(E19)).currentRuleForStigId("EX19-ED-000019").orElseThrow();
    assertThat(now.ruleId().toString()).isEqualTo("SV-259580r999999_rule");
    assertThat(now.checkSameAs()).isEqualTo("EX16-ED-000050");
    assertThat(now.automated()).isEqualTo(b19.currentRuleForStigId("EX19-ED-000019").orElseThrow().automated());
  }

  private Path copy() {
    Path root = tmp.resolve("content");
    Content.copyTree(Content.root().resolve(E16), root.resolve(E16));
    Content.copyTree(Content.root().resolve(E19), root.resolve(E19));
    try {
      Files.copy(Content.root().resolve(ContentLoader.CCI_FILE), root.resolve(ContentLoader.CCI_FILE));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return root;
  }

  /** A manual 2019 rule's file without its manual_reason, ready to be given an automated section. */
  private static Path manualRule(Path root, String stigId) throws Exception {
    Path rule = ruleFile(root, E19, stigId);
    Files.writeString(rule, Files.readString(rule).replaceAll("(?m)^manual_reason: .*\\n", ""));
    return rule;
  }

  private static Path ruleFile(Path root, String folder, String stigId) {
    return root.resolve(folder).resolve("rules").resolve(stigId).resolve(ContentLoader.RULE_FILE);
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, Files.readString(file) + text);
  }

  /** 1-based line of the first line containing {@code text}. */
  private static int line(Path file, String text) throws Exception {
    var lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
    throw new AssertionError(text + " not in " + file);
  }
}
