package dev.stigsmith.xml;

import java.nio.file.Path;

/** An XML document a user gave us is unusable; the message is one line: file:line:col: what. */
public class XmlInputException extends Exception {
  private final Path file;
  private final int line;
  private final int column;

  public XmlInputException(Path file, int line, int column, String message) {
    super(SafeXml.plainMessage(message));
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public Path file() { return file; }
  public int line() { return line; }
  public int column() { return column; }

  /** "file:line:col: message", leaving out what is unknown. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder(String.valueOf(file));
    if (line > 0) sb.append(':').append(line);
    if (line > 0 && column > 0) sb.append(':').append(column);
    String m = getMessage() == null ? "invalid XML" : getMessage().replaceAll("\\s+", " ").trim();
    return sb.append(": ").append(m).toString();
  }
}
