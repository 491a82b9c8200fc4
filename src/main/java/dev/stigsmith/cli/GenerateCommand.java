package dev.stigsmith.cli;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.generate.Generator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Render content sources into SCAP: XCCDF 1.2, OVAL 5.11.2, CPE dictionary, OCIL 2.0 (manual rules) and",
      "a SCAP 1.3 source data stream,",
      "written to OUT/<benchmark id>/.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:files written", "2:bad content or options (nothing written)", "1:an output file could not be written"})
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
      description = "Content folder: one benchmark folder, or a folder of them (default: ${DEFAULT-VALUE}).")
  Path content;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--timestamp", paramLabel = "TIME",
      description = "Time written into the files (epoch seconds or ISO-8601). Default: $SOURCE_DATE_EPOCH, else each benchmark's date.")
  String timestamp;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "scap",
      description = "scap (XCCDF 1.2, OVAL, CPE, OCIL, data stream) or disa-xccdf (DISA's XCCDF 1.1.4 manual benchmark for STIG Viewer). Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    Generator.Format f = switch (format) {
      case "scap" -> Generator.Format.SCAP;
      case "disa-xccdf" -> Generator.Format.DISA_XCCDF;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format: unknown format '" + format + "' (expected scap or disa-xccdf)");
    };
    List<Generator.Output> outputs;
    try {
      outputs = Generator.render(content, Version.current(), Timestamps.resolve(timestamp, System.getenv("SOURCE_DATE_EPOCH"), 2), f);
    } catch (ContentException e) {
      throw new UserError(e.getMessage(), 2);
    }
    for (Path p : Generator.write(outputs, out)) spec.commandLine().getOut().println("wrote " + p);
    return 0;
  }
}
