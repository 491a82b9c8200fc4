package dev.stigsmith.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much of anything a user's file may hold before we refuse it. The defaults are far above what
 * DISA's largest benchmark or a big Exchange organisation's host data needs (DISA's Exchange XCCDF is
 * about 1 MB, nests 12 deep; collector JSON for 300 connectors is under 2 MB), and far below what
 * would let one file exhaust memory or time. Each is overridable with a system property, e.g.
 * {@code JAVA_TOOL_OPTIONS=-Dstigsmith.limit.file-bytes=1073741824 stigsmith ...}.
 *
 * <p>Entity expansion is not a limit: no reader accepts a DTD, so there are no entities to expand.
 */
public record InputLimits(long fileBytes, int depth, int stringChars, int aliases, int refIds, int items) {

  /** Property name → what it bounds, default; the README's table is written from this. */
  public static final Map<String, String> DOCUMENTED = documented();

  private static Map<String, String> documented() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("stigsmith.limit.file-bytes", "size of any one input file, bytes (64 MiB)");
    m.put("stigsmith.limit.depth", "nesting of XML elements, JSON/YAML containers (256)");
    m.put("stigsmith.limit.string-chars", "one JSON/YAML string or XML text/attribute, characters (16 Mi)");
    m.put("stigsmith.limit.yaml-aliases", "YAML aliases per file (10; content files use none)");
    m.put("stigsmith.limit.clixml-refs", "CLIXML objects/type names kept for <Ref>/<TNRef> (100000)");
    m.put("stigsmith.limit.items", "XML attributes per element, CSV columns (10000)");
    return m;
  }

  public static final InputLimits DEFAULTS = new InputLimits(64L << 20, 256, 16 << 20, 10, 100_000, 10_000);

  /** The limits in force: defaults, each overridden by its system property when set. */
  public static InputLimits current() {
    return new InputLimits(
        prop("stigsmith.limit.file-bytes", DEFAULTS.fileBytes),
        (int) prop("stigsmith.limit.depth", DEFAULTS.depth),
        (int) prop("stigsmith.limit.string-chars", DEFAULTS.stringChars),
        (int) prop("stigsmith.limit.yaml-aliases", DEFAULTS.aliases),
        (int) prop("stigsmith.limit.clixml-refs", DEFAULTS.refIds),
        (int) prop("stigsmith.limit.items", DEFAULTS.items));
  }

  private static long prop(String name, long dflt) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      long n = Long.parseLong(v.trim());
      if (n <= 0 || (dflt <= Integer.MAX_VALUE && n > Integer.MAX_VALUE)) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + name + "=" + v + ": expected a positive whole number");
    }
  }
}
