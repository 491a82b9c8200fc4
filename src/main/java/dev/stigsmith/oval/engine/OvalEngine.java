package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Definition;
import dev.stigsmith.oval.model.Generator;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.SystemCharacteristics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OVAL interpreter: definitions evaluated against system characteristics. Items are found only
 * through {@code collected_objects}; nothing is collected again.
 */
public final class OvalEngine {
  private OvalEngine() {}

  /** Evaluates with the results stamped with the system characteristics' own timestamp. */
  public static OvalResults evaluate(
      OvalDefinitions defs, SystemCharacteristics sc, Map<String, List<String>> externalVars) {
    return evaluate(defs, sc, externalVars, sc.generator().timestamp());
  }

  public static OvalResults evaluate(
      OvalDefinitions defs, SystemCharacteristics sc, Map<String, List<String>> externalVars, Instant timestamp) {
    Map<Long, Item> items = sc.itemsById();
    VariableResolver vars = new VariableResolver(defs, externalVars, objectId -> sc.collectedObject(objectId)
        .map(CollectedObject::itemRefs)
        .orElse(List.of())
        .stream()
        .map(items::get)
        .filter(java.util.Objects::nonNull)
        .toList());
    DefinitionEvaluator evaluator = new DefinitionEvaluator(defs, new TestEvaluator(defs, sc, vars));
    List<DefinitionResult> results = new ArrayList<>();
    for (Definition d : defs.definitions()) results.add(evaluator.evaluate(d));
    // Tests in document order, whichever definition reached them first.
    List<TestResult> tests = defs.tests().stream()
        .map(t -> evaluator.testResults().get(t.id()))
        .filter(java.util.Objects::nonNull)
        .toList();
    return new OvalResults(Generator.stigsmith(dev.stigsmith.oval.model.Versions.product(), timestamp), defs, sc, results, tests);
  }
}
