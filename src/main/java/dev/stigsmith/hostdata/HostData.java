package dev.stigsmith.hostdata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was collected on one host, normalised so that no reader's input shape shows through:
 * every reader (collector JSON, ConvertTo-Json, Export-Clixml, Export-Csv) produces this.
 *
 * @param source where it was read from (file or folder), for messages
 * @param facts host identity and platform facts
 * @param cmdlets output per cmdlet, keyed by the cmdlet name as PowerShell spells it ("Get-SendConnector")
 * @param registry registry values keyed by "HKLM\\SOFTWARE\\...\\KeyPath" then value name; a key
 *     present with an empty map means the key exists but has no values of interest
 */
public record HostData(
    String source,
    HostFacts facts,
    Map<String, CmdletOutput> cmdlets,
    Map<String, Map<String, PsValue>> registry) {

  public HostData {
    cmdlets = Map.copyOf(cmdlets);
    registry = Map.copyOf(registry);
  }

  /** Output of the named cmdlet (case-insensitive), if it was collected at all. */
  public Optional<CmdletOutput> cmdlet(String name) {
    return cmdlets.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Registry key (case-insensitive path), if it was collected. */
  public Optional<Map<String, PsValue>> registryKey(String path) {
    return registry.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(path))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  public List<String> cmdletNames() {
    return cmdlets.keySet().stream().sorted().toList();
  }
}
