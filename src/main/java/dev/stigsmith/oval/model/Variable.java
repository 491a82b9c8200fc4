package dev.stigsmith.oval.model;

import java.util.List;

/** An OVAL variable; values are always handled as text plus the variable's datatype. */
public sealed interface Variable {
  String id();

  String version();

  String datatype();

  record External(String id, String version, String datatype) implements Variable {}

  record Constant(String id, String version, String datatype, List<String> values) implements Variable {
    public Constant {
      values = List.copyOf(values);
    }
  }

  record Local(String id, String version, String datatype, Component component) implements Variable {}

  /** The component of a local variable. */
  sealed interface Component {}

  record Literal(String value) implements Component {}

  record VariableComponent(String variableRef) implements Component {}

  /** Values of {@code itemField} (and within it the record field {@code recordField}, if set). */
  record ObjectComponent(String objectRef, String itemField, String recordField) implements Component {}

  /** Every combination of the parts' values, joined (OVAL concat). */
  record Concat(List<Component> parts) implements Component {
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /** OVAL substring: {@code start} is 1-based; a length of -1 means to the end. */
  record Substring(int start, int length, Component of) implements Component {}

  /** OVAL regex_capture: the first subexpression of the pattern's first match, per value. */
  record RegexCapture(String pattern, Component of) implements Component {}

  /** A component we do not evaluate (functions etc.): resolving it is an error, never a guess. */
  record Unsupported(String elementName) implements Component {}
}
