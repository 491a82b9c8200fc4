package dev.stigsmith.model;

/**
 * One property of a collected object compared with an expected value, e.g. RequireTLS equals true.
 * The expected value is exactly one of: a literal, a benchmark {@link Value} (tailorable per site),
 * or a property of another cmdlet's output on the same host (e.g. the global MaxSendSize).
 *
 * @param property the PowerShell property name as PowerShell spells it
 * @param value the expected value as text (booleans lower-case), or null
 * @param valueRef id of a benchmark {@link Value} whose value is expected, or null
 * @param from a property of another cmdlet whose value is expected, or null
 */
public record Requirement(String property, Operation operation, String value, Datatype datatype, String valueRef,
    CmdletProperty from) {
  public Requirement {
    int given = (value != null ? 1 : 0) + (valueRef != null ? 1 : 0) + (from != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException("requirement on " + property + " needs exactly one of value, value_ref or value_from");
    }
  }

  public Requirement(String property, Operation operation, String value, Datatype datatype, String valueRef) {
    this(property, operation, value, datatype, valueRef, null);
  }

  /** A property of another cmdlet's (single) output object, e.g. Get-TransportConfig MaxSendSize. */
  public record CmdletProperty(CmdletQuery query, String property) {}

  /** "RequireTLS equals true", for messages and documentation. */
  public String describe() {
    String expected = value != null ? value
        : valueRef != null ? "${" + valueRef + "}"
        : from.query().cmdlet() + "." + from.property();
    return property + " " + operation.oval() + " " + expected;
  }
}
