package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.oval.engine.ComparisonException;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.OvalObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code win-def:service_object}: the collected Windows services whose name matches
 * {@code service_name} (any operation), one {@code service_item} each. Win32_Service's start modes,
 * states and types are written as OVAL's SERVICE_* enumerations.
 */
final class ServiceCollector implements ObjectCollector {
  private static final String WIN_SC = OvalNs.SC + "#windows";

  private static final Map<String, String> START = Map.of(
      "auto", "SERVICE_AUTO_START", "manual", "SERVICE_DEMAND_START", "disabled", "SERVICE_DISABLED",
      "boot", "SERVICE_BOOT_START", "system", "SERVICE_SYSTEM_START");
  private static final Map<String, String> STATE = Map.of(
      "running", "SERVICE_RUNNING", "stopped", "SERVICE_STOPPED", "paused", "SERVICE_PAUSED",
      "start pending", "SERVICE_START_PENDING", "stop pending", "SERVICE_STOP_PENDING",
      "continue pending", "SERVICE_CONTINUE_PENDING", "pause pending", "SERVICE_PAUSE_PENDING");
  private static final Map<String, String> TYPE = Map.of(
      "own process", "SERVICE_WIN32_OWN_PROCESS", "share process", "SERVICE_WIN32_SHARE_PROCESS",
      "kernel driver", "SERVICE_KERNEL_DRIVER", "file system driver", "SERVICE_FILE_SYSTEM_DRIVER",
      "interactive process", "SERVICE_INTERACTIVE_PROCESS");

  @Override
  public String description() {
    return "Windows service (service_name by any operation; Win32_Service start mode, state, account, path)";
  }

  @Override
  public Collected collect(OvalObject object, HostData host, EntityMatcher matcher) {
    Entity name = object.entity("service_name").orElse(null);
    if (name == null) return Collected.of(Flag.ERROR, "service_object without service_name");
    if (host.services() == null) return Collected.of(Flag.NOT_COLLECTED, "no Windows services were collected on this host");
    List<Item> items = new ArrayList<>();
    for (HostData.WindowsService s : host.services().values().stream()
        .sorted(Comparator.comparing(HostData.WindowsService::name)).toList()) {
      try {
        if (!matcher.matches(name, s.name())) continue;
      } catch (ComparisonException e) {
        return Collected.of(Flag.ERROR, "service_name: " + e.getMessage());
      }
      items.add(item(s));
    }
    return Collected.items(items, matcher.drainUsed());
  }

  static Item item(HostData.WindowsService s) {
    List<ItemEntity> e = new ArrayList<>();
    e.add(ItemEntity.string("service_name", s.name()));
    if (s.displayName() != null) e.add(ItemEntity.string("display_name", s.displayName()));
    String type = s.serviceType() == null ? null : TYPE.get(s.serviceType().toLowerCase(Locale.ROOT));
    if (type != null) e.add(ItemEntity.string("service_type", type));
    enumEntity(e, "start_type", START, s.startMode());
    enumEntity(e, "current_state", STATE, s.state());
    if (s.startName() != null) e.add(ItemEntity.string("start_name", s.startName()));
    if (s.path() != null) e.add(ItemEntity.string("path", s.path()));
    return new Item(0, WIN_SC, "service_item", ItemEntity.EXISTS, e);
  }

  /**
   * Win32_Service reports "Unknown" when it cannot tell: the entity then holds the empty value the
   * schema's enumeration allows for that, which no required start type or state equals, so a rule
   * requiring one fails rather than passing on a service nobody could read (OpenSCAP reads it alike;
   * an omitted entity would be "unknown" to OpenSCAP and an error to us).
   */
  private static void enumEntity(List<ItemEntity> entities, String name, Map<String, String> table, String text) {
    String v = text == null ? null : table.get(text.toLowerCase(Locale.ROOT));
    entities.add(ItemEntity.string(name, v == null ? "" : v));
  }
}
