package dev.stigsmith.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus ({@code src/test/resources/hostile}, listed with what each must give in
 * {@code EXPECTED.tsv}): each file is refused or contained by the reader it targets, with no file
 * opened, no connection made, within a time and an allocation bound.
 */
class HostileInputTest {
  static final Path CORPUS = Path.of("src/test/resources/hostile");
  /** Every case is refused in milliseconds; the bound is loose so a loaded machine does not flake. */
  static final Duration TIME = Duration.ofSeconds(20);
  /** Bytes the reading thread may allocate: files are under 1 MB, an expansion would be gigabytes. */
  static final long ALLOCATION = 256L << 20;

  record Case(String file, String reader, Map<String, String> props, String expect) {
    @Override public String toString() {
      return file + " -> " + reader;
    }
  }

  static List<Case> manifest() throws IOException {
    List<Case> out = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t");
      Map<String, String> props = new HashMap<>();
      if (!f[2].equals("-")) {
        for (String kv : f[2].split(";")) props.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
      out.add(new Case(f[0], f[1], props, f[3]));
    }
    return out;
  }

  static Stream<Arguments> cases() throws IOException {
    return manifest().stream().map(Arguments::of);
  }

  @Test
  void theCorpusIsLargeAndEveryFileIsListed() throws IOException {
    List<String> listed = manifest().stream().map(Case::file).distinct().toList();
    List<String> present = dev.stigsmith.testing.Fixtures.corpusFiles(CORPUS);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    assertThat(present).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedOrContained(Case c, @TempDir Path dir) throws Exception {
    if (c.reader().startsWith("cli-")) return; // HostileNamesTest runs these through the CLI
    Map<String, String> saved = new HashMap<>();
    c.props().forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
    try (Canary canary = new Canary(dir)) {
      Path file = canary.plant(CORPUS.resolve(c.file()), dir);
      long[] allocated = new long[1];
      Readers.Outcome o = assertTimeoutPreemptively(TIME, () -> {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        Readers.Outcome r = Readers.run(c.reader(), file);
        allocated[0] = mx.getCurrentThreadAllocatedBytes() - before;
        return r;
      }, c.file() + " took longer than " + TIME);
      System.out.printf("hostile %-38s %-10s %6.1f MB  %s%n", c.file(), c.reader(), allocated[0] / 1048576.0,
          o.refused() ? o.message().replace(dir.toString() + "/", "") : "accepted");
      Thread.sleep(30); // a connection attempt, if any, reaches the canary's accept loop
      assertThat(canary.fileOpened()).as("%s opened the canary file", c.file()).isFalse();
      assertThat(canary.connections()).as("%s connected to the canary", c.file()).isZero();
      assertThat(allocated[0]).as("%s: bytes allocated while reading", c.file()).isLessThan(ALLOCATION);
      if (o.refused()) {
        assertThat(o.message()).as("one line").doesNotContain("\n");
        assertThat(o.message()).as("names the file").contains(c.file());
        assertThat(o.message()).as("no parser internals")
            .doesNotContainIgnoringCase("exception")
            .doesNotContain("apache.org/xml/features")
            .doesNotContain("JAXP0")
            .doesNotContain("StreamReadConstraints")
            .doesNotContain("LoaderOptions")
            .doesNotContain("CANARY-SECRET");
      }
      if (c.expect().startsWith("refused:")) {
        assertThat(o.refused()).as("%s must be refused", c.file()).isTrue();
        assertThat(o.message()).containsPattern(c.expect().substring("refused:".length()).trim());
      } else {
        assertThat(c.expect()).isEqualTo("contained");
        if (!o.refused()) assertThat(String.valueOf(o.value())).doesNotContain("CANARY-SECRET");
      }
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) System.clearProperty(k);
        else System.setProperty(k, v);
      });
    }
  }
}
