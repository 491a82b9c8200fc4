package dev.stigsmith.oval.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code oval_system_characteristics} document. */
public record SystemCharacteristics(
    Generator generator, SystemInfo systemInfo, List<CollectedObject> collectedObjects, List<Item> items) {
  public SystemCharacteristics {
    collectedObjects = ById.of(collectedObjects, CollectedObject::id);
    items = ById.of(items, Item::id);
  }

  @SuppressWarnings("unchecked")
  public Optional<CollectedObject> collectedObject(String objectId) {
    return ((ById<String, CollectedObject>) collectedObjects).find(objectId);
  }

  @SuppressWarnings("unchecked")
  public Map<Long, Item> itemsById() {
    return ((ById<Long, Item>) items).index();
  }
}
