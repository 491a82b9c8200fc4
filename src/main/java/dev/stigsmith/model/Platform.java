package dev.stigsmith.model;

import java.util.List;

/**
 * What a benchmark applies to: a CPE name, its title, and the inventory facts that recognise it on a
 * host (registry values that must exist, optionally with an expected value).
 */
public record Platform(String cpeName, String cpe23Name, String title, List<RegistryFact> facts) {
  public Platform {
    facts = List.copyOf(facts);
  }

  /** A registry value that must be present (and equal {@code expected} when that is not null). */
  public record RegistryFact(String hive, String key, String name, String expected, String datatype) {}
}
