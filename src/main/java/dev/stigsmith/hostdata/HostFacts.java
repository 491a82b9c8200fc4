package dev.stigsmith.hostdata;

import java.util.List;

/**
 * Who the host is. Readers of raw cmdlet exports know little of this: unknown text is null,
 * unknown lists are empty.
 */
public record HostFacts(
    String hostName,
    String fqdn,
    List<String> ipv4,
    List<String> ipv6,
    List<String> macAddresses,
    String osName,
    String osVersion,
    String architecture,
    String exchangeVersion,
    List<String> exchangeRoles) {

  public HostFacts {
    ipv4 = List.copyOf(ipv4);
    ipv6 = List.copyOf(ipv6);
    macAddresses = List.copyOf(macAddresses);
    exchangeRoles = List.copyOf(exchangeRoles);
  }

  public static HostFacts unknown(String hostName) {
    return new HostFacts(hostName, null, List.of(), List.of(), List.of(), null, null, null, null, List.of());
  }
}
