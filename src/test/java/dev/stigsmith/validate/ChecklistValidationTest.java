package dev.stigsmith.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.cli.StigsmithCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STIG Viewer checklists as evaluate writes them validate against DISA's CKL XSD and CKLB JSON schema (in
 * ../shared/formats, so a conformance test); a broken copy of each is invalid at the broken line; and
 * generate's own output validates with only the justified warnings of the official SCAP 1.3 rules.
 */
@Tag("conformance")
class ChecklistValidationTest {
  private static final Path FORMATS = Path.of("..", "shared", "formats");
  @TempDir Path tmp;

  private static int run(StringWriter out, String... args) {
    return StigsmithCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
  }

  @Test
  void evaluateOutputValidatesAndBrokenChecklistsDoNot() throws Exception {
    Path gen = tmp.resolve("gen");
    assertThat(run(new StringWriter(), "generate", "--out", gen.toString())).isZero();
    Path ds;
    try (Stream<Path> s = Files.walk(gen)) {
      ds = s.filter(p -> p.toString().endsWith("-ds.xml")).findFirst().orElseThrow();
    }
    Path results = tmp.resolve("results");
    run(new StringWriter(), "evaluate", "--content", ds.toString(), "--host-data", "content/samples/edge-compliant.json",
        "--out", results.toString());
    Path ckl;
    Path cklb;
    try (Stream<Path> s = Files.walk(results)) {
      List<Path> all = s.toList();
      ckl = all.stream().filter(p -> p.toString().endsWith(".ckl")).findFirst().orElseThrow();
      cklb = all.stream().filter(p -> p.toString().endsWith(".cklb")).findFirst().orElseThrow();
    }
    Options withSchemas = new Options(true, true, FORMATS, 2);
    List<FileReport> ok = Validation.run(List.of(ckl, cklb), withSchemas);
    assertThat(ok).allSatisfy(r -> assertThat(r.valid()).as(r.problems().toString() + r.cannotRun()).isTrue());
    assertThat(ok).extracting(FileReport::kind).containsExactly("STIG Viewer checklist (CKL)", "STIG Viewer 3 checklist (CKLB)");

    Path badCkl = tmp.resolve("bad.ckl");
    Files.writeString(badCkl, Files.readString(ckl).replaceFirst("<STATUS>[^<]*</STATUS>", "<STATUS>Done</STATUS>"));
    Path badCklb = tmp.resolve("bad.cklb");
    Files.writeString(badCklb, Files.readString(cklb).replaceFirst("\"status\" *: *\"[a-z_]+\"", "\"status\": \"done\""));
    List<FileReport> bad = Validation.run(List.of(badCkl, badCklb), withSchemas);
    assertThat(bad).allSatisfy(r -> {
      assertThat(r.valid()).isFalse();
      assertThat(r.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    });
    assertThat(bad.get(0).problems()).anySatisfy(p -> assertThat(p.message()).contains("Done"));
    assertThat(bad.get(1).problems()).anySatisfy(p -> assertThat(p.ruleId()).startsWith("json-schema:"));
  }

  @Test
  void generatedContentIsCleanButForTheJustifiedScapWarnings() throws Exception {
    Path gen = tmp.resolve("gen");
    assertThat(run(new StringWriter(), "generate", "--out", gen.toString())).isZero();
    List<FileReport> reports = Validation.run(List.of(gen, Path.of("content")), Options.defaults());
    assertThat(reports).hasSizeGreaterThanOrEqualTo(7).allSatisfy(r -> assertThat(r.valid()).as(r.file().toString()).isTrue());
    // SRC-251-1 / SRC-207-1: STIG rules carry CCIs, not CCEs; A-26-1: role defaults to "full";
    // the one XCCDF warning: DISA's platform ids use the CPE 2.2 URI binding.
    assertThat(reports.stream().flatMap(r -> r.problems().stream()).map(p -> p.ruleId()).distinct())
        .allMatch(id -> List.of("SRC-251-1", "SRC-207-1", "A-26-1", "schematron:xccdf_1.2").contains(id));
  }

  @Test
  void disasOwnBenchmarksPassTheStigLintUntouched() throws Exception {
    List<Path> disa;
    try (Stream<Path> s = Files.list(Path.of("..", "shared", "disa"))) {
      disa = s.filter(p -> p.toString().endsWith("-xccdf.xml")).sorted().toList();
    }
    assertThat(disa).isNotEmpty();
    assertThat(Validation.run(disa, Options.defaults()))
        .allSatisfy(r -> assertThat(r.problems()).as(r.file().toString()).isEmpty());
  }
}
