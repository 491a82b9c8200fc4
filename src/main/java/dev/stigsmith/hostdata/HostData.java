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
 * @param services every Windows service by service name, or null when services were not collected
 * @param folderRights per folder path (no trailing backslash) its trustees' rights, or null when no
 *     permissions were collected; a folder left out does not exist
 * @param xmlFiles per file path the text of a collected XML file (e.g. EdgeTransport.exe.config), or
 *     null when none were collected; a file left out does not exist
 */
public record HostData(
    String source,
    HostFacts facts,
    Map<String, CmdletOutput> cmdlets,
    Map<String, Map<String, PsValue>> registry,
    Map<String, WindowsService> services,
    Map<String, List<TrusteeRights>> folderRights,
    Map<String, String> xmlFiles) {

  public HostData {
    xmlFiles = xmlFiles == null ? null : Map.copyOf(xmlFiles);
    cmdlets = Map.copyOf(cmdlets);
    registry = Map.copyOf(registry);
    services = services == null ? null : Map.copyOf(services);
    folderRights = folderRights == null ? null : Map.copyOf(folderRights);
  }

  /** Host data with cmdlets and registry only (exports of single cmdlets). */
  public HostData(String source, HostFacts facts, Map<String, CmdletOutput> cmdlets,
      Map<String, Map<String, PsValue>> registry) {
    this(source, facts, cmdlets, registry, null, null, null);
  }

  public HostData(String source, HostFacts facts, Map<String, CmdletOutput> cmdlets,
      Map<String, Map<String, PsValue>> registry, Map<String, WindowsService> services,
      Map<String, List<TrusteeRights>> folderRights) {
    this(source, facts, cmdlets, registry, services, folderRights, null);
  }

  /** The text of an XML file (case-insensitive path), if it was collected. */
  public Optional<String> xmlFile(String path) {
    if (xmlFiles == null) return Optional.empty();
    return xmlFiles.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(path)).map(Map.Entry::getValue).findFirst();
  }

  /**
   * A Windows service as Win32_Service reports it.
   *
   * @param startMode Auto, Manual, Disabled, Boot or System
   * @param state Running, Stopped, Paused, Start Pending, …
   * @param serviceType Own Process, Share Process, Kernel Driver, …
   */
  public record WindowsService(String name, String displayName, String startMode, String state, String startName,
      String path, String serviceType) {}

  /**
   * The rights one trustee holds on a folder: the access mask of its allow ACEs that apply to the
   * folder itself, minus its deny ACEs, generic rights mapped to file rights.
   */
  public record TrusteeRights(String sid, String name, long mask) {}

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

  private static final java.util.regex.Pattern TRAILING_BACKSLASHES = java.util.regex.Pattern.compile("\\\\+$");

  /** Rights on a folder (case-insensitive path, trailing backslashes ignored), if it exists. */
  public Optional<List<TrusteeRights>> folder(String path) {
    if (folderRights == null) return Optional.empty();
    String want = TRAILING_BACKSLASHES.matcher(path).replaceAll("");
    return folderRights.entrySet().stream()
        .filter(e -> TRAILING_BACKSLASHES.matcher(e.getKey()).replaceAll("").equalsIgnoreCase(want))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  public List<String> cmdletNames() {
    return cmdlets.keySet().stream().sorted().toList();
  }
}
