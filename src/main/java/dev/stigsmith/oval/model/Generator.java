package dev.stigsmith.oval.model;

import java.time.Instant;

/** The generator block of an OVAL document; the timestamp is always passed in, never read from a clock. */
public record Generator(String productName, String productVersion, String schemaVersion, Instant timestamp) {
  public static Generator stigsmith(String productVersion, Instant timestamp) {
    return new Generator("stigsmith", productVersion, OvalNs.SCHEMA_VERSION, timestamp);
  }
}
