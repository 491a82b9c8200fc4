package dev.stigsmith.oval.engine;

/** A variable has no usable value: whatever depends on it evaluates to error. */
public class VariableException extends RuntimeException {
  public VariableException(String message) {
    super(message);
  }
}
