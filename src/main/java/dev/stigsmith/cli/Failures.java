package dev.stigsmith.cli;

import dev.stigsmith.xml.XmlInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The CLI's edge: a failure becomes one line on stderr and an exit code, never a stack trace.
 * Commands throw {@link UserError} (or a library exception that knows its file) for bad input.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  private final PrintWriter err;
  private final boolean debug;

  Failures(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  /** A bad option or argument: one line and where to look, with the command's code for invalid input. */
  static int usage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String command = cl.getCommandSpec().qualifiedName();
    err.println("stigsmith: error: " + ex.getMessage().replaceAll("\\s+", " ").trim()
        + " (see '" + command + " --help')");
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
    int code = report(ex);
    // Only on request: a user sees one line; a bug report wants where it came from.
    if (debug) ex.printStackTrace(err);
    return code;
  }

  private int report(Exception ex) {
    if (ex instanceof UserError u) {
      err.println("stigsmith: error: " + u.getMessage());
      return u.exitCode();
    }
    if (ex instanceof XmlInputException x) {
      err.println("stigsmith: error: " + x.oneLine());
      return 2;
    }
    if (ex instanceof dev.stigsmith.oval.model.OvalDocumentException o) {
      err.println("stigsmith: error: " + o.getMessage());
      return 1;
    }
    if (ex instanceof java.io.UncheckedIOException io) {
      err.println("stigsmith: error: " + io.getMessage());
      return 1;
    }
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    err.println("stigsmith: internal error: " + msg.replaceAll("\\s+", " ") + " (please report this)");
    return 70;
  }
}
