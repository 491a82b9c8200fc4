package dev.stigsmith.oval.probe;

import dev.stigsmith.oval.model.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Numbers items in the order they are first collected; the same content gets the same id. */
final class ItemStore {
  private final List<Item> items = new ArrayList<>();
  // By content (what Item.sameContent compares): a host with dozens of connectors read by many
  // objects made the linear search quadratic.
  private final Map<List<Object>, Item> byContent = new HashMap<>();

  Item add(Item draft) {
    List<Object> key = java.util.Arrays.asList(draft.namespace(), draft.type(), draft.status(), draft.entities());
    // One lookup: the key's hash walks every entity and field of the item.
    return byContent.computeIfAbsent(key, k -> {
      Item stored = draft.withId(items.size() + 1L);
      items.add(stored);
      return stored;
    });
  }

  List<Item> all() {
    return List.copyOf(items);
  }
}
