package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.PsValue;
import dev.stigsmith.oval.engine.ComparisonException;
import dev.stigsmith.oval.engine.Operation;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.OvalObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code win-def:registry_object}: hive and key by equals (the collected registry is a key →
 * values map, not a tree to search), name by any operation over the key's values.
 */
final class RegistryCollector implements ObjectCollector {
  private static final String WIN_SC = OvalNs.SC + "#windows";

  @Override
  public String description() {
    return "registry value (hive and key by equals; name by any operation)";
  }

  @Override
  public Collected collect(OvalObject object, HostData host, EntityMatcher matcher) {
    if (host.registry().isEmpty()) return Collected.of(Flag.NOT_COLLECTED, "no registry data was collected");
    Optional<Entity> hive = object.entity("hive");
    Optional<Entity> key = object.entity("key");
    Optional<Entity> name = object.entity("name");
    if (hive.isEmpty() || key.isEmpty()) return Collected.of(Flag.ERROR, "registry_object without hive or key");
    for (Entity e : List.of(hive.get(), key.get())) {
      if (Operation.fromXml(e.operation()) != Operation.EQUALS) {
        return Collected.of(Flag.NOT_COLLECTED, "registry " + e.name() + " with operation " + e.operation()
            + " is not supported; only equals");
      }
    }
    List<Item> items = new ArrayList<>();
    for (String hiveText : matcher.values(hive.get())) {
      for (String keyText : matcher.values(key.get())) {
        Optional<Map<String, PsValue>> values = host.registryKey(hiveText + "\\" + keyText)
            .or(() -> host.registryKey(abbreviation(hiveText) + "\\" + keyText));
        if (values.isEmpty()) continue;
        if (name.isEmpty() || name.get().nil()) {
          items.add(item(hiveText, keyText, null, null));
          continue;
        }
        for (Map.Entry<String, PsValue> v : values.get().entrySet().stream()
            .sorted(Map.Entry.comparingByKey()).toList()) {
          try {
            if (matcher.matches(name.get(), v.getKey())) items.add(item(hiveText, keyText, v.getKey(), v.getValue()));
          } catch (ComparisonException e) {
            return Collected.of(Flag.ERROR, "registry name: " + e.getMessage());
          }
        }
      }
    }
    return Collected.items(items, matcher.drainUsed());
  }

  private static Item item(String hive, String key, String name, PsValue value) {
    List<ItemEntity> entities = new ArrayList<>();
    entities.add(ItemEntity.string("hive", hive));
    entities.add(ItemEntity.string("key", key));
    if (name == null) {
      entities.add(ItemEntity.nil("name", "string"));
    } else {
      entities.add(ItemEntity.string("name", name));
      entities.add(ItemEntity.string("type", type(value)));
      if (value instanceof PsValue.TextList list) {
        list.values().forEach(v -> entities.add(ItemEntity.string("value", v)));
      } else if (!(value instanceof PsValue.Null)) {
        entities.add(ItemEntity.of("value", registryText(value), value instanceof PsValue.Text ? "string" : "int"));
      }
    }
    return new Item(0, WIN_SC, "registry_item", ItemEntity.EXISTS, entities);
  }

  /** Collectors key the registry by "HKLM\\…"; OVAL names the hive in full. */
  private static String abbreviation(String hive) {
    return switch (hive) {
      case "HKEY_LOCAL_MACHINE" -> "HKLM";
      case "HKEY_CURRENT_USER" -> "HKCU";
      case "HKEY_CLASSES_ROOT" -> "HKCR";
      case "HKEY_USERS" -> "HKU";
      case "HKEY_CURRENT_CONFIG" -> "HKCC";
      default -> hive;
    };
  }

  private static String registryText(PsValue v) {
    return v instanceof PsValue.Bool b ? (b.value() ? "1" : "0") : v.ovalText();
  }

  private static String type(PsValue v) {
    if (v instanceof PsValue.Int i) {
      return i.value() >= Integer.MIN_VALUE && i.value() <= 0xFFFFFFFFL ? "reg_dword" : "reg_qword";
    }
    if (v instanceof PsValue.Bool) return "reg_dword";
    if (v instanceof PsValue.TextList) return "reg_multi_sz";
    if (v instanceof PsValue.Null) return "reg_none";
    return "reg_sz";
  }
}
