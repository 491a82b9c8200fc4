package dev.stigsmith.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.cli.StigsmithCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process's head start for validate (schema and Schematron compiled while the command line is parsed)
 * changes no outcome: a process started as users start it prints and exits exactly as the same command run
 * in-process without one, on valid, invalid, not well-formed and refused documents.
 */
class HeadStartTest {
  @TempDir Path tmp;

  @Test
  void theFirstXmlFileIsChosenPastOptionValues() {
    assertThat(Validation.headStartFile(new String[] {"-o", "report.xml", "--format", "junit", "ds.xml", "b.xml"}))
        .isEqualTo(Path.of("ds.xml"));
    assertThat(Validation.headStartFile(new String[] {"--no-schematron", "-j", "2", "out/", "a.xml"})).isEqualTo(Path.of("a.xml"));
    assertThat(Validation.headStartFile(new String[] {"--schema-dir", "x.xml", "host.cklb"})).isNull();
    assertThat(Validation.headStartFile(new String[] {"--", "-odd.xml"})).isEqualTo(Path.of("-odd.xml"));
    assertThat(Validation.headStartFile(new String[] {"content/"})).isNull();
  }

  @Test
  void aProcessWithTheHeadStartReportsAsARunWithout() throws Exception {
    Path truncated = tmp.resolve("truncated.xml");
    String ds = Files.readString(Corpus.dir().resolve("sds-valid.xml"));
    Files.writeString(truncated, ds.substring(0, ds.length() / 2));
    List<List<String>> lines = new ArrayList<>();
    for (String file : List.of("sds-valid.xml", "sds-dangling-component.xml", "oval-defs-valid.xml", "doctype.xml")) {
      lines.add(List.of("validate", Corpus.dir().resolve(file).toString()));
    }
    lines.add(List.of("validate", "--no-schematron", truncated.toString()));
    lines.add(List.of("validate", "--format", "json", Corpus.dir().resolve("sds-valid.xml").toString()));
    for (List<String> args : lines) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = StigsmithCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "dev.stigsmith.cli.Main"));
      command.addAll(args);
      Path stdout = tmp.resolve("out.txt");
      Path stderr = tmp.resolve("err.txt");
      Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      assertThat(p.waitFor()).as(args.toString()).isEqualTo(code);
      assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).as(args.toString()).isEqualTo(out.toString());
      assertThat(Files.readString(stderr, StandardCharsets.UTF_8)).as(args.toString()).isEqualTo(err.toString());
    }
  }
}
