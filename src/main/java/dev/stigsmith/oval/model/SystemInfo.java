package dev.stigsmith.oval.model;

import java.util.List;

/** The {@code system_info} block; all four texts are required by the schema. */
public record SystemInfo(
    String osName, String osVersion, String architecture, String primaryHostName, List<NetInterface> interfaces) {
  public SystemInfo {
    interfaces = List.copyOf(interfaces);
  }

  public record NetInterface(String name, String ipAddress, String macAddress) {}
}
