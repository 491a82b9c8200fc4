package dev.stigsmith.hostdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stigsmith.io.SafeJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON file that remembers the line of every value, so that messages can name both the
 * JSON path and the line.
 */
final class JsonSource {

  private static final Object OBJECT = new Object();

  final Path file;
  final JsonNode root;
  /** The text, kept until a line is asked for: lines are for error messages, and most files have none. */
  private final String text;
  private Map<String, Integer> lines;

  private JsonSource(Path file, JsonNode root, String text) {
    this.file = file;
    this.root = root;
    this.text = text;
  }

  static JsonSource parse(Path file, String text) throws HostDataException {
    JsonNode root;
    try {
      root = SafeJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      throw new HostDataException(file, line, col, null, "not valid JSON: " + SafeJson.plainMessage(e));
    }
    if (root == null || root.isMissingNode()) throw new HostDataException(file, "empty file");
    return new JsonSource(file, root, text);
  }

  /** JSON pointer of every value → the line its first token is on. */
  private static Map<String, Integer> lines(String text) {
    Map<String, Integer> out = new HashMap<>();
    try (JsonParser p = SafeJson.factory().createParser(text)) {
      Deque<Object> path = new ArrayDeque<>(); // field name, OBJECT, or int[] index counter
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          path.push(p.currentName());
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          path.pop();
          popField(path);
          continue;
        }
        if (!path.isEmpty() && path.peek() instanceof int[] counter) counter[0]++;
        out.putIfAbsent(pointer(path), p.currentTokenLocation().getLineNr());
        if (t == JsonToken.START_OBJECT) path.push(OBJECT);
        else if (t == JsonToken.START_ARRAY) path.push(new int[] {-1});
        else popField(path);
      }
    } catch (IOException e) {
      // The tree parse already succeeded; lines are a courtesy.
    }
    return out;
  }

  private static void popField(Deque<Object> path) {
    if (!path.isEmpty() && path.peek() instanceof String) path.pop();
  }

  private static String pointer(Deque<Object> path) {
    StringBuilder sb = new StringBuilder();
    var it = path.descendingIterator();
    while (it.hasNext()) {
      Object o = it.next();
      if (o instanceof int[] c) sb.append('/').append(c[0]);
      else if (o instanceof String) sb.append('/').append(((String) o).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** Line of the value at the pointer, or of its nearest parent we know. */
  int lineOf(String pointer) {
    // A second pass over the text, with a pointer string per value: a fleet run paid it for every host.
    if (lines == null) lines = lines(text);
    String p = pointer;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) return l;
      if (p.isEmpty()) return -1;
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  static String child(String pointer, String field) {
    return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** "$.cmdlets.Get-SendConnector.objects[0].RequireTLS" for a pointer into this document. */
  String display(String pointer) {
    StringBuilder sb = new StringBuilder("$");
    JsonNode node = root;
    if (pointer.isEmpty()) return sb.toString();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String seg = raw.replace("~1", "/").replace("~0", "~");
      if (node != null && node.isArray()) {
        sb.append('[').append(seg).append(']');
        node = seg.matches("\\d+") ? node.get(Integer.parseInt(seg)) : null;
      } else {
        if (seg.matches("[A-Za-z_][A-Za-z0-9_-]*")) sb.append('.').append(seg);
        else sb.append("['").append(seg.replace("\\", "\\\\").replace("'", "\\'")).append("']");
        node = node == null ? null : node.get(seg);
      }
    }
    return sb.toString();
  }

  HostDataException error(String pointer, String problem) {
    return new HostDataException(file, lineOf(pointer), -1, display(pointer), problem);
  }
}
