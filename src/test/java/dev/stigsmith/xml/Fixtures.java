package dev.stigsmith.xml;

import java.net.URISyntaxException;
import java.nio.file.Path;

public final class Fixtures {
  private Fixtures() {}

  /** A test resource as a file path (the validator reads files, as users give them). */
  public static Path path(String resource) {
    try {
      return Path.of(Fixtures.class.getResource("/dev/stigsmith/" + resource).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + resource, e);
    }
  }
}
