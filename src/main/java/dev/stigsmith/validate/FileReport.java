package dev.stigsmith.validate;

import dev.stigsmith.xml.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * What validating one input found. {@code cannotRun} is set when the input could not be validated at all
 * (unreadable, of no kind we know, a schema we were not given); then there are no problems.
 */
public record FileReport(Path file, String kind, List<Problem> problems, String cannotRun) {
  public FileReport {
    problems = List.copyOf(problems);
  }

  static FileReport cannotRun(Path file, String why) {
    return new FileReport(file, "", List.of(), why);
  }

  public long errors() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
  }

  public long warnings() {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
  }

  public boolean valid() {
    return cannotRun == null && errors() == 0;
  }
}
