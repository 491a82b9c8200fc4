package dev.stigsmith.cli;

/** Bad input from the user: printed as one line, with the exit code the command documents. */
public final class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(String message, int exitCode) {
    super(message.replaceAll("\\s+", " ").trim());
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
