package dev.stigsmith.oval.model;

import java.util.List;

/** An object's {@code set}: other objects (or nested sets) combined by a set operator, then filtered. */
public record ObjectSet(String setOperator, List<String> objectRefs, List<ObjectSet> sets, List<Filter> filters) {
  public ObjectSet {
    objectRefs = List.copyOf(objectRefs);
    sets = List.copyOf(sets);
    filters = List.copyOf(filters);
  }
}
