package dev.stigsmith.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "audit-text", mixinStandardHelpOptions = true, description = "Not yet.")
final class ImportAuditTextCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE") Path file;

  @Override
  public Integer call() {
    throw new UserError("audit-text import is not implemented yet", 2);
  }
}
