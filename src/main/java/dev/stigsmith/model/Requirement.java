package dev.stigsmith.model;

/**
 * One property of a collected object compared with an expected value, e.g. RequireTLS equals true.
 *
 * @param property the PowerShell property name as PowerShell spells it
 * @param value the expected value as text (booleans lower-case); null when {@code valueRef} is used
 * @param valueRef id of a benchmark {@link Value} whose (tailorable) value is expected instead
 */
public record Requirement(String property, Operation operation, String value, Datatype datatype, String valueRef) {
  public Requirement {
    if ((value == null) == (valueRef == null)) {
      throw new IllegalArgumentException("requirement on " + property + " needs exactly one of value or value_ref");
    }
  }

  /** "RequireTLS equals true", for messages and documentation. */
  public String describe() {
    return property + " " + operation.oval() + " " + (value != null ? value : "${" + valueRef + "}");
  }
}
