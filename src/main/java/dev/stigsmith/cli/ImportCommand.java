package dev.stigsmith.cli;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.importer.ContentImport;
import dev.stigsmith.importer.ImportException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Bring rules from outside into stigsmith content.",
    subcommands = {ImportCommand.Disa.class, ImportAuditTextCommand.class})
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: disa or audit-text.");
  }

  @Command(
      name = "disa",
      mixinStandardHelpOptions = true,
      description = {
        "Import a DISA manual STIG benchmark (XCCDF 1.1.4) into content: a new benchmark folder, or an update of",
        "the folder holding the same benchmark id (automated checks, remediation scripts and history are kept;",
        "a replaced revision moves into history).",
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:content written (or already up to date)", "2:bad input (nothing written)"})
  static final class Disa implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.xml", description = "DISA's *_Manual-xccdf.xml")
    Path file;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
        description = "Content folder holding benchmark folders and cci.yaml (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--folder", paramLabel = "NAME",
        description = "Folder name for a benchmark not yet in the content (default: derived from its id).")
    String folder;

    @Override
    public Integer call() {
      ContentImport.Report r;
      try {
        r = ContentImport.importDisa(file, content, folder);
      } catch (ImportException | ContentException e) {
        throw new UserError(e.getMessage(), 2);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println((r.created() ? "created " : "updated ") + r.folder() + " (" + r.benchmarkId() + ")");
      r.changes().forEach(c -> out.println("  " + c));
      out.println("  " + r.unchanged() + " rule(s) unchanged");
      if (!r.unknownCcis().isEmpty()) {
        out.println("  CCIs not in cci.yaml, added without NIST controls (fill them in): " + String.join(", ", r.unknownCcis()));
      }
      r.written().forEach(p -> out.println("wrote " + p));
      return 0;
    }
  }
}
