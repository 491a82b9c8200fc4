package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenSCAP as a second opinion: what oscap accepts, we accept too. Skipped where oscap is missing. */
class OscapAgreementTest {
  @BeforeAll
  static void needsOscap() {
    boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "oscap")));
    assumeTrue(found, "oscap is not on PATH");
  }

  @ParameterizedTest
  @CsvSource({
    "xml/valid/xccdf12-benchmark.xml, xccdf validate",
    "xml/valid/oval-definitions.xml, oval validate",
    "xml/valid/oval-system-characteristics.xml, oval validate",
    "xml/valid/source-data-stream.xml, ds sds-validate",
    "scap/oval-results.xml, oval validate",
    "scap/oval-variables.xml, oval validate",
    "scap/xccdf11-benchmark.xml, xccdf validate",
  })
  void documentsOscapAcceptsWeAccept(String resource, String oscapCommand) throws Exception {
    Path file = Fixtures.path(resource);
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add("oscap");
    cmd.addAll(java.util.List.of(oscapCommand.split(" ")));
    cmd.add(file.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assumeTrue(p.exitValue() == 0, "oscap rejects " + resource);
    assertThat(ScapValidator.validate(file).valid()).isTrue();
  }
}
