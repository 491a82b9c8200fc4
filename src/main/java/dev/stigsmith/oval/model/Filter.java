package dev.stigsmith.oval.model;

/** An object's {@code filter}: keep ("include") or drop ("exclude") the items matching a state. */
public record Filter(String action, String stateRef) {
  public boolean excludes() {
    return !"include".equals(action);
  }
}
