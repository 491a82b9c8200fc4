package dev.stigsmith.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A YAML node that remembers where it came from, so every content error can name file and line.
 * Accessors are strict: a wrong type, a missing required field or an unexpected field is an error.
 */
public sealed interface Node {
  Path file();

  int line();

  /** The dotted path of this node from the document root, e.g. "automated.branches[0].require". */
  String path();

  default ContentException error(String message) {
    return new ContentException(file(), line(), path(), message);
  }

  record Scalar(Path file, int line, String path, String text, boolean isNull) implements Node {}

  record Seq(Path file, int line, String path, List<Node> items) implements Node {
    public Seq {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }
  }

  record Mapping(Path file, int line, String path, Map<String, Node> fields) implements Node {
    public Mapping {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Fails on the first field not in {@code allowed}: a typo must not be silently ignored. */
    public Mapping allow(String... allowed) throws ContentException {
      Set<String> ok = Set.of(allowed);
      for (Map.Entry<String, Node> e : fields.entrySet()) {
        if (!ok.contains(e.getKey())) {
          throw e.getValue().error("unknown field (expected one of: " + String.join(", ", new TreeSet<>(ok)) + ")");
        }
      }
      return this;
    }

    public boolean has(String key) {
      Node n = fields.get(key);
      return n != null && !(n instanceof Scalar s && s.isNull());
    }

    public Node require(String key) throws ContentException {
      Node n = fields.get(key);
      if (n == null || (n instanceof Scalar s && s.isNull())) {
        throw new ContentException(file, line, join(path, key), "missing (required)");
      }
      return n;
    }

    public String text(String key) throws ContentException {
      Node n = require(key);
      if (!(n instanceof Scalar s)) throw n.error("expected text, found " + kind(n));
      if (s.text().isBlank()) throw n.error("must not be empty");
      return s.text();
    }

    /** Text that may be present but empty, or absent (then the default). */
    public String optText(String key, String dflt) throws ContentException {
      Node n = fields.get(key);
      if (n == null || (n instanceof Scalar s0 && s0.isNull())) return dflt;
      if (!(n instanceof Scalar s)) throw n.error("expected text, found " + kind(n));
      return s.text();
    }

    public Mapping map(String key) throws ContentException {
      Node n = require(key);
      if (!(n instanceof Mapping m)) throw n.error("expected a mapping, found " + kind(n));
      return m;
    }

    public List<Node> list(String key) throws ContentException {
      Node n = fields.get(key);
      if (n == null || (n instanceof Scalar s && s.isNull())) return List.of();
      if (!(n instanceof Seq q)) throw n.error("expected a list, found " + kind(n));
      return q.items();
    }

    public List<String> texts(String key) throws ContentException {
      List<String> out = new ArrayList<>();
      for (Node n : list(key)) {
        if (!(n instanceof Scalar s) || s.isNull()) throw n.error("expected text, found " + kind(n));
        out.add(s.text());
      }
      return out;
    }

    /** Parses a text field with {@code parse}; its IllegalArgumentException becomes a located error. */
    public <T> T parsed(String key, Function<String, T> parse) throws ContentException {
      String t = text(key);
      try {
        return parse.apply(t);
      } catch (NumberFormatException e) {
        throw require(key).error("\"" + t + "\" is not a whole number — expected digits, e.g. 3");
      } catch (java.time.format.DateTimeParseException e) {
        throw require(key).error("\"" + t + "\" is not a date — expected YYYY-MM-DD");
      } catch (RuntimeException e) {
        throw require(key).error(e.getMessage());
      }
    }

    public <T> T optParsed(String key, Function<String, T> parse, T dflt) throws ContentException {
      return has(key) ? parsed(key, parse) : dflt;
    }
  }

  static String join(String parent, String key) {
    return parent == null || parent.isEmpty() ? key : parent + "." + key;
  }

  static String kind(Node n) {
    if (n instanceof Mapping) return "a mapping";
    if (n instanceof Seq) return "a list";
    return ((Scalar) n).isNull() ? "nothing" : "text";
  }
}
