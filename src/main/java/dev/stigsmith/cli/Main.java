package dev.stigsmith.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Wires the process's streams to the command and exits; nothing else lives here but a head start. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // While picocli builds and parses the command line (~0.1 s on one core), the other core compiles the
    // schema the file to validate needs.
    if (args.length > 1 && args[0].equals("validate")) {
      dev.stigsmith.validate.Validation.headStart(java.util.Arrays.copyOfRange(args, 1, args.length));
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(StigsmithCommand.run(out, err, args));
  }
}
