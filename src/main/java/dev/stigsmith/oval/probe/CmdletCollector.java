package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.CmdletOutput;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.PsObject;
import dev.stigsmith.hostdata.PsValue;
import dev.stigsmith.oval.engine.Operation;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.OvalObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code win-def:cmdlet_object}: the output of "Verb-Noun" as collected, one {@code cmdlet_item}
 * per returned object.
 *
 * <ul>
 *   <li>{@code parameters} (non-nil): the cmdlet is not re-run; an object is kept when each
 *       parameter names a property whose text equals the parameter value, ignoring case as
 *       PowerShell compares strings. A parameter naming a missing property drops the object.
 *   <li>{@code select}: each field names a property (field text in PowerShell casing, field name
 *       lower-case); the item's {@code value} record holds those properties only, under the
 *       lower-case field names OVAL requires. With select nil, all properties are written.
 *   <li>A property that is $null or was not collected is written as a field with status
 *       "does not exist" and no text: every comparison on it is false, in our engine and in
 *       OpenSCAP for equals and pattern match (OpenSCAP errors on an omitted field instead).
 * </ul>
 */
final class CmdletCollector implements ObjectCollector {
  private static final String WIN_SC = OvalNs.SC + "#windows";

  @Override
  public String description() {
    return "output of a PowerShell Get-* cmdlet (verb + noun; parameters filter, select projects)";
  }

  @Override
  public Collected collect(OvalObject object, HostData host, EntityMatcher matcher) {
    Optional<Entity> verb = object.entity("verb");
    Optional<Entity> noun = object.entity("noun");
    if (verb.isEmpty() || noun.isEmpty()) return Collected.of(Flag.ERROR, "cmdlet_object without verb or noun");
    for (Entity e : List.of(verb.get(), noun.get())) {
      if (Operation.fromXml(e.operation()) != Operation.EQUALS) {
        return Collected.of(Flag.NOT_COLLECTED, "cmdlet " + e.name() + " with operation " + e.operation()
            + " is not supported; only equals");
      }
    }
    String verbText = matcher.values(verb.get()).get(0);
    String nounText = matcher.values(noun.get()).get(0);
    String cmdlet = verbText + "-" + nounText;
    Optional<CmdletOutput> output = host.cmdlet(cmdlet);
    if (output.isEmpty()) return Collected.of(Flag.NOT_COLLECTED, cmdlet + " was not collected on this host");
    if (output.get().failed()) return Collected.of(Flag.ERROR, cmdlet + " failed: " + output.get().error());

    Entity parameters = object.entity("parameters").filter(p -> !p.nil()).orElse(null);
    Entity select = object.entity("select").filter(s -> !s.nil()).orElse(null);
    List<Item> items = new ArrayList<>();
    for (PsObject o : output.get().objects()) {
      if (parameters != null && !matchesParameters(o, parameters)) continue;
      List<ItemEntity> entities = new ArrayList<>();
      entities.add(ItemEntity.nil("module_name", "string"));
      entities.add(ItemEntity.nil("module_id", "string"));
      entities.add(ItemEntity.nil("module_version", "version"));
      entities.add(ItemEntity.string("verb", verbText));
      entities.add(ItemEntity.string("noun", nounText));
      entities.add(parameters == null ? ItemEntity.nil("parameters", "record") : copy(parameters));
      entities.add(select == null ? ItemEntity.nil("select", "record") : copy(select));
      entities.add(ItemEntity.record("value", value(o, select)));
      items.add(new Item(0, WIN_SC, "cmdlet_item", ItemEntity.EXISTS, entities));
    }
    return Collected.items(items, matcher.drainUsed());
  }

  private static boolean matchesParameters(PsObject o, Entity parameters) {
    for (Entity p : parameters.fields()) {
      Optional<PsValue> v = o.get(p.name());
      String text = v.map(PsValue::ovalText).orElse(null);
      if (text == null || !text.equalsIgnoreCase(p.value() == null ? "" : p.value())) return false;
    }
    return true;
  }

  private static ItemEntity copy(Entity record) {
    List<ItemEntity> fields = record.fields().stream()
        .map(f -> ItemEntity.of(f.name(), f.value() == null ? "" : f.value(), f.datatype()))
        .toList();
    return ItemEntity.record(record.name(), fields);
  }

  private static List<ItemEntity> value(PsObject o, Entity select) {
    List<ItemEntity> fields = new ArrayList<>();
    if (select == null) {
      for (Map.Entry<String, PsValue> p : o.properties().entrySet()) {
        fields.add(field(p.getKey().toLowerCase(Locale.ROOT), Optional.of(p.getValue())));
      }
    } else {
      for (Entity f : select.fields()) {
        String property = f.value() == null || f.value().isBlank() ? f.name() : f.value().trim();
        fields.add(field(f.name().toLowerCase(Locale.ROOT), o.get(property)));
      }
    }
    return fields;
  }

  private static ItemEntity field(String name, Optional<PsValue> value) {
    if (value.isEmpty() || value.get() instanceof PsValue.Null) {
      return new ItemEntity(name, null, "string", ItemEntity.DOES_NOT_EXIST, false, List.of());
    }
    return ItemEntity.of(name, value.get().ovalText(), value.get().ovalDatatype());
  }
}
