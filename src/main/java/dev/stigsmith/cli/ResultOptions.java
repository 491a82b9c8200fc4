package dev.stigsmith.cli;

import dev.stigsmith.export.ResultFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What people add to results, shared by evaluate and report. */
final class ResultOptions {
  @Option(names = "--answers", paramLabel = "FILE",
      description = "Answer file (YAML): comments and overrides per STIG ID or Vuln ID, optionally per host.")
  Path answers;

  @Option(names = "--previous", paramLabel = "CHECKLIST",
      description = "A previous .ckl/.cklb of the same STIG whose comments and manual reviews carry over.")
  Path previous;

  /** Parses a --format list; a bad name is a usage error naming the option. */
  static Set<ResultFormat> formats(CommandSpec spec, String text) {
    try {
      return EnumSet.copyOf(ResultFormat.parseList(text));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
  }
}
