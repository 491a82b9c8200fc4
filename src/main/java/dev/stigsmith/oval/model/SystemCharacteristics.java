package dev.stigsmith.oval.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An {@code oval_system_characteristics} document. */
public record SystemCharacteristics(
    Generator generator, SystemInfo systemInfo, List<CollectedObject> collectedObjects, List<Item> items) {
  public SystemCharacteristics {
    collectedObjects = List.copyOf(collectedObjects);
    items = List.copyOf(items);
  }

  public Optional<CollectedObject> collectedObject(String objectId) {
    return collectedObjects.stream().filter(o -> o.id().equals(objectId)).findFirst();
  }

  public Map<Long, Item> itemsById() {
    return items.stream().collect(Collectors.toMap(Item::id, Function.identity(), (a, b) -> a));
  }
}
