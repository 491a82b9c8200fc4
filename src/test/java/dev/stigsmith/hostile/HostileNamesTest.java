package dev.stigsmith.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.export.ResultExports;
import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import dev.stigsmith.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from input that become file or folder names (host, benchmark id, import folder) never
 * climb out of the output folder: every file written is asserted to lie under it, and nothing
 * appears beside it.
 */
class HostileNamesTest {
  static final Path CORPUS = HostileInputTest.CORPUS;

  /** Every regular file under {@code root}, and that nothing was written in {@code root}'s parent. */
  static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  static List<String> siblings(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aHostNameWithDotsAndSlashesStaysInsideOut(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("a/b/c/out");
    Cli.Result r = Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data",
        CORPUS.resolve("traversal-host.json").toString(), "--out", out.toString(), "--timestamp", "2026-01-01T00:00:00Z");
    assertThat(r.err()).isEmpty();
    assertThat(siblings(tmp)).containsExactly("a");
    assertThat(siblings(tmp.resolve("a/b/c"))).containsExactly("out");
    List<Path> files = filesUnder(tmp);
    assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.normalize()).startsWith(out));
    assertThat(siblings(out)).containsExactly("host");
    assertThat(siblings(out.resolve("host"))).allSatisfy(n -> assertThat(n).doesNotContain("/", "\\"));
  }

  @Test
  void aContentBenchmarkIdWithAPathIsRefused(@TempDir Path tmp) throws IOException {
    Path content = Content.copyTo(tmp);
    Files.copy(CORPUS.resolve("traversal-content-benchmark-id.yaml"),
        content.resolve("exchange-2016-edge/benchmark.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path out = tmp.resolve("x/out");
    Cli.Result r = Cli.run("generate", "--content", content.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err().strip()).doesNotContain("\n")
        .contains("benchmark.yaml:2").contains("benchmark id \"../../../escape-benchmark\" must be");
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    assertThat(siblings(tmp)).containsExactly("content");
  }

  @Test
  void aDisaBenchmarkIdWithAPathBecomesOneFolderName(@TempDir Path tmp) throws IOException {
    Path content = Fixtures.copyContent(tmp.resolve("content"));
    List<String> before = siblings(content);
    Cli.Result r = Cli.run("import", "disa", CORPUS.resolve("traversal-disa-benchmark-id.xml").toString(),
        "--content", content.toString());
    // Either refused or imported into one new folder inside content: never beside it.
    assertThat(siblings(tmp)).containsExactly("content");
    if (r.exitCode() == 0) {
      List<String> after = new java.util.ArrayList<>(siblings(content));
      after.removeAll(before);
      assertThat(after).containsExactly("escape-benchmark");
    } else {
      assertThat(r.err().strip()).doesNotContain("\n");
    }
  }

  @Test
  void anImportFolderOptionWithAPathIsRefused(@TempDir Path tmp) throws IOException {
    Path content = Fixtures.copyContent(tmp.resolve("content"));
    for (String folder : List.of("../escape", "..", "a/b", "a\\b", ".hidden", "/abs")) {
      Cli.Result r = Cli.run("import", "disa", Fixtures.resource("disa/small-stig.xml").toString(),
          "--content", content.toString(), "--folder", folder);
      assertThat(r.exitCode()).as(folder).isNotZero();
      assertThat(r.err().strip()).as(folder).doesNotContain("\n").contains("--folder");
    }
    assertThat(siblings(tmp)).containsExactly("content");
  }

  @Test
  void hostNamesThatAreDevicesOrPathsBecomePlainNames() {
    assertThat(ResultExports.safeFileName("../../etc")).isEqualTo("host");
    assertThat(ResultExports.safeFileName("a/../../b")).isEqualTo("a_.._.._b");
    assertThat(ResultExports.safeFileName("..\\..\\b")).isEqualTo("host");
    assertThat(ResultExports.safeFileName("CON")).isEqualTo("_CON");
    assertThat(ResultExports.safeFileName("nul.contoso.com")).isEqualTo("_nul.contoso.com");
    assertThat(ResultExports.safeFileName("x".repeat(500))).hasSize(100);
    assertThat(ResultExports.safeFileName("EDGE01")).isEqualTo("EDGE01");
  }
}
