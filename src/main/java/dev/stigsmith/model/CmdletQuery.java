package dev.stigsmith.model;

import java.util.Map;

/**
 * The read-only cmdlet whose output a check inspects, e.g. Get-SendConnector from the Exchange snap-in.
 *
 * @param parameters parameters that select objects by the property of the same name (e.g. Identity),
 *     in the order written; empty for none
 */
public record CmdletQuery(String module, String verb, String noun, Map<String, String> parameters) {
  public CmdletQuery {
    if (!"Get".equals(verb)) {
      throw new IllegalArgumentException("cmdlet verb '" + verb + "' is not allowed: checks only read (Get)");
    }
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  public CmdletQuery(String module, String verb, String noun) {
    this(module, verb, noun, Map.of());
  }

  public String cmdlet() { return verb + "-" + noun; }
}
