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

  /** The entities named {@code name}, in order (a loop: the engine asks this for every state entity of every item). */
  public List<ItemEntity> entities(String name) {
    return named(entities, name);
  }

  /** The entities (or record fields) of {@code list} named {@code name}, in order. */
  public static List<ItemEntity> named(List<ItemEntity> list, String name) {
    List<ItemEntity> out = null;
    for (ItemEntity e : list) {
      if (!e.name().equals(name)) continue;
      if (out == null) out = new java.util.ArrayList<>(2);
      out.add(e);
    }
    return out == null ? List.of() : java.util.Collections.unmodifiableList(out);
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
