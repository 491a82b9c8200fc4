package dev.stigsmith.oval.probe;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one table of object types the probe collects, keyed "family:type" (e.g. "windows:cmdlet_object").
 * Any other type is collected as "not collected" with a message saying so.
 */
public final class SupportedObjects {
  private static final Map<String, ObjectCollector> TABLE = new TreeMap<>(Map.of(
      "windows:cmdlet_object", new CmdletCollector(),
      "windows:registry_object", new RegistryCollector(),
      "windows:service_object", new ServiceCollector(),
      "windows:fileeffectiverights53_object", new FileRightsCollector(),
      "independent:variable_object", new VariableCollector(),
      "independent:xmlfilecontent_object", new XmlFileCollector(),
      "independent:family_object", new FamilyCollector()));

  private SupportedObjects() {}

  /** Type key → description, sorted; set objects of any type are supported too. */
  public static Map<String, String> list() {
    Map<String, String> out = new TreeMap<>();
    TABLE.forEach((k, v) -> out.put(k, v.description()));
    return out;
  }

  public static Optional<ObjectCollector> collector(String family, String type) {
    return Optional.ofNullable(TABLE.get(family + ":" + type));
  }
}
