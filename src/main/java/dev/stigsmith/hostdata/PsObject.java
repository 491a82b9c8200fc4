package dev.stigsmith.hostdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One object in a cmdlet's output: its properties in output order, names as PowerShell spells them. */
public record PsObject(Map<String, PsValue> properties) {
  public PsObject {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** PowerShell property names are case-insensitive. Empty when the property was not collected. */
  public Optional<PsValue> get(String name) {
    // A loop, not a stream: the probe asks every object for every selected property.
    for (Map.Entry<String, PsValue> e : properties.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) return Optional.of(e.getValue());
    }
    return Optional.empty();
  }
}
