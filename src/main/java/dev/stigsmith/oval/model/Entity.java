package dev.stigsmith.oval.model;

import java.util.List;

/**
 * An entity of an object or state (or a field of a record entity), with the attributes that steer
 * comparison. Unset attributes hold their OVAL defaults.
 *
 * @param value the element text; null when nil or when the value comes from {@code varRef}
 * @param fields the fields of a record entity (empty otherwise)
 */
public record Entity(
    String name,
    String value,
    String datatype,
    String operation,
    String varRef,
    String varCheck,
    String entityCheck,
    boolean nil,
    List<Entity> fields) {

  public Entity {
    fields = List.copyOf(fields);
  }

  public boolean isRecord() {
    return "record".equals(datatype);
  }

  /** A string-typed equals entity, the common case in objects. */
  public static Entity of(String name, String value) {
    return new Entity(name, value, "string", "equals", null, "all", "all", false, List.of());
  }
}
