package dev.stigsmith.xml;

import java.nio.file.Path;

/**
 * One thing wrong with a document. Line and column are 0 when unknown; Schematron findings carry the XPath
 * of the offending node in {@code location} (and its line when it could be found). {@code ruleId} names the
 * check that found it (an XSD constraint, a Schematron assertion, one of our own rules) so that a CI can
 * filter and count by it.
 */
public record Problem(Path file, int line, int column, Severity severity, String message, String location,
    String ruleId) {
  public enum Severity { ERROR, WARNING }

  public Problem {
    message = message == null ? "" : message.replaceAll("\\s+", " ").trim();
    location = location == null ? "" : location;
    ruleId = ruleId == null ? "" : ruleId;
  }

  public Problem(Path file, int line, int column, Severity severity, String message, String location) {
    this(file, line, column, severity, message, location, "");
  }

  /** "file:line:col: severity: message [rule-id]" (leaving out what is unknown), plus the XPath when there is no line. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder(String.valueOf(file));
    if (line > 0) sb.append(':').append(line);
    if (line > 0 && column > 0) sb.append(':').append(column);
    sb.append(": ").append(severity.name().toLowerCase()).append(": ").append(message);
    if (line <= 0 && !location.isEmpty()) sb.append(" (at ").append(location).append(')');
    if (!ruleId.isEmpty()) sb.append(" [").append(ruleId).append(']');
    return sb.toString();
  }
}
