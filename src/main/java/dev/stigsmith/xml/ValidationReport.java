package dev.stigsmith.xml;

import java.nio.file.Path;
import java.util.List;

/** What validating one file found. Warnings alone leave a document valid. */
public record ValidationReport(Path file, DocumentKind kind, List<Problem> problems) {
  public ValidationReport {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
  }
}
