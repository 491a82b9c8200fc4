package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.Message;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalState;
import dev.stigsmith.oval.model.OvalTest;
import dev.stigsmith.oval.model.SystemCharacteristics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates tests against collected objects: existence first (from the object's flag and item
 * statuses), then the check over each item's state results.
 */
final class TestEvaluator {
  private final OvalDefinitions defs;
  private final SystemCharacteristics sc;
  private final Map<Long, Item> items;
  private final StateEvaluator states;
  private final VariableResolver variables;

  TestEvaluator(OvalDefinitions defs, SystemCharacteristics sc, VariableResolver variables) {
    this.defs = defs;
    this.sc = sc;
    this.items = sc.itemsById();
    this.variables = variables;
    this.states = new StateEvaluator(variables);
  }

  TestResult evaluate(OvalTest t) {
    List<Message> messages = new ArrayList<>();
    if (t.objectRef() == null) {
      messages.add(Message.info(t.type() + " has no object; its result is unknown"));
      return result(t, OvalResult.UNKNOWN, messages, List.of(), List.of());
    }
    CollectedObject obj = sc.collectedObject(t.objectRef()).orElse(null);
    if (obj == null) {
      messages.add(Message.error("object " + t.objectRef() + " is not in the system characteristics"));
      return result(t, OvalResult.UNKNOWN, messages, List.of(), List.of());
    }
    obj.messages().forEach(messages::add);
    ExistenceCheck existence;
    Check check;
    Operator stateOperator;
    try {
      existence = ExistenceCheck.fromXml(t.checkExistence());
      check = Check.fromXml(t.check());
      stateOperator = Operator.fromXml(t.stateOperator());
    } catch (IllegalArgumentException e) {
      messages.add(Message.error(e.getMessage()));
      return result(t, OvalResult.ERROR, messages, List.of(), List.of());
    }
    switch (obj.flag()) {
      case ERROR -> {
        return result(t, OvalResult.ERROR, messages, List.of(), List.of());
      }
      case NOT_COLLECTED -> {
        return result(t, OvalResult.UNKNOWN, messages, List.of(), List.of());
      }
      case NOT_APPLICABLE -> {
        return result(t, OvalResult.NOT_APPLICABLE, messages, List.of(), List.of());
      }
      default -> { }
    }
    List<Item> collected = new ArrayList<>();
    for (Long ref : obj.itemRefs()) {
      Item item = items.get(ref);
      if (item == null) {
        messages.add(Message.error("object " + obj.id() + " refers to missing item " + ref));
        return result(t, OvalResult.ERROR, messages, List.of(), List.of());
      }
      collected.add(item);
    }
    boolean incomplete = obj.flag() == Flag.INCOMPLETE;
    int exists = count(collected, ItemEntity.EXISTS);
    OvalResult existenceResult = existence.evaluate(
        exists, count(collected, ItemEntity.DOES_NOT_EXIST), count(collected, "error"),
        count(collected, "not collected"));
    if (incomplete) existenceResult = incompleteExistence(existence, existenceResult, exists);
    if (incomplete && collected.isEmpty()) {
      // An incomplete object with no items tells nothing either way.
      messages.add(Message.info("object " + obj.id() + " is incomplete and has no items"));
      return result(t, OvalResult.UNKNOWN, messages, List.of(), List.of());
    }

    List<OvalState> stateList = new ArrayList<>();
    for (String ref : t.stateRefs()) {
      OvalState s = defs.state(ref).orElse(null);
      if (s == null) {
        messages.add(Message.error("state " + ref + " is not defined"));
        return result(t, OvalResult.ERROR, messages, List.of(), List.of());
      }
      stateList.add(s);
    }
    List<CollectedObject.VariableValue> usedVars = new ArrayList<>(obj.variableValues());
    usedVars.addAll(stateVariables(stateList));

    if (existenceResult != OvalResult.TRUE || stateList.isEmpty() || exists == 0) {
      List<TestedItem> tested = collected.stream()
          .map(i -> new TestedItem(i, OvalResult.NOT_EVALUATED, List.of()))
          .toList();
      return result(t, existenceResult, messages, tested, usedVars);
    }
    List<TestedItem> tested = new ArrayList<>();
    List<OvalResult> itemResults = new ArrayList<>();
    for (Item item : collected) {
      if (!ItemEntity.EXISTS.equals(item.status())) {
        tested.add(new TestedItem(item, OvalResult.NOT_EVALUATED, List.of()));
        continue;
      }
      List<StateOutcome> outcomes = stateList.stream().map(s -> states.evaluate(s, item)).toList();
      OvalResult r = stateOperator.combine(outcomes.stream().map(StateOutcome::result).toList());
      tested.add(new TestedItem(item, r, outcomes));
      itemResults.add(r);
    }
    OvalResult checked = check.combine(itemResults);
    if (incomplete) checked = incompleteCheck(check, checked);
    return result(t, checked, messages, tested, usedVars);
  }

  /**
   * Items we were not told about might exist: only answers the known items already force stand.
   * OpenSCAP 1.3.7 differs in one place: with check "at least one" and every known item false it
   * answers false; we answer unknown, since a missing item could satisfy the state.
   */
  private static OvalResult incompleteExistence(ExistenceCheck existence, OvalResult r, int exists) {
    return switch (existence) {
      case ANY_EXIST -> r;
      case AT_LEAST_ONE_EXISTS -> exists > 0 ? OvalResult.TRUE : OvalResult.UNKNOWN;
      case ALL_EXIST -> r == OvalResult.FALSE || r == OvalResult.ERROR ? r : OvalResult.UNKNOWN;
      case NONE_EXIST, ONLY_ONE_EXISTS ->
          r == OvalResult.FALSE && exists > 0 ? OvalResult.FALSE : r == OvalResult.ERROR ? r : OvalResult.UNKNOWN;
    };
  }

  private static OvalResult incompleteCheck(Check check, OvalResult r) {
    return switch (check) {
      case ALL, NONE_SATISFY, NONE_EXIST -> r == OvalResult.TRUE ? OvalResult.UNKNOWN : r;
      case AT_LEAST_ONE -> r == OvalResult.FALSE ? OvalResult.UNKNOWN : r;
      case ONLY_ONE -> r == OvalResult.FALSE ? r : OvalResult.UNKNOWN;
    };
  }

  private List<CollectedObject.VariableValue> stateVariables(List<OvalState> stateList) {
    Set<String> ids = new LinkedHashSet<>();
    for (OvalState s : stateList) s.entities().forEach(e -> collectVarRefs(e, ids));
    List<CollectedObject.VariableValue> out = new ArrayList<>();
    for (String id : ids) {
      try {
        variables.values(id).forEach(v -> out.add(new CollectedObject.VariableValue(id, v)));
      } catch (VariableException ignored) {
        // the comparison using it reports the error
      }
    }
    return out;
  }

  private static void collectVarRefs(Entity e, Set<String> ids) {
    if (e.varRef() != null) ids.add(e.varRef());
    e.fields().forEach(f -> collectVarRefs(f, ids));
  }

  private static int count(List<Item> items, String status) {
    return (int) items.stream().filter(i -> status.equals(i.status())).count();
  }

  private static TestResult result(OvalTest t, OvalResult r, List<Message> messages, List<TestedItem> items,
      List<CollectedObject.VariableValue> vars) {
    return new TestResult(t.id(), t.version(), t.comment(), t.checkExistence(), t.check(), t.stateOperator(), r,
        messages, items, vars);
  }
}
