package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Compares an item with a state. Used by the engine for tests and by the probe for filters, so both
 * read a state the same way.
 *
 * <p>Absent values: a state entity the item does not carry at all is an error (as in OpenSCAP); an
 * item entity or record field with status "does not exist" (how the probe writes a $null property)
 * makes every comparison on it false — it has no value that could satisfy any operation.
 */
public final class StateEvaluator {
  private final VariableResolver variables;

  public StateEvaluator(VariableResolver variables) {
    this.variables = variables;
  }

  public StateOutcome evaluate(OvalState state, Item item) {
    List<EntityComparison> comparisons = new ArrayList<>();
    List<OvalResult> results = new ArrayList<>();
    for (Entity e : state.entities()) {
      results.add(entity(e, e.name(), item.entities(e.name()), comparisons));
    }
    OvalResult result;
    try {
      result = Operator.fromXml(state.operator()).combine(results);
    } catch (IllegalArgumentException ex) {
      result = OvalResult.ERROR;
    }
    return new StateOutcome(state.id(), result, comparisons);
  }

  /** A state entity against all item entities of the same name, combined by entity_check. */
  private OvalResult entity(Entity expected, String path, List<ItemEntity> actual, List<EntityComparison> out) {
    if (actual.isEmpty()) {
      out.add(comparison(expected, path, List.of(), List.of(), OvalResult.ERROR, "not in item"));
      return OvalResult.ERROR;
    }
    Check entityCheck;
    Operation op;
    try {
      entityCheck = Check.fromXml(expected.entityCheck());
      op = Operation.fromXml(expected.operation());
    } catch (IllegalArgumentException e) {
      out.add(comparison(expected, path, values(actual), List.of(), OvalResult.ERROR, e.getMessage()));
      return OvalResult.ERROR;
    }
    if (!expected.isRecord() && (op == Operation.SUBSET_OF || op == Operation.SUPERSET_OF)) {
      return setOperation(expected, path, op, actual, out);
    }
    List<OvalResult> results = new ArrayList<>();
    for (ItemEntity a : actual) {
      results.add(expected.isRecord() ? record(expected, path, a, out) : simple(expected, path, op, a, out));
    }
    return entityCheck.combine(results);
  }

  private OvalResult record(Entity expected, String path, ItemEntity actual, List<EntityComparison> out) {
    if (!actual.exists()) {
      out.add(comparison(expected, path, List.of(), List.of(), statusResult(actual), actual.status()));
      return statusResult(actual);
    }
    List<OvalResult> results = new ArrayList<>();
    for (Entity field : expected.fields()) {
      results.add(entity(field, path + "." + field.name(), Item.named(actual.fields(), field.name()), out));
    }
    return Operator.AND.combine(results);
  }

  private OvalResult simple(
      Entity expected, String path, Operation op, ItemEntity actual, List<EntityComparison> out) {
    List<String> actualValue = actual.value() == null ? List.of() : List.of(actual.value());
    if (!actual.exists()) {
      OvalResult r = statusResult(actual);
      out.add(comparison(expected, path, actualValue, safeExpected(expected), r, "item: " + actual.status()));
      return r;
    }
    List<String> wanted;
    Check varCheck;
    try {
      wanted = expectedValues(expected);
      varCheck = Check.fromXml(expected.varCheck());
    } catch (VariableException | IllegalArgumentException e) {
      out.add(comparison(expected, path, actualValue, List.of(), OvalResult.ERROR, e.getMessage()));
      return OvalResult.ERROR;
    }
    if (actual.nil() || expected.nil()) {
      // Only nil against nil is a meaningful comparison; anything else cannot be equal.
      boolean same = actual.nil() && expected.nil();
      OvalResult r = switch (op) {
        case EQUALS, CASE_INSENSITIVE_EQUALS -> OvalResult.of(same);
        case NOT_EQUAL, CASE_INSENSITIVE_NOT_EQUAL -> OvalResult.of(!same);
        default -> OvalResult.FALSE;
      };
      out.add(comparison(expected, path, actualValue, wanted, r, "nil"));
      return r;
    }
    List<OvalResult> results = new ArrayList<>();
    String note = null;
    for (String w : wanted) {
      try {
        results.add(OvalResult.of(Comparators.compare(expected.datatype(), actual.value(), op, w)));
      } catch (ComparisonException e) {
        results.add(OvalResult.ERROR);
        note = e.getMessage();
      }
    }
    OvalResult r = varCheck.combine(results);
    out.add(comparison(expected, path, actualValue, wanted, r, note));
    return r;
  }

  /** subset of / superset of compare the item's values as one set with the state's values. */
  private OvalResult setOperation(
      Entity expected, String path, Operation op, List<ItemEntity> actual, List<EntityComparison> out) {
    List<String> wanted;
    try {
      wanted = expectedValues(expected);
    } catch (VariableException e) {
      out.add(comparison(expected, path, values(actual), List.of(), OvalResult.ERROR, e.getMessage()));
      return OvalResult.ERROR;
    }
    LinkedHashSet<String> have = new LinkedHashSet<>(values(actual));
    LinkedHashSet<String> want = new LinkedHashSet<>(wanted);
    OvalResult r = OvalResult.of(op == Operation.SUBSET_OF ? want.containsAll(have) : have.containsAll(want));
    out.add(comparison(expected, path, List.copyOf(have), wanted, r, null));
    return r;
  }

  private List<String> expectedValues(Entity expected) {
    if (expected.varRef() != null) return variables.values(expected.varRef());
    return List.of(expected.value() == null ? "" : expected.value());
  }

  private List<String> safeExpected(Entity expected) {
    try {
      return expectedValues(expected);
    } catch (VariableException e) {
      return List.of();
    }
  }

  private static OvalResult statusResult(ItemEntity e) {
    return switch (e.status()) {
      case "error" -> OvalResult.ERROR;
      case "not collected" -> OvalResult.UNKNOWN;
      default -> OvalResult.FALSE;
    };
  }

  private static List<String> values(List<ItemEntity> entities) {
    return entities.stream().filter(e -> e.value() != null).map(ItemEntity::value).toList();
  }

  private static EntityComparison comparison(
      Entity e, String path, List<String> actual, List<String> expected, OvalResult r, String note) {
    return new EntityComparison(path, actual, e.operation(), expected, e.datatype(), r, note);
  }
}
