package dev.stigsmith.cli;

import dev.stigsmith.validate.FileReport;
import dev.stigsmith.validate.Options;
import dev.stigsmith.validate.Reports;
import dev.stigsmith.validate.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates SCAP documents (XCCDF 1.2/1.1.4 benchmarks, tailoring and results; OVAL 5.11 definitions, system"
          + " characteristics, results and variables; CPE 2.3; OCIL 2.0; SCAP 1.3 source data streams; ARF 1.1),"
          + " STIG Viewer checklists (CKL, CKLB: with --schema-dir), stigsmith host data and content folders,"
          + " offline: official XSDs and Schematron, references across components, and lint for STIG authors.",
      "Folders are searched for .xml, .ckl, .cklb and .json files and content folders (benchmark.yaml);"
          + " files of other kinds found there are skipped.",
      "Exit status: 0 all valid, 1 some invalid (or more warnings than --max-warnings), 2 some could not be validated."
    })
public final class ValidateCommand implements Callable<Integer> {
  static final int VALID = 0;
  static final int INVALID = 1;
  static final int CANNOT_RUN = 2;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "documents, or folders to search")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (file:line:col: severity: message [rule]), json, junit (one testcase per file) or sarif (2.1.0)")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "write the report there instead of standard output (a one-line summary still goes to standard output)")
  Path output;

  @Option(names = "--max-warnings", paramLabel = "N", defaultValue = "-1",
      description = "more than N warnings in all makes the run invalid (exit 1); default: warnings never fail")
  int maxWarnings;

  @Option(names = "--no-schematron", description = "XSD and reference checks only (what oscap ds sds-validate does)")
  boolean noSchematron;

  @Option(names = "--no-lint", description = "skip the authoring lint (unused items, STIG ids and fields); reference checks stay")
  boolean noLint;

  @Option(names = "--schema-dir", paramLabel = "DIR",
      description = "folder holding DISA's " + Validation.CKL_XSD + " and " + Validation.CKLB_SCHEMA + " (needed for CKL and CKLB)")
  Path schemaDir;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "files validated at once (default: the number of cores)")
  Integer jobs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Reports.Format f;
    try {
      f = Reports.Format.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("validate: --format must be text, json, junit or sarif, not '" + format + "'");
      err.flush();
      return CANNOT_RUN;
    }
    if (schemaDir != null && !Files.isDirectory(schemaDir)) {
      err.println("validate: --schema-dir " + schemaDir + ": not a folder");
      err.flush();
      return CANNOT_RUN;
    }
    Options options = new Options(!noSchematron, !noLint, schemaDir,
        jobs == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, jobs));
    List<FileReport> reports = Validation.run(files, options);
    String rendered = Reports.render(f, reports, Version.current());
    if (output != null) {
      try {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(output, rendered, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println(output + ": cannot write: " + e.getMessage());
        err.flush();
        return CANNOT_RUN;
      }
      out.println(Reports.summary(reports));
    } else if (f == Reports.Format.TEXT) {
      // Problems go to standard output; what could not be validated also to standard error, for people.
      out.print(rendered);
      for (FileReport r : reports) if (r.cannotRun() != null) err.println(r.file() + ": " + r.cannotRun());
    } else {
      out.print(rendered);
    }
    out.flush();
    err.flush();
    if (reports.isEmpty()) {
      err.println("validate: no SCAP documents, checklists, host data or content folders found in " + files);
      err.flush();
      return CANNOT_RUN;
    }
    if (reports.stream().anyMatch(r -> r.cannotRun() != null)) return CANNOT_RUN;
    long warnings = reports.stream().mapToLong(FileReport::warnings).sum();
    if (reports.stream().anyMatch(r -> !r.valid())) return INVALID;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      err.println("validate: " + warnings + " warnings, more than --max-warnings " + maxWarnings);
      err.flush();
      return INVALID;
    }
    return VALID;
  }
}
