package dev.stigsmith.oval.model;

import java.util.List;

/**
 * A system-data item.
 *
 * @param namespace its system-characteristics namespace, e.g. "…oval-system-characteristics-5#windows"
 * @param type the element local name, e.g. "cmdlet_item"
 */
public record Item(long id, String namespace, String type, String status, List<ItemEntity> entities) {
  public Item {
    entities = List.copyOf(entities);
  }

  public List<ItemEntity> entities(String name) {
    return entities.stream().filter(e -> e.name().equals(name)).toList();
  }

  public Item withId(long newId) {
    return new Item(newId, namespace, type, status, entities);
  }

  /** Same content regardless of id: the probe shares one item between objects that collect it. */
  public boolean sameContent(Item other) {
    return namespace.equals(other.namespace) && type.equals(other.type)
        && status.equals(other.status) && entities.equals(other.entities);
  }
}
