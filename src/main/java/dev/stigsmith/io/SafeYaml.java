package dev.stigsmith.io;

import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one place that parses YAML. Only the node graph is composed: no constructor runs, so no tag
 * ({@code !!javax.script...}) can instantiate anything; duplicate keys are errors; aliases, nesting
 * and size are bounded by {@link InputLimits} (a billion-laughs file hits the alias limit).
 */
public final class SafeYaml {
  private SafeYaml() {}

  public static LoaderOptions options() {
    InputLimits l = InputLimits.current();
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setMaxAliasesForCollections(l.aliases());
    o.setAllowRecursiveKeys(false);
    o.setNestingDepthLimit(l.depth());
    o.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, l.fileBytes()));
    o.setProcessComments(false);
    o.setWrappedToRootException(false);
    return o;
  }

  /** The root node of the first document, or null for an empty stream. */
  public static Node compose(Reader in) {
    return new Yaml(options()).compose(in);
  }

  /** A limit was hit: the message in terms of the input (SnakeYAML names its own setters). */
  public static String plainMessage(String m) {
    if (m == null) return "unreadable";
    InputLimits l = InputLimits.current();
    if (m.contains("Number of aliases")) {
      return "more than " + l.aliases() + " aliases (-Dstigsmith.limit.yaml-aliases); content files need none";
    }
    if (m.contains("Nesting Depth exceeded")) {
      return "values nest deeper than the limit of " + l.depth() + " (-Dstigsmith.limit.depth)";
    }
    if (m.contains("code points in the input document exceeds")) {
      return "file is more than the limit of " + l.fileBytes() + " characters (-Dstigsmith.limit.file-bytes)";
    }
    return m.replaceAll("\\s+", " ").trim();
  }
}
