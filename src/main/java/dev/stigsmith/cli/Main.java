package dev.stigsmith.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Wires the process's streams to the command and exits; nothing else lives here. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(StigsmithCommand.run(out, err, args));
  }
}
