package dev.stigsmith.results;

import java.util.List;

/**
 * The assessed host as results describe it.
 *
 * @param facts further facts (OS, Exchange version and roles …) by name, in a stable order
 */
public record Target(String hostName, String fqdn, List<String> ipAddresses, List<String> macAddresses,
    List<Fact> facts) {
  public Target {
    ipAddresses = List.copyOf(ipAddresses);
    macAddresses = List.copyOf(macAddresses);
    facts = List.copyOf(facts);
  }

  public record Fact(String name, String type, String value) {}
}
