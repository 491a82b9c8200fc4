package dev.stigsmith.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checklist at the output path that stigsmith did not write (or that was edited since) is never
 * overwritten without --force, and when it is kept, no file of the result set changes; a failure
 * leaves the previous result set as it was. Also: --debug is the only way to a stack trace.
 */
class ChecklistOverwriteTest {
  @TempDir static Path shared;
  static Path results;

  @BeforeAll
  static void evaluateOnce() {
    Path out = shared.resolve("evaluated");
    Cli.Result r = Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data",
        BrokenInputTest.HOST.toString(), "--out", out.toString(), "--format", "xccdf", "--timestamp", "2026-01-01T00:00:00Z");
    assertThat(r.err()).isEmpty();
    results = out.resolve("EDGE01/xccdf-results.xml");
  }

  static Cli.Result report(Path out, String... more) {
    String[] base = {"report", results.toString(), "--out", out.toString(), "--format", "ckl,cklb,json"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return Cli.run(all);
  }

  static String snapshot(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        sb.append(dir.relativize(p)).append(' ').append(dev.stigsmith.io.OutputSet.sha256(Files.readAllBytes(p))).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void ourOwnChecklistIsReplacedOnARerun(@TempDir Path out) {
    assertThat(report(out).exitCode()).isZero();
    Cli.Result again = report(out);
    assertThat(again.err()).isEmpty();
    assertThat(again.exitCode()).isZero();
  }

  @Test
  void aForeignChecklistIsKeptAndNothingOfTheSetChanges(@TempDir Path out) throws IOException {
    Path host = out.resolve("EDGE01");
    Files.createDirectories(host);
    String foreign = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--DISA STIG Viewer :: 2.17-->\n<CHECKLIST/>\n";
    Files.writeString(host.resolve("EDGE01.ckl"), foreign);
    Files.writeString(host.resolve("summary.json"), "old summary");
    String before = snapshot(out);
    Cli.Result r = report(out);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).hasLineCount(1).startsWith("stigsmith: error: " + host.resolve("EDGE01.ckl")
        + ": exists and was not written by stigsmith, or was changed since; pass it as --previous");
    assertThat(snapshot(out)).isEqualTo(before);
    Cli.Result forced = report(out, "--force");
    assertThat(forced.exitCode()).isZero();
    assertThat(Files.readString(host.resolve("EDGE01.ckl"))).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--stigsmith ");
  }

  @Test
  void ourChecklistEditedSinceIsKeptUnlessGivenAsPrevious(@TempDir Path out) throws IOException {
    assertThat(report(out).exitCode()).isZero();
    Path ckl = out.resolve("EDGE01/EDGE01.ckl");
    // As STIG Viewer would: a reviewer's comment added to the file stigsmith wrote.
    Files.writeString(ckl, Files.readString(ckl).replaceFirst("<COMMENTS/>", "<COMMENTS>checked by hand</COMMENTS>"));
    String before = snapshot(out);
    Cli.Result r = report(out);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("EDGE01.ckl: exists and was not written by stigsmith, or was changed since");
    assertThat(snapshot(out)).isEqualTo(before);
    Cli.Result merged = report(out, "--previous", ckl.toString());
    assertThat(merged.err()).isEmpty();
    assertThat(merged.exitCode()).isZero();
    assertThat(Files.readString(ckl)).contains("checked by hand");
  }

  @Test
  void aBadInputLeavesThePreviousSetAsItWas(@TempDir Path out, @TempDir Path tmp) throws IOException {
    assertThat(report(out).exitCode()).isZero();
    String before = snapshot(out);
    Path bad = tmp.resolve("answers.yaml");
    Files.writeString(bad, "answers: [");
    Cli.Result r = report(out, "--answers", bad.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).hasLineCount(1);
    assertThat(snapshot(out)).isEqualTo(before);
  }

  @Test
  void aStackTraceOnlyWithDebug(@TempDir Path tmp) throws IOException {
    Path bad = tmp.resolve("results.xml");
    Files.writeString(bad, "<Benchmark xmlns=\"http://checklists.nist.gov/xccdf/1.2\"><TestResult><rule-result");
    Cli.Result plain = Cli.run("report", bad.toString(), "--out", tmp.resolve("o").toString());
    assertThat(plain.err()).hasLineCount(1).doesNotContain("\tat ");
    Cli.Result debug = Cli.run("--debug", "report", bad.toString(), "--out", tmp.resolve("o").toString());
    assertThat(debug.exitCode()).isEqualTo(plain.exitCode());
    assertThat(debug.err()).startsWith(plain.err()).contains("\tat dev.stigsmith.");
    Cli.Result after = Cli.run("report", bad.toString(), "--out", tmp.resolve("o").toString(), "--debug");
    assertThat(after.err()).contains("\tat dev.stigsmith.");
  }
}
