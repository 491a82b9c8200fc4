package dev.stigsmith.oval.model;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Reads any {@code oval_system_characteristics} document (ours or another tool's) into the model. */
public final class SystemCharacteristicsReader {
  private SystemCharacteristicsReader() {}

  public static SystemCharacteristics read(Path file) {
    return read(Dom.parseRoot(file), file.toString());
  }

  public static SystemCharacteristics read(Element root, String origin) {
    if (!OvalNs.SC.equals(root.getNamespaceURI()) || !"oval_system_characteristics".equals(root.getLocalName())) {
      throw new OvalDocumentException(
          origin + ": not an OVAL system characteristics document (root is " + root.getLocalName() + ")");
    }
    try {
      Generator gen = generator(Dom.child(root, "generator"));
      Element si = Dom.child(root, "system_info");
      List<SystemInfo.NetInterface> ifs = new ArrayList<>();
      for (Element i : Dom.children(Dom.child(si, "interfaces"), "interface")) {
        ifs.add(new SystemInfo.NetInterface(
            Dom.childText(i, "interface_name"), Dom.childText(i, "ip_address"), Dom.childText(i, "mac_address")));
      }
      SystemInfo info = new SystemInfo(
          Dom.childText(si, "os_name"), Dom.childText(si, "os_version"), Dom.childText(si, "architecture"),
          Dom.childText(si, "primary_host_name"), ifs);
      List<CollectedObject> objects = new ArrayList<>();
      for (Element o : Dom.children(Dom.child(root, "collected_objects"), "object")) objects.add(object(o));
      List<Item> items = new ArrayList<>();
      for (Element i : Dom.children(Dom.child(root, "system_data"))) items.add(item(i));
      return new SystemCharacteristics(gen, info, objects, items);
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw new OvalDocumentException(origin + ": malformed system characteristics: " + e.getMessage(), e);
    }
  }

  static Generator generator(Element g) {
    return new Generator(
        Dom.childText(g, "product_name"),
        Dom.childText(g, "product_version"),
        Dom.childText(g, "schema_version").trim(),
        timestamp(Dom.childText(g, "timestamp").trim()));
  }

  private static Instant timestamp(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  private static CollectedObject object(Element o) {
    List<Message> messages = Dom.children(o, "message").stream()
        .map(m -> new Message(Dom.attr(m, "level", "info"), m.getTextContent()))
        .toList();
    List<CollectedObject.VariableValue> vars = Dom.children(o, "variable_value").stream()
        .map(v -> new CollectedObject.VariableValue(v.getAttribute("variable_id"), v.getTextContent()))
        .toList();
    List<Long> refs = Dom.children(o, "reference").stream()
        .map(r -> Long.parseLong(r.getAttribute("item_ref").trim()))
        .toList();
    return new CollectedObject(
        o.getAttribute("id"), Dom.attr(o, "version", "1"), Flag.fromXml(o.getAttribute("flag")), messages, vars,
        refs);
  }

  private static Item item(Element i) {
    List<ItemEntity> entities = new ArrayList<>();
    for (Element e : Dom.children(i)) {
      if (!"message".equals(e.getLocalName())) entities.add(entity(e, e.getLocalName()));
    }
    return new Item(
        Long.parseLong(i.getAttribute("id").trim()), i.getNamespaceURI(), i.getLocalName(),
        Dom.attr(i, "status", ItemEntity.EXISTS), entities);
  }

  private static ItemEntity entity(Element e, String name) {
    String datatype = Dom.attr(e, "datatype", "string");
    List<ItemEntity> fields = new ArrayList<>();
    boolean record = "record".equals(datatype);
    if (record) {
      for (Element f : Dom.children(e, "field")) fields.add(entity(f, f.getAttribute("name")));
    }
    boolean nil = Dom.isNil(e);
    return new ItemEntity(
        name, record || nil ? null : e.getTextContent(), datatype, Dom.attr(e, "status", ItemEntity.EXISTS), nil,
        fields);
  }
}
