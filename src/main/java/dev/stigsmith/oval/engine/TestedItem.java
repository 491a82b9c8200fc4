package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.Item;
import java.util.List;

/** One item a test looked at: its result and the state comparisons behind it. */
public record TestedItem(Item item, OvalResult result, List<StateOutcome> states) {
  public TestedItem {
    states = List.copyOf(states);
  }

  public List<EntityComparison> comparisons() {
    return states.stream().flatMap(s -> s.comparisons().stream()).toList();
  }
}
