package dev.stigsmith.xml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One document of a parameterised test over the validation corpus: a corpus file as it is, or a variant
 * of one made in memory ({@code file} then names where it would stand, for messages and kind detection).
 */
record CorpusCase(String name, Path file, byte[] bytes) {
  static Path corpus() {
    return Fixtures.path("validate/corpus/expected.tsv").getParent();
  }

  /** The corpus's XML files whose file names {@code keep} accepts, by name. */
  static List<CorpusCase> files(Predicate<String> keep) throws IOException {
    List<CorpusCase> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus())) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".xml") && keep.test(name)) out.add(new CorpusCase(name, p, Files.readAllBytes(p)));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return name;
  }
}
