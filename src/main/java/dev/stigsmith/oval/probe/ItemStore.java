package dev.stigsmith.oval.probe;

import dev.stigsmith.oval.model.Item;
import java.util.ArrayList;
import java.util.List;

/** Numbers items in the order they are first collected; the same content gets the same id. */
final class ItemStore {
  private final List<Item> items = new ArrayList<>();

  Item add(Item draft) {
    for (Item i : items) if (i.sameContent(draft)) return i;
    Item stored = draft.withId(items.size() + 1L);
    items.add(stored);
    return stored;
  }

  List<Item> all() {
    return List.copyOf(items);
  }
}
