package dev.stigsmith.oval.model;

import java.util.List;

/**
 * Any OVAL test.
 *
 * @param objectRef null for test types without an object (e.g. unknown_test)
 */
public record OvalTest(
    String id,
    String version,
    String namespace,
    String type,
    String comment,
    String check,
    String checkExistence,
    String stateOperator,
    String objectRef,
    List<String> stateRefs) {
  public OvalTest {
    stateRefs = List.copyOf(stateRefs);
  }
}
