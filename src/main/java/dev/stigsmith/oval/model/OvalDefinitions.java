package dev.stigsmith.oval.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * A parsed {@code oval_definitions} document. Each list keeps document order; lookups are by id.
 *
 * @param source the element it was read from, kept so results can embed the definitions verbatim
 * @param origin where it came from (file name or "element"), for messages
 */
public record OvalDefinitions(
    String origin,
    Element source,
    List<Definition> definitions,
    List<OvalTest> tests,
    List<OvalObject> objects,
    List<OvalState> states,
    List<Variable> variables) {

  public OvalDefinitions {
    definitions = ById.of(definitions, Definition::id);
    tests = ById.of(tests, OvalTest::id);
    objects = ById.of(objects, OvalObject::id);
    states = ById.of(states, OvalState::id);
    variables = ById.of(variables, Variable::id);
  }

  public Optional<Definition> definition(String id) {
    return find(definitions, Definition::id, id);
  }

  public Optional<OvalTest> test(String id) {
    return find(tests, OvalTest::id, id);
  }

  public Optional<OvalObject> object(String id) {
    return find(objects, OvalObject::id, id);
  }

  public Optional<OvalState> state(String id) {
    return find(states, OvalState::id, id);
  }

  public Optional<Variable> variable(String id) {
    return find(variables, Variable::id, id);
  }

  @SuppressWarnings("unchecked")
  private static <T> Optional<T> find(List<T> list, Function<T, String> id, String wanted) {
    return ((ById<String, T>) list).find(wanted);
  }

  /** Id → element maps when many lookups are needed. */
  public static <T> Map<String, T> index(List<T> list, Function<T, String> id) {
    Map<String, T> m = new LinkedHashMap<>();
    for (T t : list) m.putIfAbsent(id.apply(t), t);
    return m;
  }
}
