package dev.stigsmith.oval.engine;

import java.util.List;

/** The result of one state against one item, with the comparisons that produced it. */
public record StateOutcome(String stateId, OvalResult result, List<EntityComparison> comparisons) {
  public StateOutcome {
    comparisons = List.copyOf(comparisons);
  }
}
