package dev.stigsmith.oval.model;

import java.util.List;

/** Any OVAL state: expected entity values, combined by {@code operator} (AND by default). */
public record OvalState(
    String id, String version, String namespace, String type, String operator, List<Entity> entities) {
  public OvalState {
    entities = List.copyOf(entities);
  }
}
