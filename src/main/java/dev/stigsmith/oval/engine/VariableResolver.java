package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Values of OVAL variables. External values come from the caller; object components read the items
 * of an object through {@code objectItems} (collected objects for the engine, fresh items for the probe).
 */
public final class VariableResolver {
  private final OvalDefinitions defs;
  private final Map<String, List<String>> external;
  private final Function<String, List<Item>> objectItems;
  private final Map<String, List<String>> cache = new HashMap<>();
  private final Set<String> resolving = new HashSet<>();

  public VariableResolver(
      OvalDefinitions defs, Map<String, List<String>> external, Function<String, List<Item>> objectItems) {
    this.defs = defs;
    this.external = Map.copyOf(external);
    this.objectItems = objectItems;
  }

  /** @throws VariableException when the variable is unknown, unset, cyclic or uses an unsupported component */
  public List<String> values(String variableId) {
    List<String> cached = cache.get(variableId);
    if (cached != null) return cached;
    if (!resolving.add(variableId)) throw new VariableException("variable " + variableId + " refers to itself");
    try {
      Variable v = defs.variable(variableId)
          .orElseThrow(() -> new VariableException("variable " + variableId + " is not defined"));
      List<String> values;
      if (v instanceof Variable.External) {
        List<String> given = external.get(variableId);
        if (given == null || given.isEmpty()) {
          throw new VariableException("external variable " + variableId + " has no value");
        }
        values = List.copyOf(given);
      } else if (v instanceof Variable.Constant c) {
        values = c.values();
      } else {
        values = component(variableId, ((Variable.Local) v).component());
      }
      cache.put(variableId, values);
      return values;
    } finally {
      resolving.remove(variableId);
    }
  }

  private List<String> component(String variableId, Variable.Component c) {
    if (c instanceof Variable.Literal l) return List.of(l.value());
    if (c instanceof Variable.VariableComponent vc) return values(vc.variableRef());
    if (c instanceof Variable.ObjectComponent oc) return objectValues(oc);
    if (c instanceof Variable.Concat cc) {
      List<String> out = List.of("");
      for (Variable.Component part : cc.parts()) {
        List<String> next = new ArrayList<>();
        for (String prefix : out) for (String v : component(variableId, part)) next.add(prefix + v);
        out = next;
      }
      return out;
    }
    if (c instanceof Variable.Substring ss) {
      List<String> out = new ArrayList<>();
      for (String v : component(variableId, ss.of())) out.add(substring(v, ss.start(), ss.length()));
      return out;
    }
    if (c instanceof Variable.RegexCapture rc) {
      java.util.regex.Pattern p;
      try {
        p = java.util.regex.Pattern.compile(rc.pattern());
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new VariableException("variable " + variableId + ": regex_capture pattern is invalid: " + e.getDescription());
      }
      List<String> out = new ArrayList<>();
      for (String v : component(variableId, rc.of())) {
        java.util.regex.Matcher m = p.matcher(v);
        // No match, or a pattern without a subexpression, gives the empty string (OVAL 5.11).
        out.add(m.find() && m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "");
      }
      return out;
    }
    throw new VariableException(
        "variable " + variableId + ": " + ((Variable.Unsupported) c).elementName() + " is not supported");
  }

  /** OVAL substring: start below 1 counts as 1; past the end gives ""; length -1 (or too long) runs to the end. */
  private static String substring(String v, int start, int length) {
    int from = Math.max(1, start) - 1;
    if (from >= v.length()) return "";
    int to = length < 0 ? v.length() : Math.min(v.length(), from + length);
    return v.substring(from, to);
  }

  private List<String> objectValues(Variable.ObjectComponent oc) {
    List<String> out = new ArrayList<>();
    for (Item item : objectItems.apply(oc.objectRef())) {
      for (ItemEntity e : item.entities(oc.itemField())) {
        if (oc.recordField() == null) {
          if (e.value() != null) out.add(e.value());
        } else {
          for (ItemEntity f : e.fields()) {
            if (f.name().equals(oc.recordField()) && f.value() != null) out.add(f.value());
          }
        }
      }
    }
    if (out.isEmpty()) throw new VariableException("object " + oc.objectRef() + " gives no value for " + oc.itemField(), oc.objectRef());
    return out;
  }
}
