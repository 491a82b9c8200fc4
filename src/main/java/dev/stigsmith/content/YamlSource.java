package dev.stigsmith.content;

import dev.stigsmith.io.SafeYaml;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML content file into located {@link Node}s. Only composes the node graph: no object
 * construction, so no YAML tags can instantiate anything.
 */
public final class YamlSource {
  private YamlSource() {}

  public static Node.Mapping read(Path file) throws ContentException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      org.yaml.snakeyaml.nodes.Node root = SafeYaml.compose(in);
      if (root == null) throw new ContentException(file, 1, null, "file is empty");
      Node n = convert(file, root, "");
      if (!(n instanceof Node.Mapping m)) throw n.error("expected a mapping at the top of the file");
      return m;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine() + 1;
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      throw new ContentException(file, line, null, "not valid YAML: " + SafeYaml.plainMessage(problem));
    } catch (YAMLException e) {
      throw new ContentException(file, -1, null, "not valid YAML: " + SafeYaml.plainMessage(e.getMessage()));
    } catch (IOException e) {
      throw new ContentException(file, -1, null, "cannot read: " + e.getMessage());
    }
  }

  private static Node convert(Path file, org.yaml.snakeyaml.nodes.Node n, String path) throws ContentException {
    int line = n.getStartMark().getLine() + 1;
    if (n instanceof ScalarNode s) {
      boolean isNull = Tag.NULL.equals(s.getTag());
      return new Node.Scalar(file, line, path, isNull ? "" : s.getValue(), isNull);
    }
    if (n instanceof SequenceNode q) {
      List<Node> items = new ArrayList<>();
      int i = 0;
      for (org.yaml.snakeyaml.nodes.Node c : q.getValue()) items.add(convert(file, c, path + "[" + i++ + "]"));
      return new Node.Seq(file, line, path, items);
    }
    MappingNode m = (MappingNode) n;
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new ContentException(file, t.getKeyNode().getStartMark().getLine() + 1, path, "keys must be text");
      }
      String key = k.getValue();
      // Composing does not check duplicates (SnakeYAML checks them when constructing, which we never do).
      Node earlier = fields.get(key);
      if (earlier != null) {
        throw new ContentException(file, k.getStartMark().getLine() + 1, path,
            "duplicate key '" + key + "' (first at line " + earlier.line() + ") — expected each key once");
      }
      fields.put(key, convert(file, t.getValueNode(), Node.join(path, key)));
    }
    return new Node.Mapping(file, line, path, fields);
  }
}
