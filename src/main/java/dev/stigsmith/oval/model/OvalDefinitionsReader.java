package dev.stigsmith.oval.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/** Reads an {@code oval_definitions} document, standalone or embedded in a SCAP data stream. */
public final class OvalDefinitionsReader {
  private static final Set<String> NOT_ENTITIES =
      Set.of("set", "filter", "behaviors", "notes", "signature");

  private OvalDefinitionsReader() {}

  public static OvalDefinitions read(Path file) {
    return read(Dom.parseRoot(file), file.toString());
  }

  public static OvalDefinitions read(Element root) {
    return read(root, "oval_definitions element");
  }

  public static OvalDefinitions read(Element root, String origin) {
    if (!OvalNs.DEF.equals(root.getNamespaceURI()) || !"oval_definitions".equals(root.getLocalName())) {
      throw new OvalDocumentException(
          origin + ": not an OVAL definitions document (root is " + root.getLocalName() + ")");
    }
    try {
      List<Definition> defs = new ArrayList<>();
      for (Element d : Dom.children(Dom.child(root, "definitions"), "definition")) defs.add(definition(d));
      List<OvalTest> tests = new ArrayList<>();
      for (Element t : Dom.children(Dom.child(root, "tests"))) tests.add(test(t));
      List<OvalObject> objects = new ArrayList<>();
      for (Element o : Dom.children(Dom.child(root, "objects"))) objects.add(object(o));
      List<OvalState> states = new ArrayList<>();
      for (Element s : Dom.children(Dom.child(root, "states"))) states.add(state(s));
      List<Variable> vars = new ArrayList<>();
      for (Element v : Dom.children(Dom.child(root, "variables"))) vars.add(variable(v));
      return new OvalDefinitions(origin, root, defs, tests, objects, states, vars);
    } catch (IllegalArgumentException e) {
      throw new OvalDocumentException(origin + ": " + e.getMessage(), e);
    }
  }

  private static Definition definition(Element d) {
    Element meta = Dom.child(d, "metadata");
    Element criteria = Dom.child(d, "criteria");
    return new Definition(
        required(d, "id"),
        Dom.attr(d, "version", "1"),
        Dom.attr(d, "class", ""),
        meta == null ? null : Dom.childText(meta, "title"),
        criteria == null ? null : criteria(criteria));
  }

  private static CriteriaNode.Criteria criteria(Element c) {
    List<CriteriaNode> children = new ArrayList<>();
    for (Element e : Dom.children(c)) {
      switch (e.getLocalName()) {
        case "criteria" -> children.add(criteria(e));
        case "criterion" ->
            children.add(new CriteriaNode.Criterion(required(e, "test_ref"), negate(e), applicability(e)));
        case "extend_definition" ->
            children.add(
                new CriteriaNode.ExtendDefinition(required(e, "definition_ref"), negate(e), applicability(e)));
        default -> throw new IllegalArgumentException("unexpected " + e.getLocalName() + " in criteria");
      }
    }
    return new CriteriaNode.Criteria(Dom.attr(c, "operator", "AND"), negate(c), applicability(c), children);
  }

  private static boolean negate(Element e) {
    return bool(Dom.attr(e, "negate", "false"));
  }

  private static Boolean applicability(Element e) {
    return e.hasAttribute("applicability_check") ? bool(e.getAttribute("applicability_check")) : null;
  }

  private static boolean bool(String s) {
    return "true".equals(s) || "1".equals(s);
  }

  private static OvalTest test(Element t) {
    Element obj = Dom.child(t, "object");
    List<String> states = Dom.children(t, "state").stream().map(s -> required(s, "state_ref")).toList();
    return new OvalTest(
        required(t, "id"),
        Dom.attr(t, "version", "1"),
        t.getNamespaceURI(),
        t.getLocalName(),
        Dom.attr(t, "comment", null),
        Dom.attr(t, "check", "all"),
        Dom.attr(t, "check_existence", "at_least_one_exists"),
        Dom.attr(t, "state_operator", "AND"),
        obj == null ? null : required(obj, "object_ref"),
        states);
  }

  private static OvalObject object(Element o) {
    List<Entity> entities = new ArrayList<>();
    for (Element e : Dom.children(o)) {
      if (!NOT_ENTITIES.contains(e.getLocalName())) entities.add(entity(e, e.getLocalName()));
    }
    Element set = Dom.child(o, "set");
    return new OvalObject(
        required(o, "id"),
        Dom.attr(o, "version", "1"),
        o.getNamespaceURI(),
        o.getLocalName(),
        Dom.attr(o, "comment", null),
        entities,
        set == null ? null : set(set),
        filters(o));
  }

