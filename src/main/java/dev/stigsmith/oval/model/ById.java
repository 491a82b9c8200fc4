package dev.stigsmith.oval.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list (equal to any list of the same elements) that also finds its elements by id,
 * the first one when an id repeats. The OVAL engine and the evidence writer look definitions, tests,
 * objects and results up by id many times per host; a scan per lookup made that quadratic.
 */
public final class ById<K, T> extends AbstractList<T> implements RandomAccess {
  private final List<T> items;
  private final Map<K, T> index;

  private ById(List<T> items, Function<T, K> id) {
    this.items = List.copyOf(items);
    this.index = new HashMap<>(Math.max(16, this.items.size() * 2));
    for (T t : this.items) index.putIfAbsent(id.apply(t), t);
  }

  /** A copy of {@code list}, which may hold no null (as {@link List#copyOf}). */
  public static <K, T> ById<K, T> of(List<T> list, Function<T, K> id) {
    return new ById<>(list, id);
  }

  public Optional<T> find(K id) {
    return Optional.ofNullable(index.get(id));
  }

  /** Id to element, in no particular order (read only). */
  public Map<K, T> index() {
    return java.util.Collections.unmodifiableMap(index);
  }

  @Override
  public T get(int i) {
    return items.get(i);
  }

  @Override
  public int size() {
    return items.size();
  }
}
