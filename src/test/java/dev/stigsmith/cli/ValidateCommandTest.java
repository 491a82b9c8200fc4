package dev.stigsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.xml.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return StigsmithCommand.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void allValidExitsZeroAndSaysSo() {
    Path xccdf = Fixtures.path("xml/valid/xccdf12-benchmark.xml");
    Path oval = Fixtures.path("xml/valid/oval-definitions.xml");
    assertThat(run("validate", xccdf.toString(), oval.toString())).isZero();
    assertThat(out.toString())
        .contains(xccdf + ": valid (XCCDF 1.2 benchmark)")
        .contains(oval + ": valid (OVAL 5.11.2 definitions)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void someInvalidExitsOneWithOneLinePerProblem() {
    Path good = Fixtures.path("xml/valid/oval-system-characteristics.xml");
    Path bad = Fixtures.path("xml/invalid/oval-system-characteristics.xml");
    assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(good + ": valid");
    assertThat(out.toString().lines().filter(l -> l.startsWith(bad + ":23:")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(": error: "));
    assertThat(out.toString()).doesNotContain(bad + ": valid");
  }

  @Test
  void unusableInputExitsTwoAndTheBatchGoesOn() throws Exception {
    Path unknown = tmp.resolve("unknown.xml");
    Files.writeString(unknown, "<root/>");
    Path missing = tmp.resolve("missing.xml");
    Path good = Fixtures.path("xml/valid/xccdf12-benchmark.xml");
    assertThat(run("validate", unknown.toString(), missing.toString(), good.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(unknown + ": unknown document kind")
        .contains(missing + ": cannot read")
        .doesNotContain("Exception");
    assertThat(out.toString()).contains(good + ": valid");
  }

  @Test
  void notWellFormedIsInvalidNotCouldNotRun() throws Exception {
    Path notXml = tmp.resolve("plain.xml");
    Files.writeString(notXml, "plain text");
    assertThat(run("validate", notXml.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(notXml + ":1:1: error: not well-formed XML").contains("[xml-well-formed]");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aDanglingObjectRefIsInvalidAtTheReferringLine() {
    Path f = Fixtures.path("validate/corpus/oval-defs-dangling-object.xml");
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(f + ":25:67: error: object @object_ref 'oval:dev.stigsmith.exchange:obj:2'"
        + " names no object defined in this document [ref-missing:object]");
  }

  @Test
  void aDoctypeIsReportedInTheUsersTerms() {
    Path f = Fixtures.path("validate/corpus/doctype.xml");
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("DOCTYPE declaration is not allowed").doesNotContain("http://apache.org");
  }

  @Test
  void foldersAreSearchedAndOtherFilesSkipped() throws Exception {
    Path dir = tmp.resolve("out");
    Files.createDirectories(dir.resolve("sub"));
    Files.copy(Fixtures.path("validate/corpus/oval-defs-valid.xml"), dir.resolve("sub/oval.xml"));
    Files.copy(Fixtures.path("validate/corpus/ocil-valid.xml"), dir.resolve("ocil.xml"));
    Files.writeString(dir.resolve("summary.json"), "{\"rules\": []}");
    Files.writeString(dir.resolve("junit.xml"), "<testsuites/>");
    Files.writeString(dir.resolve("notes.txt"), "not looked at");
    assertThat(run("validate", dir.toString())).isZero();
    assertThat(out.toString()).contains(dir.resolve("sub/oval.xml") + ": valid").contains(dir.resolve("ocil.xml") + ": valid")
        .contains("2 files: 2 valid, 0 invalid, 0 could not be validated; 0 errors, 0 warnings")
        .doesNotContain("summary.json").doesNotContain("junit.xml");
  }

  @Test
  void maxWarningsTurnsWarningsIntoAFailure() {
    Path f = Fixtures.path("validate/corpus/oval-defs-unused-state.xml");
    assertThat(run("validate", f.toString())).isZero();
    assertThat(run("validate", "--max-warnings", "1", f.toString())).isZero();
    assertThat(run("validate", "--max-warnings", "0", f.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("1 warnings, more than --max-warnings 0");
    assertThat(run("validate", "--no-lint", "--max-warnings", "0", f.toString())).isZero();
  }

  @Test
  void reportsGoToAFileWithASummaryOnStandardOutput() throws Exception {
    Path f = Fixtures.path("validate/corpus/oval-defs-dangling-state.xml");
    Path sarif = tmp.resolve("reports/validate.sarif");
    assertThat(run("validate", "--format", "sarif", "-o", sarif.toString(), f.toString())).isEqualTo(1);
    assertThat(Files.readString(sarif)).contains("\"version\" : \"2.1.0\"").contains("\"startLine\" : 26");
    assertThat(out.toString().strip()).isEqualTo("1 file: 0 valid, 1 invalid, 0 could not be validated; 1 error, 1 warning");
    assertThat(run("validate", "--format", "yaml", f.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--format must be text, json, junit or sarif");
  }

  @Test
  void noSchematronSkipsOnlyTheSchematronFindings() {
    Path f = Fixtures.path("validate/corpus/oval-defs-schematron-no-criteria.xml");
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(run("validate", "--no-schematron", "--no-lint", f.toString())).isZero();
  }

  @Test
  void hostDataAndContentFoldersAreValidatedToo() throws Exception {
    assertThat(run("validate", "content/samples/edge-compliant.json", "content/exchange-2016-edge")).isZero();
    assertThat(out.toString()).contains("edge-compliant.json: valid (stigsmith host data (collector JSON))")
        .contains("content/exchange-2016-edge: valid (stigsmith content)");
    Path bad = tmp.resolve("host.json");
    Files.writeString(bad, Files.readString(Path.of("content/samples/edge-compliant.json"))
        .replaceFirst("\"format\": *\"stigsmith-hostdata\"", "\"format\": \"stigsmith-hostdata\", \"surprise\": 1"));
    assertThat(run("validate", bad.toString())).isEqualTo(1);
    assertThat(out.toString()).contains(bad + ":").contains("[json-schema:");
  }

  @Test
  void checklistsNeedDisasSchemas() throws Exception {
    Path ckl = tmp.resolve("host.ckl");
    Files.writeString(ckl, "<?xml version=\"1.0\"?><CHECKLIST><ASSET/></CHECKLIST>");
    assertThat(run("validate", ckl.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--schema-dir");
  }

  @Test
  void noFileIsAUsageError() {
    assertThat(run("validate")).isEqualTo(2);
  }
}
