package dev.stigsmith.oval.model;

import java.util.List;

/** An entry of {@code collected_objects}: what collecting one object found. */
public record CollectedObject(
    String id,
    String version,
    Flag flag,
    List<Message> messages,
    List<VariableValue> variableValues,
    List<Long> itemRefs) {
  public CollectedObject {
    messages = List.copyOf(messages);
    variableValues = List.copyOf(variableValues);
    itemRefs = List.copyOf(itemRefs);
  }

  public record VariableValue(String variableId, String value) {}
}
