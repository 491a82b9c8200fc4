package dev.stigsmith.export;

import java.nio.file.Path;

/** A checklist a user gave us is unusable; {@link #getMessage()} is one line naming the file and where in it. */
public class ChecklistInputException extends Exception {
  private final Path file;

  /** @param where line number, JSON path or element, or null */
  public ChecklistInputException(Path file, String where, String message) {
    super(file + location(where) + ": " + message.replaceAll("\\s+", " ").trim());
    this.file = file;
  }

  public Path file() { return file; }

  /** ":12" for a line, else ": $.stigs" so that the line column stays a number: file[:line]: where: what. */
  private static String location(String where) {
    if (where == null || where.isEmpty()) return "";
    where = where.replaceAll("\\s+", " ").trim();
    return where.matches("\\d+(:\\d+)?") ? ":" + where : ": " + where;
  }
}
