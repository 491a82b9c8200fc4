package dev.stigsmith.content;

import java.nio.file.Path;

/** Content sources are malformed; the message names file, line and field. */
public class ContentException extends Exception {
  public ContentException(Path file, int line, String field, String message) {
    super(format(file, line, field, message));
  }

  public ContentException(String message) {
    super(message);
  }

  private static String format(Path file, int line, String field, String message) {
    StringBuilder sb = new StringBuilder(String.valueOf(file));
    if (line > 0) sb.append(':').append(line);
    sb.append(": ");
    // A field is a path of the file's own keys, which may hold line breaks: a message stays one line.
    if (field != null && !field.isEmpty()) sb.append("field '").append(oneLine(field)).append("': ");
    return sb.append(oneLine(message)).toString();
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
