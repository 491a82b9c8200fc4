package dev.stigsmith.oval.engine;

import java.util.List;

/**
 * A node of a definition's evaluated criteria tree.
 *
 * @param kind "criteria", "criterion" or "extend_definition"
 * @param operator for criteria; null otherwise
 * @param ref test or definition id for criterion / extend_definition; null for criteria
 * @param refVersion the version of the referenced test or definition, when known
 * @param result the node's result after negate
 */
public record CriteriaResult(
    String kind,
    String operator,
    String ref,
    String refVersion,
    boolean negate,
    Boolean applicabilityCheck,
    OvalResult result,
    List<CriteriaResult> children) {
  public CriteriaResult {
    children = List.copyOf(children);
  }
}
