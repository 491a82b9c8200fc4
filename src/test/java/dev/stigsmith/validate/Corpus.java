package dev.stigsmith.validate;

import dev.stigsmith.xml.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The validation corpus and its expectations (src/test/resources/dev/stigsmith/validate/corpus/expected.tsv). */
final class Corpus {
  private Corpus() {}

  record Entry(String file, boolean valid, TreeSet<String> findings, String oscapCommand, String oscap) {
    Path path() {
      return dir().resolve(file);
    }

    @Override public String toString() {
      return file;
    }
  }

  static Path dir() {
    return Fixtures.path("validate/corpus/expected.tsv").getParent();
  }

  static Stream<Entry> entries() {
    try {
      return Files.readAllLines(dir().resolve("expected.tsv")).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t"))
          .map(c -> new Entry(c[0], c[1].equals("valid"),
              c[2].equals("-") ? new TreeSet<>() : new TreeSet<>(Arrays.asList(c[2].split(", "))), c[3], c[4]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "E rule@line" for every finding of the report, as expected.tsv states them. */
  static TreeSet<String> findings(FileReport r) {
    TreeSet<String> s = new TreeSet<>();
    r.problems().forEach(p -> s.add((p.severity() == dev.stigsmith.xml.Problem.Severity.ERROR ? "E " : "W ")
        + p.ruleId() + "@" + p.line()));
    return s;
  }

  static FileReport validate(Path file) {
    List<FileReport> r = Validation.run(List.of(file), new Options(true, true, null, 1));
    return r.get(0);
  }
}