  private static ObjectSet set(Element s) {
    return new ObjectSet(
        Dom.attr(s, "set_operator", "UNION"),
        Dom.children(s, "object_reference").stream().map(e -> e.getTextContent().trim()).toList(),
        Dom.children(s, "set").stream().map(OvalDefinitionsReader::set).toList(),
        filters(s));
  }

  private static List<Filter> filters(Element parent) {
    return Dom.children(parent, "filter").stream()
        .map(f -> new Filter(Dom.attr(f, "action", "exclude"), f.getTextContent().trim()))
        .toList();
  }

  private static OvalState state(Element s) {
    List<Entity> entities = new ArrayList<>();
    for (Element e : Dom.children(s)) {
      if (!NOT_ENTITIES.contains(e.getLocalName())) entities.add(entity(e, e.getLocalName()));
    }
    return new OvalState(
        required(s, "id"),
        Dom.attr(s, "version", "1"),
        s.getNamespaceURI(),
        s.getLocalName(),
        Dom.attr(s, "operator", "AND"),
        entities);
  }

  private static Entity entity(Element e, String name) {
    String datatype = Dom.attr(e, "datatype", "string");
    List<Entity> fields = new ArrayList<>();
    if ("record".equals(datatype)) {
      for (Element f : Dom.children(e, "field")) fields.add(entity(f, required(f, "name")));
    }
    boolean nil = Dom.isNil(e);
    String varRef = Dom.attr(e, "var_ref", null);
    String value = nil || varRef != null || "record".equals(datatype) ? null : e.getTextContent();
    return new Entity(
        name,
        value,
        datatype,
        Dom.attr(e, "operation", "equals"),
        varRef,
        Dom.attr(e, "var_check", "all"),
        Dom.attr(e, "entity_check", "all"),
        nil,
        fields);
  }

  private static Variable variable(Element v) {
    String id = required(v, "id");
    String version = Dom.attr(v, "version", "1");
    String datatype = Dom.attr(v, "datatype", "string");
    return switch (v.getLocalName()) {
      case "external_variable" -> new Variable.External(id, version, datatype);
      case "constant_variable" ->
          new Variable.Constant(
              id, version, datatype, Dom.children(v, "value").stream().map(Element::getTextContent).toList());
      case "local_variable" -> {
        List<Element> parts = Dom.children(v).stream()
            .filter(e -> !"notes".equals(e.getLocalName()) && !"signature".equals(e.getLocalName()))
            .toList();
        if (parts.size() != 1) throw new IllegalArgumentException(id + ": local_variable needs one component");
        yield new Variable.Local(id, version, datatype, component(parts.get(0)));
      }
      default -> throw new IllegalArgumentException("unknown variable type " + v.getLocalName());
    };
  }

  private static Variable.Component component(Element c) {
    return switch (c.getLocalName()) {
      case "literal_component" -> new Variable.Literal(c.getTextContent());
      case "variable_component" -> new Variable.VariableComponent(required(c, "var_ref"));
      case "object_component" ->
          new Variable.ObjectComponent(
              required(c, "object_ref"), required(c, "item_field"), Dom.attr(c, "record_field", null));
      case "concat" -> {
        List<Variable.Component> parts = new java.util.ArrayList<>();
        for (Element e : Dom.children(c)) parts.add(component(e));
        if (parts.isEmpty()) throw new IllegalArgumentException("concat without components");
        yield new Variable.Concat(parts);
      }
      case "substring" -> new Variable.Substring(
          integer(c, "substring_start"), integer(c, "substring_length"), only(c));
      case "regex_capture" -> new Variable.RegexCapture(Dom.attr(c, "pattern", ""), only(c));
      default -> new Variable.Unsupported(c.getLocalName());
    };
  }

  private static Variable.Component only(Element function) {
    List<Element> parts = Dom.children(function);
    if (parts.size() != 1) throw new IllegalArgumentException(function.getLocalName() + " needs one component");
    return component(parts.get(0));
  }

  /** An xsd:int attribute; the schema would refuse anything else, and an unvalidated file is told so too. */
  private static int integer(Element e, String attr) {
    String v = required(e, attr).trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException x) {
      throw new IllegalArgumentException(e.getLocalName() + " " + attr + " '" + v
          + "' is not an xsd:int (a whole number from -2147483648 to 2147483647)");
    }
  }

  private static String required(Element e, String attr) {
    if (!e.hasAttribute(attr)) {
      throw new IllegalArgumentException(e.getLocalName() + " without " + attr);
    }
    return e.getAttribute(attr);
  }
}
