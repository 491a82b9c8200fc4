package dev.stigsmith.oval.probe;

import dev.stigsmith.oval.engine.ComparisonException;
import dev.stigsmith.oval.engine.Comparators;
import dev.stigsmith.oval.engine.Operation;
import dev.stigsmith.oval.engine.VariableResolver;
import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Entity;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches an object entity against a candidate value. With a var_ref the entity stands for each of
 * the variable's values: a candidate matching any of them is collected.
 */
public final class EntityMatcher {
  private final VariableResolver variables;
  private final List<CollectedObject.VariableValue> used = new ArrayList<>();

  EntityMatcher(VariableResolver variables) {
    this.variables = variables;
  }

  /** The values the entity stands for (its text, or its variable's values). */
  public List<String> values(Entity e) {
    if (e.varRef() == null) return List.of(e.value() == null ? "" : e.value());
    List<String> vs = variables.values(e.varRef());
    for (String v : vs) {
      CollectedObject.VariableValue vv = new CollectedObject.VariableValue(e.varRef(), v);
      if (!used.contains(vv)) used.add(vv);
    }
    return vs;
  }

  /** The values of a variable an object names by id (variable_object), recorded as used. */
  public List<String> variableValues(String variableId) {
    List<String> vs = variables.values(variableId);
    for (String v : vs) {
      CollectedObject.VariableValue vv = new CollectedObject.VariableValue(variableId, v);
      if (!used.contains(vv)) used.add(vv);
    }
    return vs;
  }

  /** @throws ComparisonException when the operation does not fit the datatype */
  public boolean matches(Entity e, String candidate) {
    Operation op = Operation.fromXml(e.operation());
    for (String v : values(e)) {
      if (Comparators.compare(e.datatype(), candidate, op, v)) return true;
    }
    return false;
  }

  /** Variable values used since the last call, for the collected object's variable_value list. */
  List<CollectedObject.VariableValue> drainUsed() {
    List<CollectedObject.VariableValue> out = List.copyOf(used);
    used.clear();
    return out;
  }
}
