package dev.stigsmith.oval.model;

import java.util.List;

/** A node of a definition's criteria tree. */
public sealed interface CriteriaNode {
  boolean negate();

  /** Null when the attribute is absent. */
  Boolean applicabilityCheck();

  record Criteria(String operator, boolean negate, Boolean applicabilityCheck, List<CriteriaNode> children)
      implements CriteriaNode {
    public Criteria {
      children = List.copyOf(children);
    }
  }

  record Criterion(String testRef, boolean negate, Boolean applicabilityCheck) implements CriteriaNode {}

  record ExtendDefinition(String definitionRef, boolean negate, Boolean applicabilityCheck)
      implements CriteriaNode {}
}
