package dev.stigsmith.content;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes YAML scalars so that they read back as exactly the same text. Each candidate form (plain,
 * literal block, double-quoted) is parsed back before use; the first that round-trips wins, and
 * double-quoted with escapes always does.
 */
final class YamlText {
  private YamlText() {}

  private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9 ._()/,'+\\-]*");

  /**
   * What follows {@code key:} for {@code text}, without the final line break; {@code indent} is the
   * column of the key, block content goes two columns deeper.
   */
  static String scalar(String text, int indent) {
    if (PLAIN.matcher(text).matches() && !text.endsWith(" ")) {
      String plain = " " + text;
      if (readsBack(plain, text, 0)) return plain;
    }
    if (text.contains("\n")) {
      String literal = literal(text, indent);
      if (literal != null && readsBack(literal, text, indent)) return literal;
    }
    return " " + quoted(text);
  }

  /** A scalar where only a quoted or plain form fits (flow lists). */
  static String flowItem(String text) {
    if (PLAIN.matcher(text).matches() && !text.endsWith(" ") && !text.contains(",") && readsBack(" " + text, text, 0)) return text;
    return quoted(text);
  }

  static String flowList(List<String> items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(flowItem(items.get(i)));
    }
    return sb.append(']').toString();
  }

  private static String literal(String text, int indent) {
    String body = text;
    String chomp = "-";
    if (body.endsWith("\n")) {
      body = body.substring(0, body.length() - 1);
      chomp = "";
      if (body.endsWith("\n")) return null;
    }
    if (body.isEmpty() || Character.isWhitespace(body.charAt(0))) return null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n') || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') return null;
    }
    String pad = " ".repeat(indent + 2);
    StringBuilder sb = new StringBuilder(" |").append(chomp);
    for (String line : body.split("\n", -1)) {
      sb.append('\n');
      if (!line.isEmpty()) sb.append(pad).append(line);
    }
    return sb.toString();
  }

  static String quoted(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean readsBack(String form, String text, int indent) {
    String doc = " ".repeat(indent) + "k:" + form + "\n";
    try {
      org.yaml.snakeyaml.nodes.Node root = dev.stigsmith.io.SafeYaml.compose(new StringReader(doc));
      if (!(root instanceof MappingNode m) || m.getValue().size() != 1) return false;
      if (!(m.getValue().get(0).getValueNode() instanceof ScalarNode s)) return false;
      // Only text that any YAML reader takes as a string: no nulls, booleans, numbers or dates.
      return Tag.STR.equals(s.getTag()) && s.getValue().equals(text);
    } catch (YAMLException e) {
      return false;
    }
  }
}
