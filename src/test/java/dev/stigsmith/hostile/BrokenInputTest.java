package dev.stigsmith.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import dev.stigsmith.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken corpus ({@code src/test/resources/broken}, with {@code EXPECTED.tsv}): each file,
 * handed to the command that reads it, gives exactly one line on stderr naming the file (and line
 * where known), the command's documented exit code, no stack trace, and no output file.
 */
class BrokenInputTest {
  static final Path CORPUS = Path.of("src/test/resources/broken");
  static final Path HOST = Path.of("src/test/resources/hostdata/edge01/collector/edge01.json");

  @TempDir static Path shared;
  static Path dataStream;
  static Path results;

  record Case(String file, String command, int exit, String expect) {
    @Override public String toString() {
      return file + " (" + command + ")";
    }
  }

  @BeforeAll
  static void prepare() throws IOException {
    Path gen = shared.resolve("generated");
    assertThat(Cli.run("generate", "--content", Content.edge().toString(), "--out", gen.toString()).exitCode()).isZero();
    try (Stream<Path> s = Files.walk(gen)) {
      dataStream = s.filter(p -> p.getFileName().toString().endsWith("-ds.xml")).findFirst().orElseThrow();
    }
    Path out = shared.resolve("evaluated");
    Cli.run("evaluate", "--content", dataStream.toString(), "--host-data", HOST.toString(), "--out", out.toString(),
        "--format", "xccdf", "--timestamp", "2026-01-01T00:00:00Z");
    results = out.resolve("EDGE01/xccdf-results.xml");
    assertThat(results).exists();
  }

  static List<Case> manifest() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      out.add(new Case(f[0], f[1], Integer.parseInt(f[2]), f[3]));
    }
    return out;
  }

  static Stream<Arguments> cases() throws IOException {
    return manifest().stream().map(Arguments::of);
  }

  @Test
  void theCorpusIsLargeAndEveryFileIsListed() throws IOException {
    List<String> listed = manifest().stream().map(Case::file).toList();
    List<String> present = dev.stigsmith.testing.Fixtures.corpusFiles(CORPUS);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    assertThat(present).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneLineAndTheDocumentedExitCode(Case c, @TempDir Path tmp) throws IOException {
    Path file = tmp.resolve(c.file().replaceFirst("^content-.*\\.benchmark\\.yaml$", "benchmark.yaml"));
    Path out = tmp.resolve("out");
    Cli.Result r;
    switch (c.command()) {
      case "evaluate" -> {
        Files.copy(CORPUS.resolve(c.file()), file);
        r = Cli.run("evaluate", "--content", dataStream.toString(), "--host-data", file.toString(), "--out", out.toString());
      }
      case "datastream" -> {
        Files.copy(CORPUS.resolve(c.file()), file);
        r = Cli.run("evaluate", "--content", file.toString(), "--host-data", HOST.toString(), "--out", out.toString());
      }
      case "tailoring" -> {
        Files.copy(CORPUS.resolve(c.file()), file);
        r = Cli.run("evaluate", "--content", dataStream.toString(), "--host-data", HOST.toString(), "--tailoring",
            file.toString(), "--out", out.toString());
      }
      case "report" -> {
        Files.copy(CORPUS.resolve(c.file()), file);
        r = Cli.run("report", file.toString(), "--out", out.toString());
      }
      case "previous" -> {
        Files.copy(CORPUS.resolve(c.file()), file);
        r = Cli.run("report", results.toString(), "--previous", file.toString(), "--out", out.toString());
      }
      case "import" -> {
        Files.copy(CORPUS.resolve(c.file()), file);
        Path content = Fixtures.copyContent(tmp.resolve("content"));
        r = Cli.run("import", "disa", file.toString(), "--content", content.toString());
        out = content.resolve("example-widget-server-stig");
      }
      case "generate" -> {
        Path content = Content.copyTo(tmp.resolve("c"));
        file = content.resolve("exchange-2016-edge/benchmark.yaml");
        Files.copy(CORPUS.resolve(c.file()), file, StandardCopyOption.REPLACE_EXISTING);
        r = Cli.run("generate", "--content", content.toString(), "--out", out.toString());
      }
      default -> throw new IllegalArgumentException(c.command());
    }
    String err = r.err();
    System.out.printf("broken %-40s exit %d  %s", c.file(), r.exitCode(), err.replace(tmp.toString() + "/", ""));
    assertThat(err).as("exactly one line").endsWith("\n").hasLineCount(1);
    assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContainIgnoringCase("exception")
        .doesNotContain("internal error");
    assertThat(err).startsWith("stigsmith: error: " + file);
    String rest = err.substring(("stigsmith: error: " + file).length()).strip();
    assertThat(rest).as("[:line[:col]]: what").matches("(:\\d+(:\\d+)?)?: .+");
    assertThat(rest).containsPattern(java.util.regex.Pattern.compile(c.expect()));
    assertThat(r.exitCode()).isEqualTo(c.exit());
    assertThat(Files.exists(out)).as("no output written").isFalse();
  }
}
