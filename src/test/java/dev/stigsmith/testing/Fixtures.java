package dev.stigsmith.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Path;

/** Paths of test fixtures: our own resources, the project's content, and ../shared (conformance only). */
public final class Fixtures {
  private Fixtures() {}

  public static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  public static Path content() { return Path.of("content"); }

  public static Path disaV2R5() {
    return Path.of("../shared/disa/U_MS_Exchange_2016_Edge_Transport_Server_STIG_V2R5_Manual-xccdf.xml");
  }

  /**
   * Content as it was before the whole STIG was imported: the Edge benchmark with EX16-ED-000170
   * only and a CCI table of its one CCI, so import and diff tests see a known small starting point.
   */
  public static Path copyOneRuleContent(Path to) throws IOException {
    copyContent(to);
    // Only the Edge 2016 benchmark: the other benchmarks cite CCIs the one-CCI table lacks.
    try (Stream<Path> benchmarks = Files.list(to)) {
      for (Path b : benchmarks.filter(b -> Files.isRegularFile(b.resolve("benchmark.yaml"))
          && !b.endsWith("exchange-2016-edge")).toList()) {
        deleteTree(b);
      }
    }
    Path rules = to.resolve("exchange-2016-edge/rules");
    try (Stream<Path> dirs = Files.list(rules)) {
      for (Path d : dirs.filter(d -> !d.endsWith("EX16-ED-000170")).toList()) deleteTree(d);
    }
    Files.writeString(to.resolve("cci.yaml"), ONE_CCI);
    return to;
  }

  private static void deleteTree(Path d) throws IOException {
    try (Stream<Path> files = Files.walk(d)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }

  public static final String ONE_CCI = """
      ccis:
        - id: CCI-001184
          nist: [SC-23]
          definition: The information system protects the authenticity of communications sessions.
      """;

  /** A copy of the project's content folder at {@code to}, for tests that write into it. */
  public static Path copyContent(Path to) throws IOException {
    Path from = content();
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return to;
  }

  /** The file names of a corpus folder, sorted, without its EXPECTED.tsv manifest. */
  public static List<String> corpusFiles(Path corpus) throws IOException {
    try (Stream<Path> s = Files.list(corpus)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("EXPECTED.tsv")).sorted().toList();
    }
  }
}
