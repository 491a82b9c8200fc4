package dev.stigsmith.oval.engine;

/** A variable has no usable value: whatever depends on it evaluates to error. */
public class VariableException extends RuntimeException {
  private final String emptyObject;

  public VariableException(String message) {
    this(message, null);
  }

  /** @param emptyObject the object whose lack of items left the variable without value, or null */
  public VariableException(String message, String emptyObject) {
    super(message);
    this.emptyObject = emptyObject;
  }

  /** The object that gave no value (so a caller can tell "not collected" from a real error), or null. */
  public String emptyObject() {
    return emptyObject;
  }
}
