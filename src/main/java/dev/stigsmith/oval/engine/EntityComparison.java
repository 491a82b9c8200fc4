package dev.stigsmith.oval.engine;

import java.util.List;

/**
 * One state entity (or record field) compared with the item: the evidence behind an item's result.
 *
 * @param path entity name, or "entity.field" for a record field, e.g. "value.requiretls"
 * @param actual the item's value(s) of that entity; empty when the item lacks it
 * @param operation the OVAL operation, e.g. "equals"
 * @param expected the state's value(s) (several when from a variable)
 * @param result the result of this comparison
 * @param note why the result is not a plain comparison (missing entity, bad value…), else null
 */
public record EntityComparison(
    String path,
    List<String> actual,
    String operation,
    List<String> expected,
    String datatype,
    OvalResult result,
    String note) {
  public EntityComparison {
    actual = actual.stream().map(v -> v == null ? "" : v).toList();
    expected = List.copyOf(expected);
  }

  /** "RequireTLS=false (expected true)" style text; the field name is the caller's to prettify. */
  public String describe() {
    String got = actual.isEmpty() ? "(absent)" : String.join(", ", actual);
    String want = String.join(" | ", expected);
    String op = "equals".equals(operation) ? "" : operation + " ";
    return path + "=" + got + " (expected " + op + want + ")" + (note == null ? "" : " [" + note + "]");
  }
}
