package dev.stigsmith.oval.model;

import java.util.List;
import java.util.Optional;

/**
 * Any OVAL object. Either {@code set} is non-null, or {@code entities} describe what to collect
 * (then {@code filters} narrow the collected items).
 *
 * @param namespace the definitions namespace of the object element, e.g. "…oval-definitions-5#windows"
 * @param type the element local name, e.g. "cmdlet_object"
 */
public record OvalObject(
    String id,
    String version,
    String namespace,
    String type,
    String comment,
    List<Entity> entities,
    ObjectSet set,
    List<Filter> filters) {

  public OvalObject {
    entities = List.copyOf(entities);
    filters = List.copyOf(filters);
  }

  public String family() {
    return OvalNs.family(namespace);
  }

  public Optional<Entity> entity(String name) {
    for (Entity e : entities) if (e.name().equals(name)) return Optional.of(e);
    return Optional.empty();
  }
}
