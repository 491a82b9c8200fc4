package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.OvalObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ind-def:variable_object}: the values of the variable its {@code var_ref} entity names,
 * as one {@code variable_item} (e.g. the drive letters of two paths a partition rule compares).
 */
final class VariableCollector implements ObjectCollector {
  private static final String IND_SC = OvalNs.SC + "#independent";

  @Override
  public String description() {
    return "values of an OVAL variable (var_ref by equals)";
  }

  @Override
  public Collected collect(OvalObject object, HostData host, EntityMatcher matcher) {
    Entity ref = object.entity("var_ref").orElse(null);
    if (ref == null || ref.value() == null || ref.value().isBlank()) return Collected.of(Flag.ERROR, "variable_object without var_ref");
    String id = ref.value().trim();
    List<String> values = matcher.variableValues(id);
    List<ItemEntity> e = new ArrayList<>();
    e.add(ItemEntity.string("var_ref", id));
    values.forEach(v -> e.add(ItemEntity.of("value", v, "string")));
    return Collected.items(List.of(new Item(0, IND_SC, "variable_item", ItemEntity.EXISTS, e)), matcher.drainUsed());
  }
}
