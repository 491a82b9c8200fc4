package dev.stigsmith.oval.engine;

/** A comparison cannot be made (bad value for the datatype, operation not defined for it): result error. */
public class ComparisonException extends RuntimeException {
  public ComparisonException(String message) {
    super(message);
  }
}
