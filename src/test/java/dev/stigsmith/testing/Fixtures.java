package dev.stigsmith.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
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
}
