package dev.stigsmith.oval.probe;

import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.oval.engine.ComparisonException;
import dev.stigsmith.oval.engine.Operation;
import dev.stigsmith.oval.model.Entity;
import dev.stigsmith.oval.model.Flag;
import dev.stigsmith.oval.model.Item;
import dev.stigsmith.oval.model.ItemEntity;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.OvalObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code win-def:fileeffectiverights53_object} on folders: path by equals (literal or variable),
 * filename nil (the folder itself), trustee_sid by any operation; one {@code fileeffectiverights_item}
 * per matching trustee.
 *
 * <p>The collector writes each trustee's allow-minus-deny mask of the ACEs that apply to the folder
 * (generic rights already mapped to file rights); no group is expanded, which is what OVAL's default
 * behaviours (include_group true, resolve_group false) ask for. A generic_* entity is true when the
 * mask holds every right the generic right maps to for files (e.g. generic_all: 0x1F01FF).
 */
final class FileRightsCollector implements ObjectCollector {
  private static final String WIN_SC = OvalNs.SC + "#windows";

  /** Entity → access-mask bits, in the schema's order. */
  static final Map<String, Long> RIGHTS = new LinkedHashMap<>();

  static {
    RIGHTS.put("standard_delete", 0x10000L);
    RIGHTS.put("standard_read_control", 0x20000L);
    RIGHTS.put("standard_write_dac", 0x40000L);
    RIGHTS.put("standard_write_owner", 0x80000L);
    RIGHTS.put("standard_synchronize", 0x100000L);
    RIGHTS.put("access_system_security", 0x1000000L);
    RIGHTS.put("generic_read", 0x120089L);
    RIGHTS.put("generic_write", 0x120116L);
    RIGHTS.put("generic_execute", 0x1200A0L);
    RIGHTS.put("generic_all", 0x1F01FFL);
    RIGHTS.put("file_read_data", 0x1L);
    RIGHTS.put("file_write_data", 0x2L);
    RIGHTS.put("file_append_data", 0x4L);
    RIGHTS.put("file_read_ea", 0x8L);
    RIGHTS.put("file_write_ea", 0x10L);
    RIGHTS.put("file_execute", 0x20L);
    RIGHTS.put("file_delete_child", 0x40L);
    RIGHTS.put("file_read_attributes", 0x80L);
    RIGHTS.put("file_write_attributes", 0x100L);
  }

  @Override
  public String description() {
    return "effective rights of trustees on a folder (path by equals; filename nil; trustee_sid by any operation; from the ACL, no group expansion)";
  }

  @Override
  public Collected collect(OvalObject object, HostData host, EntityMatcher matcher) {
    if (object.entity("filepath").isPresent()) {
      return Collected.of(Flag.NOT_COLLECTED, "fileeffectiverights53 filepath is not supported; use path with filename nil (a folder)");
    }
    Optional<Entity> path = object.entity("path");
    Optional<Entity> filename = object.entity("filename");
    Optional<Entity> trustee = object.entity("trustee_sid");
    if (path.isEmpty() || trustee.isEmpty()) return Collected.of(Flag.ERROR, "fileeffectiverights53_object without path or trustee_sid");
    if (filename.isPresent() && !filename.get().nil()) {
      return Collected.of(Flag.NOT_COLLECTED, "rights on files are not collected; only on folders (filename nil)");
    }
    Operation op = Operation.fromXml(path.get().operation());
    if (op != Operation.EQUALS && op != Operation.CASE_INSENSITIVE_EQUALS) {
      return Collected.of(Flag.NOT_COLLECTED, "path with operation " + path.get().operation() + " is not supported; only equals");
    }
    if (object.entity("behaviors").map(b -> b.fields().stream().anyMatch(f -> f.name().equals("resolve_group") && "true".equals(f.value()))).orElse(false)) {
      return Collected.of(Flag.NOT_COLLECTED, "resolve_group behaviour is not supported: group membership is not collected");
    }
    if (host.folderRights() == null) return Collected.of(Flag.NOT_COLLECTED, "no folder permissions were collected on this host");
    List<Item> items = new ArrayList<>();
    for (String p : matcher.values(path.get())) {
      Optional<List<HostData.TrusteeRights>> rights = host.folder(p);
      if (rights.isEmpty()) continue;
      for (HostData.TrusteeRights t : rights.get()) {
        try {
          if (!matcher.matches(trustee.get(), t.sid())) continue;
        } catch (ComparisonException e) {
          return Collected.of(Flag.ERROR, "trustee_sid: " + e.getMessage());
        }
        items.add(item(p.replaceAll("\\\\+$", ""), t));
      }
    }
    return Collected.items(items, matcher.drainUsed());
  }

  private static Item item(String path, HostData.TrusteeRights t) {
    List<ItemEntity> e = new ArrayList<>();
    e.add(ItemEntity.string("path", path));
    e.add(ItemEntity.nil("filename", "string"));
    e.add(ItemEntity.string("trustee_sid", t.sid()));
    if (t.name() != null) e.add(ItemEntity.string("trustee_name", t.name()));
    for (Map.Entry<String, Long> r : RIGHTS.entrySet()) {
      boolean held = (t.mask() & r.getValue()) == r.getValue();
      e.add(ItemEntity.of(r.getKey(), Boolean.toString(held), "boolean"));
    }
    return new Item(0, WIN_SC, "fileeffectiverights_item", ItemEntity.EXISTS, e);
  }
}
