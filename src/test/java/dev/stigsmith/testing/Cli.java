package dev.stigsmith.testing;

import dev.stigsmith.cli.StigsmithCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, capturing what a user would see. */
public final class Cli {
  private Cli() {}

  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StigsmithCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
