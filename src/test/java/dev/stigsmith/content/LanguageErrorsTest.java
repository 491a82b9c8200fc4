package dev.stigsmith.content;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.testing.Content;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mistake in the new `automated:` constructs is one line naming the file, the line and the field. */
class LanguageErrorsTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      two kinds        | automated:\\n  registry: {label: x}\\n  service: {label: y}                                        | 'automated': give exactly one of cmdlet, registry, service, file_rights, partition (found registry, service)
      bad right        | automated:\\n  file_rights:\\n    label: x\\n    path: 'C:\\\\X'\\n    allowed_trustees: '^S-1-5-18$'\\n    rights: [file_read]  | 'automated.file_rights.rights[0]': 'file_read' is not a file right
      bad hive         | automated:\\n  registry:\\n    label: x\\n    values:\\n      - {key: 'HKXX\\\\Y', name: Z, require: 1}  | 'automated.registry.values[0].key': registry key 'HKXX\\\\Y' must start with HKLM
      service entity   | automated:\\n  service:\\n    label: x\\n    names: [A]\\n    require: {startType: SERVICE_DISABLED}     | 'automated.service.require.startType': 'startType' is not a service entity
      branches with expect | automated:\\n  cmdlet: {module: M, noun: N}\\n  label: x\\n  identify_by: Name\\n  expect: none\\n  branches: []  | 'automated.branches': not allowed with expect: none
      unknown quantifier | automated:\\n  cmdlet: {module: M, noun: N}\\n  label: x\\n  identify_by: Name\\n  expect: some        | 'automated.expect': unknown quantifier 'some'
      manual and automated | manual_reason: 'document: x'\\nautomated:\\n  partition: {label: x, path: 'C:\\\\A', not_on_drive_of: 'C:\\\\B'} | 'manual_reason': an automated rule has no manual reason
      reason without class | manual_reason: because                                                                  | 'manual_reason': start with a reason class
      """)
  void oneLineWithFileLineAndField(String what, String yaml, String message) throws Exception {
    Path bench = tmp.resolve("exchange-2016-edge");
    Files.createDirectories(bench.resolve("rules/EX16-ED-000610"));
    Files.copy(Content.root().resolve("cci.yaml"), tmp.resolve("cci.yaml"));
    Files.copy(Content.edge().resolve("benchmark.yaml"), bench.resolve("benchmark.yaml"));
    String rule = dev.stigsmith.rules.LanguageConstructsTest.withoutCheck(Content.edge().resolve("rules/EX16-ED-000610/rule.yaml"));
    Path file = bench.resolve("rules/EX16-ED-000610/rule.yaml");
    Files.writeString(file, rule + "\n" + yaml.replace("\\n", "\n") + "\n");
    assertThatThrownBy(() -> ContentLoader.load(bench)).isInstanceOf(ContentException.class)
        .hasMessageStartingWith(file.toString() + ":")
        .hasMessageContaining(message.strip())
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
