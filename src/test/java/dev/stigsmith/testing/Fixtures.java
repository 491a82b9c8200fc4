package dev.stigsmith.testing;

import java.net.URISyntaxException;
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
}
