package dev.stigsmith.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "stigsmith",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "DISA STIG rules to SCAP content; collected server data to SCAP and STIG results.",
    subcommands = {
      CommandLine.HelpCommand.class,
      GenerateCommand.class,
      EvaluateCommand.class,
      ReportCommand.class,
      SupportCommand.class,
      ValidateCommand.class,
      ImportCommand.class,
      DiffCommand.class,
    })
public final class StigsmithCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command; see 'stigsmith --help'.");
  }

  /** Runs one command line in-process; tests call this with their own writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new StigsmithCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new Failures(err));
    cl.setParameterExceptionHandler(Failures::usage);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
