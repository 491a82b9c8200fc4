package dev.stigsmith.oval.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.CriteriaNode;
import dev.stigsmith.oval.model.Definition;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Generator;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalObject;
import dev.stigsmith.oval.model.OvalState;
import dev.stigsmith.oval.model.OvalTest;
import dev.stigsmith.oval.model.SystemCharacteristics;
import dev.stigsmith.oval.model.SystemInfo;
import dev.stigsmith.oval.model.Variable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesAndExtendTest {
  static final String IND = "http://oval.mitre.org/XMLSchema/oval-definitions-5#independent";

  static Entity entity(String name, String value, String varRef, String varCheck) {
    return new Entity(name, value, "string", "equals", varRef, varCheck, "all", false, List.of());
  }

  static OvalDefinitions defs(List<Definition> definitions, List<OvalState> states, List<Variable> vars) {
    OvalTest test = new OvalTest("oval:t:tst:1", "1", IND, "family_test", null, "all", "at_least_one_exists", "AND",
        "oval:t:obj:1", states.stream().map(OvalState::id).toList());
    OvalObject obj = new OvalObject("oval:t:obj:1", "1", IND, "family_object", null, List.of(), null, List.of());
    return new OvalDefinitions("test", null, definitions, List.of(test), List.of(obj), states, vars);
  }

  static SystemCharacteristics sc() {
    Item item = new Item(1, "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5#independent",
        "family_item", ItemEntity.EXISTS, List.of(ItemEntity.string("family", "windows")));
    return new SystemCharacteristics(Generator.stigsmith("t", Instant.EPOCH),
        new SystemInfo("w", "1", "x", "h", List.of()),
        List.of(new CollectedObject("oval:t:obj:1", "1", Flag.COMPLETE, List.of(), List.of(), List.of(1L))),
        List.of(item));
  }

  static Definition def(String id, CriteriaNode... nodes) {
    return new Definition(id, "1", "compliance", "t", new CriteriaNode.Criteria("AND", false, null, List.of(nodes)));
  }

  static CriteriaNode test() {
    return new CriteriaNode.Criterion("oval:t:tst:1", false, null);
  }

  @Test
  void variablesFeedStates() {
    OvalState state = new OvalState("oval:t:ste:1", "1", IND, "family_state", "AND",
        List.of(entity("family", null, "oval:t:var:3", "at least one")));
    List<Variable> vars = List.of(
        new Variable.External("oval:t:var:1", "1", "string"),
        new Variable.Local("oval:t:var:2", "1", "string", new Variable.VariableComponent("oval:t:var:1")),
        new Variable.Constant("oval:t:var:3", "1", "string", List.of("unix", "windows")),
        new Variable.Local("oval:t:var:4", "1", "string", new Variable.Unsupported("concat")),
        new Variable.Local("oval:t:var:5", "1", "string",
            new Variable.ObjectComponent("oval:t:obj:1", "family", null)));
    OvalDefinitions d = defs(List.of(def("oval:t:def:1", test())), List.of(state), vars);
    OvalResults r = OvalEngine.evaluate(d, sc(), Map.of("oval:t:var:1", List.of("windows")));
    assertThat(r.result("oval:t:def:1")).isEqualTo(OvalResult.TRUE);
    assertThat(r.test("oval:t:tst:1").orElseThrow().variables()).hasSize(2);

    VariableResolver resolver = new VariableResolver(d, Map.of("oval:t:var:1", List.of("windows")),
        id -> sc().items());
    assertThat(resolver.values("oval:t:var:2")).containsExactly("windows");
    assertThat(resolver.values("oval:t:var:5")).containsExactly("windows");
    assertThatThrownBy(() -> resolver.values("oval:t:var:4")).hasMessageContaining("concat is not supported");

    OvalState allMustMatch = new OvalState("oval:t:ste:1", "1", IND, "family_state", "AND",
        List.of(entity("family", null, "oval:t:var:3", "all")));
    assertThat(OvalEngine.evaluate(defs(List.of(def("oval:t:def:1", test())), List.of(allMustMatch), vars), sc(),
        Map.of()).result("oval:t:def:1")).isEqualTo(OvalResult.FALSE);

    OvalState missingExternal = new OvalState("oval:t:ste:1", "1", IND, "family_state", "AND",
        List.of(entity("family", null, "oval:t:var:1", "all")));
    assertThat(OvalEngine.evaluate(defs(List.of(def("oval:t:def:1", test())), List.of(missingExternal), vars),
        sc(), Map.of()).result("oval:t:def:1")).isEqualTo(OvalResult.ERROR);
  }

  @Test
  void extendDefinitionCyclesAreErrors() {
    Definition a = def("oval:t:def:1", test(), new CriteriaNode.ExtendDefinition("oval:t:def:2", false, null));
    Definition b = def("oval:t:def:2", new CriteriaNode.ExtendDefinition("oval:t:def:1", false, null));
    Definition c = def("oval:t:def:3", new CriteriaNode.ExtendDefinition("oval:t:def:9", false, null));
    OvalResults r = OvalEngine.evaluate(defs(List.of(a, b, c), List.of(), List.of()), sc(), Map.of());
    assertThat(r.result("oval:t:def:1")).isEqualTo(OvalResult.ERROR);
    assertThat(r.result("oval:t:def:3")).isEqualTo(OvalResult.ERROR);
    assertThat(r.definition("oval:t:def:3").orElseThrow().messages().get(0).text()).contains("not defined");
  }
}
