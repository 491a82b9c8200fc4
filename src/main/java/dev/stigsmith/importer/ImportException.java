package dev.stigsmith.importer;

import java.nio.file.Path;

/** Input to an importer is unusable; the message is one line naming the file (and line when known). */
public class ImportException extends Exception {
  public ImportException(Path file, int line, String message) {
    super(String.valueOf(file) + (line > 0 ? ":" + line : "") + ": " + message.replaceAll("\\s+", " ").trim());
  }
}
