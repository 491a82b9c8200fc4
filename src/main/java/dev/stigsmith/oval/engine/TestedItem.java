package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.Item;
import java.util.List;

/** One item a test looked at: its result and the state comparisons behind it. */
public record TestedItem(Item item, OvalResult result, List<StateOutcome> states) {
  public TestedItem {
    states = List.copyOf(states);
  }

  public List<EntityComparison> comparisons() {
    List<EntityComparison> all = new java.util.ArrayList<>();
    for (var s : states) all.addAll(s.comparisons());
    return java.util.Collections.unmodifiableList(all);
  }
}
