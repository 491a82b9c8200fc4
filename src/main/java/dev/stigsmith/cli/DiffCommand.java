package dev.stigsmith.cli;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.diff.DiffFormat;
import dev.stigsmith.diff.ReleaseDiff;
import dev.stigsmith.importer.ImportException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two releases of a STIG. Each side is a DISA manual XCCDF file or a content folder (one benchmark).",
      "Reports rules added and removed, Rule ID revision bumps, changed title/discussion/check/fix (word diff),",
      "severity and CCI changes, and which automated checks are affected.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no differences", "1:differences reported", "2:bad input"})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD") Path oldSide;

  @Parameters(index = "1", paramLabel = "NEW") Path newSide;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    DiffFormat f;
    try {
      f = DiffFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UserError("--format: " + e.getMessage(), 2);
    }
    ReleaseDiff d;
    try {
      d = ReleaseDiff.compare(ReleaseDiff.load(oldSide), ReleaseDiff.load(newSide));
    } catch (ImportException | ContentException e) {
      throw new UserError(e.getMessage(), 2);
    }
    spec.commandLine().getOut().print(f.render(d));
    return d.isEmpty() ? 0 : 1;
  }
}
