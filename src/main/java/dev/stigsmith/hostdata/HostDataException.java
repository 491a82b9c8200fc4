package dev.stigsmith.hostdata;

import java.nio.file.Path;

/**
 * Host data a user gave us is unusable. The message is one line:
 * {@code file[:line[:col]]: [json-path: ]what}, leaving out what is unknown.
 */
public class HostDataException extends Exception {
  private final Path file;
  private final int line;
  private final String where;
  private final String problem;

  public HostDataException(Path file, int line, int column, String where, String problem) {
    super(oneLine(file, line, column, where, problem));
    this.file = file;
    this.line = line;
    this.where = where;
    this.problem = problem;
  }

  public HostDataException(Path file, String problem) {
    this(file, -1, -1, null, problem);
  }

  public Path file() {
    return file;
  }

  /** 1-based line, or -1 when unknown. */
  public int line() {
    return line;
  }

  /** JSON path or property name the problem is at, or null. */
  public String where() {
    return where;
  }

  /** The problem alone, without location. */
  public String problem() {
    return problem;
  }

  private static String oneLine(Path file, int line, int column, String where, String problem) {
    StringBuilder sb = new StringBuilder(file == null ? "<input>" : file.toString());
    if (line > 0) sb.append(':').append(line);
    if (line > 0 && column > 0) sb.append(':').append(column);
    sb.append(": ");
    if (where != null && !where.isEmpty()) sb.append(where).append(": ");
    String p = problem == null ? "unusable host data" : problem;
    return sb.append(p.replaceAll("\\s+", " ").trim()).toString();
  }
}
