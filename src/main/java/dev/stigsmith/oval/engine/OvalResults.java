package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.ById;
import dev.stigsmith.oval.model.Generator;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.SystemCharacteristics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything one evaluation produced, in definition document order. */
public record OvalResults(
    Generator generator,
    OvalDefinitions definitions,
    SystemCharacteristics systemCharacteristics,
    List<DefinitionResult> definitionResults,
    List<TestResult> testResults) {
  private static final Set<String> IDENTIFYING = Set.of("name", "identity");

  public OvalResults {
    definitionResults = ById.of(definitionResults, DefinitionResult::definitionId);
    testResults = ById.of(testResults, TestResult::testId);
  }

  @SuppressWarnings("unchecked")
  public Optional<DefinitionResult> definition(String id) {
    return ((ById<String, DefinitionResult>) definitionResults).find(id);
  }

  @SuppressWarnings("unchecked")
  public Optional<TestResult> test(String id) {
    return ((ById<String, TestResult>) testResults).find(id);
  }

  public OvalResult result(String definitionId) {
    return definition(definitionId).map(DefinitionResult::result).orElse(OvalResult.UNKNOWN);
  }

  /**
   * For a definition, every test under it (extended definitions included) that did not come out
   * true, with the items that made it so: for check none satisfy the items that matched, otherwise
   * the items that did not; and of each item only the comparisons that went the wrong way.
   */
  public List<Evidence> evidence(String definitionId) {
    Set<String> testIds = new LinkedHashSet<>();
    definition(definitionId).ifPresent(d -> collectTests(d.criteria(), testIds, new LinkedHashSet<>()));
    List<Evidence> out = new ArrayList<>();
    for (String id : testIds) {
      TestResult t = test(id).orElse(null);
      if (t == null || t.result() == OvalResult.TRUE) continue;
      boolean inverted = "none satisfy".equals(t.check()) || "none exist".equals(t.check());
      List<Evidence.FailingItem> items = new ArrayList<>();
      for (TestedItem ti : t.items()) {
        if (ti.result() == OvalResult.NOT_EVALUATED) continue;
        boolean failing = inverted ? ti.result() == OvalResult.TRUE : ti.result() != OvalResult.TRUE;
        if (!failing) continue;
        List<EntityComparison> comps = ti.comparisons().stream()
            .filter(c -> inverted == (c.result() == OvalResult.TRUE))
            .toList();
        items.add(new Evidence.FailingItem(ti.item().id(), ti.result(), identity(ti), comps));
      }
      out.add(new Evidence(t.testId(), t.comment(), t.result(), t.messages(), items));
    }
    return out;
  }

  private void collectTests(CriteriaResult c, Set<String> tests, Set<String> seenDefs) {
    if (c == null) return;
    if ("criterion".equals(c.kind())) tests.add(c.ref());
    if ("extend_definition".equals(c.kind()) && seenDefs.add(c.ref())) {
      definition(c.ref()).ifPresent(d -> collectTests(d.criteria(), tests, seenDefs));
    }
    c.children().forEach(ch -> collectTests(ch, tests, seenDefs));
  }

  private static Map<String, String> identity(TestedItem ti) {
    Map<String, String> id = new LinkedHashMap<>();
    for (ItemEntity e : ti.item().entities()) {
      addIdentity(e, id);
      // select and parameters echo the object's query (field text = property name), not the item
      if (!"select".equals(e.name()) && !"parameters".equals(e.name())) e.fields().forEach(f -> addIdentity(f, id));
    }
    return id;
  }

  private static void addIdentity(ItemEntity e, Map<String, String> id) {
    String key = e.name().toLowerCase(Locale.ROOT);
    if (IDENTIFYING.contains(key) && e.value() != null) id.putIfAbsent(key, e.value());
  }
}
