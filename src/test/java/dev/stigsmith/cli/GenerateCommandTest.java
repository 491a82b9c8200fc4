package dev.stigsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  static final String ID = "MS_Exchange_2016_Edge_Transport_Server_STIG";
  @TempDir Path tmp;

  @Test
  void writesEveryPartToOutBenchmarkFolder() {
    Cli.Result r = Cli.run("generate", "--content", Content.root().toString(), "--out", tmp.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path dir = tmp.resolve(ID);
    for (String part : new String[] {"-xccdf.xml", "-oval.xml", "-cpe-dictionary.xml", "-cpe-oval.xml", "-ds.xml"}) {
      assertThat(dir.resolve(ID + part)).isRegularFile();
    }
    assertThat(r.out()).contains("wrote ").contains(ID + "-ds.xml");
  }

  @Test
  void twoRunsGiveByteIdenticalFiles() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(Cli.run("generate", "--content", Content.root().toString(), "--out", a.toString()).exitCode()).isZero();
    assertThat(Cli.run("generate", "--content", Content.root().toString(), "--out", b.toString()).exitCode()).isZero();
    try (Stream<Path> files = Files.list(a.resolve(ID))) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(b.resolve(ID).resolve(f.getFileName()))).as(f.getFileName().toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void timestampOptionIsWrittenAndStable() throws Exception {
    Cli.Result r = Cli.run("generate", "--content", Content.root().toString(), "--out", tmp.toString(),
        "--timestamp", "2025-03-01T12:00:00Z");
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(tmp.resolve(ID).resolve(ID + "-oval.xml"))).contains("2025-03-01T12:00:00");
  }

  @Test
  void badContentIsOneLineExitTwoAndNothingWritten() throws Exception {
    Path content = Content.copyTo(tmp);
    Path rule = content.resolve("exchange-2016-edge/rules/EX16-ED-000170/rule.yaml");
    Files.writeString(rule, Files.readString(rule).replace("weight: \"10.0\"\n", "weight: \"10.0\"\nwieght: 3\n"));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("generate", "--content", content.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains("rule.yaml:8: field 'wieght': unknown field")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void badTimestampIsAUsageError() {
    Cli.Result r = Cli.run("generate", "--content", Content.root().toString(), "--out", tmp.toString(), "--timestamp", "yesterday");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--timestamp: 'yesterday' is not a time");
  }

  @Test
  void helpIsAvailable() {
    Cli.Result r = Cli.run("generate", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--content").contains("--out").contains("--timestamp");
  }

  @Test
  void twoBenchmarksWithOneIdAreAnError() throws Exception {
    Path content = Content.copyTo(tmp);
    Content.copyTree(content.resolve("exchange-2016-edge"), content.resolve("edge-copy"));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("generate", "--content", content.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("benchmark id 'MS_Exchange_2016_Edge_Transport_Server_STIG' is already defined by").contains("edge-copy");
    assertThat(out).doesNotExist();
  }
}
