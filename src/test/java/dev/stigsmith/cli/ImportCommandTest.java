package dev.stigsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StigsmithCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void importDisaReportsAndWrites(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyContent(tmp.resolve("content"));
    // The release cites CCI-000366, which other bundled benchmarks (Mailbox) brought into cci.yaml: take
    // it out of the copy, with them, so the import has a CCI to report.
    try (java.util.stream.Stream<Path> files = Files.walk(content.resolve("exchange-2016-mailbox"))) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
    Files.writeString(content.resolve("cci.yaml"), Files.readString(content.resolve("cci.yaml"))
        .replace("  - id: CCI-000366\n    nist: []\n", ""));
    Run r = run("import", "disa", Fixtures.resource("disa/edge-next-release.xml").toString(), "--content", content.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("updated " + content.resolve("exchange-2016-edge"))
        .contains("revised        EX16-ED-000170 V-221218: SV-221218r879636_rule → SV-221218r900001_rule")
        .contains("CCIs not in cci.yaml, added without NIST controls (fill them in): CCI-000366")
        .contains("wrote ");
  }

  @Test
  void badFileIsOneLineAndExit2(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyContent(tmp.resolve("content"));
    Path bad = tmp.resolve("bad.xml");
    Files.writeString(bad, "<nope");
    Run r = run("import", "disa", bad.toString(), "--content", content.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("stigsmith: error: " + bad).hasLineCount(1);
  }

  @Test
  void auditTextNamesOurRule(@TempDir Path tmp) throws Exception {
    Path content = tmp.resolve("content");
    assertThat(run("import", "disa", Fixtures.resource("disa/small-stig.xml").toString(), "--content", content.toString()).code()).isZero();
    Run r = run("import", "audit-text", Fixtures.resource("audit/wdgt-000010.txt").toString(), "--content", content.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("WDGT-00-000010 (V-1001): vendor audit item for SV-1001r90_rule, CAT I, part \"MaxSessions\"")
        .contains("revision: older");
  }
}
