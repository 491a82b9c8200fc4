package dev.stigsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.xml.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return StigsmithCommand.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void allValidExitsZeroAndSaysSo() {
    Path xccdf = Fixtures.path("xml/valid/xccdf12-benchmark.xml");
    Path oval = Fixtures.path("xml/valid/oval-definitions.xml");
    assertThat(run("validate", xccdf.toString(), oval.toString())).isZero();
    assertThat(out.toString())
        .contains(xccdf + ": valid (XCCDF 1.2 benchmark)")
        .contains(oval + ": valid (OVAL 5.11.2 definitions)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void someInvalidExitsOneWithOneLinePerProblem() {
    Path good = Fixtures.path("xml/valid/oval-system-characteristics.xml");
    Path bad = Fixtures.path("xml/invalid/oval-system-characteristics.xml");
    assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(good + ": valid");
    assertThat(out.toString().lines().filter(l -> l.startsWith(bad + ":23:")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(": error: "));
    assertThat(out.toString()).doesNotContain(bad + ": valid");
  }

  @Test
  void unusableInputExitsTwoAndTheBatchGoesOn() throws Exception {
    Path notXml = tmp.resolve("plain.xml");
    Files.writeString(notXml, "plain text");
    Path unknown = tmp.resolve("unknown.xml");
    Files.writeString(unknown, "<root/>");
    Path missing = tmp.resolve("missing.xml");
    Path good = Fixtures.path("xml/valid/xccdf12-benchmark.xml");
    assertThat(run("validate", notXml.toString(), unknown.toString(), missing.toString(), good.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(notXml + ":1:")
        .contains(unknown + ":1: unknown document kind")
        .contains(missing + ": cannot read")
        .doesNotContain("Exception");
    assertThat(out.toString()).contains(good + ": valid");
  }

  @Test
  void noFileIsAUsageError() {
    assertThat(run("validate")).isEqualTo(2);
  }
}
