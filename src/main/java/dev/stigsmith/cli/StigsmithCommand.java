package dev.stigsmith.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "stigsmith",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "DISA STIG rules to SCAP content; collected server data to SCAP and STIG results.")
public final class StigsmithCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Read from the arguments before parsing (see run); declared so that every command accepts it. */
  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "On an error, also print the stack trace (for a bug report).")
  boolean debug;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command; see 'stigsmith --help'.");
  }

  private static final String[] NAMES = {"generate", "evaluate", "report", "support", "validate", "import", "diff"};
  @SuppressWarnings("unchecked")
  private static final java.util.function.Supplier<Object>[] COMMANDS = new java.util.function.Supplier[] {
    GenerateCommand::new, EvaluateCommand::new, ReportCommand::new, SupportCommand::new, ValidateCommand::new,
    ImportCommand::new, DiffCommand::new,
  };

  /** --debug anywhere before a "--" end-of-options marker. */
  static boolean debug(String[] args) {
    for (String a : args) {
      if (a.equals("--")) return false;
      if (a.equals("--debug")) return true;
    }
    return false;
  }

  /** Runs one command line in-process; tests call this with their own writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new StigsmithCommand());
    // Picocli reflects over every command it is given; building only the one being run saves a
    // good share of start-up. Anything else (help, no or an unknown command) gets them all.
    String first = args.length == 0 ? "" : args[0];
    boolean one = false;
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(first)) {
        cl.addSubcommand(NAMES[i], COMMANDS[i].get());
        one = true;
      }
    }
    if (!one) {
      cl.addSubcommand("help", new CommandLine.HelpCommand());
      for (int i = 0; i < NAMES.length; i++) cl.addSubcommand(NAMES[i], COMMANDS[i].get());
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new Failures(err, debug(args)));
    cl.setParameterExceptionHandler(Failures::usage);
    int code;
    try {
      code = cl.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // Input limits should make these unreachable; if one is reached, still one line, not a JVM dump.
      err.println("stigsmith: internal error: " + (e instanceof StackOverflowError ? "input nested too deeply"
          : "out of memory") + " (please report this; --debug shows where)");
      if (debug(args)) e.printStackTrace(err);
      code = 70;
    }
    out.flush();
    err.flush();
    return code;
  }
}
