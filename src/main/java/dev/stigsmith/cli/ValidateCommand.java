package dev.stigsmith.cli;

import dev.stigsmith.xml.Problem;
import dev.stigsmith.xml.ScapValidator;
import dev.stigsmith.xml.ValidationReport;
import dev.stigsmith.xml.XmlInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validates SCAP documents (XCCDF 1.2/1.1, OVAL 5.11.2, CPE 2.3, OCIL 2.0, SCAP 1.3 data streams, ARF 1.1)"
          + " against the official schemas and Schematron rules, offline.",
      "Exit status: 0 all valid, 1 some invalid, 2 some could not be validated."
    })
public final class ValidateCommand implements Callable<Integer> {
  static final int VALID = 0;
  static final int INVALID = 1;
  static final int CANNOT_RUN = 2;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "SCAP documents to validate")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int worst = VALID;
    // A batch goes on past a bad file; the exit code reports the worst outcome.
    for (Path file : files) {
      try {
        ValidationReport report = ScapValidator.validate(file);
        for (Problem p : report.problems()) {
          out.println(p.oneLine());
        }
        if (report.valid()) {
          out.println(file + ": valid (" + report.kind().title() + ")");
        } else {
          worst = Math.max(worst, INVALID);
        }
      } catch (XmlInputException e) {
        err.println(e.oneLine());
        worst = CANNOT_RUN;
      }
    }
    out.flush();
    return worst;
  }
}
