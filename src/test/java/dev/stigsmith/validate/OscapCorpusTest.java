package dev.stigsmith.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenSCAP as the second opinion on the corpus: where expected.tsv says "agree", oscap gives the same verdict
 * (and, when it names lines, one of them is a line we report); where it says "differs: reason", oscap still
 * gives the other verdict, so the documented reason stays true. Skipped where oscap is missing.
 */
class OscapCorpusTest {
  private static final Pattern LINE = Pattern.compile("line (\\d+)");

  @BeforeAll
  static void needsOscap() {
    boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "oscap")));
    assumeTrue(found, "oscap is not on PATH");
  }

  static Stream<Corpus.Entry> entries() {
    return Corpus.entries().filter(e -> !e.oscapCommand().equals("-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void oscapAgreesOrTheReasonIsDocumented(Corpus.Entry e) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("oscap"));
    cmd.addAll(List.of(e.oscapCommand().split(" ")));
    cmd.add(e.path().toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    boolean oscapValid = p.exitValue() == 0;
    FileReport ours = Corpus.validate(e.path());
    if (e.oscap().equals("agree")) {
      assertThat(ours.valid()).as(e.file() + ": oscap says " + output).isEqualTo(oscapValid);
      TreeSet<Integer> oscapLines = new TreeSet<>();
      Matcher m = LINE.matcher(output);
      while (m.find()) oscapLines.add(Integer.parseInt(m.group(1)));
      if (!oscapLines.isEmpty()) {
        TreeSet<Integer> ourLines = new TreeSet<>();
        ours.problems().stream().filter(x -> x.severity() == dev.stigsmith.xml.Problem.Severity.ERROR)
            .forEach(x -> ourLines.add(x.line()));
        assertThat(oscapLines).as(e.file() + ": lines oscap names vs ours " + ourLines).containsAnyElementsOf(ourLines);
      }
    } else {
      assertThat(e.oscap()).startsWith("differs: ");
      assertThat(ours.valid()).as(e.file() + ": documented difference no longer holds; oscap says " + output)
          .isNotEqualTo(oscapValid);
    }
  }
}
