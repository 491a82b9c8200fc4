package dev.stigsmith.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus document gets exactly the verdict and findings (rule and line) expected.tsv states. */
class CorpusTest {
  static Stream<Corpus.Entry> entries() {
    return Corpus.entries();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void exactlyTheExpectedFindings(Corpus.Entry e) {
    FileReport r = Corpus.validate(e.path());
    assertThat(r.cannotRun()).as(e.file()).isNull();
    assertThat(Corpus.findings(r)).as(e.file()).containsExactlyElementsOf(e.findings());
    assertThat(r.valid()).as(e.file()).isEqualTo(e.valid());
  }

  @Test
  void theCorpusCoversEveryKindWithValidAndBrokenDocuments() throws Exception {
    List<Corpus.Entry> all = Corpus.entries().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    try (Stream<java.nio.file.Path> files = Files.list(Corpus.dir())) {
      assertThat(files.filter(p -> p.toString().endsWith(".xml")).map(p -> p.getFileName().toString()))
          .as("every corpus file has an expectation").containsExactlyInAnyOrderElementsOf(all.stream().map(Corpus.Entry::file).toList());
    }
    for (String prefix : List.of("xccdf12-", "xccdf11-", "tailoring-", "testresult-", "oval-defs-", "oval-sc-", "oval-results-",
        "oval-variables-", "cpe-dict-", "ocil-", "sds-", "arf-")) {
      assertThat(all).as(prefix).anyMatch(e -> e.file().startsWith(prefix) && e.valid());
      assertThat(all).as(prefix).anyMatch(e -> e.file().startsWith(prefix) && !e.valid());
    }
  }

  @Test
  void manyFilesAtOnceGiveTheSameFindingsInTheOrderGiven() {
    List<Corpus.Entry> all = Corpus.entries().toList();
    List<FileReport> reports = Validation.run(all.stream().map(Corpus.Entry::path).toList(), new Options(true, true, null, 4));
    assertThat(reports).extracting(r -> r.file().getFileName().toString())
        .containsExactlyElementsOf(all.stream().map(Corpus.Entry::file).toList());
    for (int i = 0; i < all.size(); i++) {
      assertThat(Corpus.findings(reports.get(i))).as(all.get(i).file()).containsExactlyElementsOf(all.get(i).findings());
    }
  }
}
