package dev.stigsmith.hostdata;

/** A property value that cannot be normalised; readers add the file and location. */
final class BadValue extends Exception {
  BadValue(String problem) {
    super(problem, null, false, false);
  }
}
