package dev.stigsmith.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * System characteristics written the way a person would by hand for a few Send connectors: the
 * test author decides which connectors are in which set object, independent of our probe.
 */
public final class HandSc {
  private HandSc() {}

  /** One connector: property → value (null = $null), in PowerShell casing. */
  public static Map<String, String> connector(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  private static final Map<String, String> TYPES = Map.of(
      "domainsecureenabled", "boolean", "dnsroutingenabled", "boolean", "requiretls", "boolean");

  /**
   * @param baseId the cmdlet object that lists all connectors
   * @param smartHostSetId the set object of connectors with smart hosts
   * @param dnsSetId the set object of the others
   */
  public static String sendConnectors(String baseId, String smartHostSetId, String dnsSetId,
      List<Map<String, String>> connectors) {
    StringBuilder items = new StringBuilder();
    List<Integer> all = new ArrayList<>();
    List<Integer> smart = new ArrayList<>();
    List<Integer> dns = new ArrayList<>();
    int id = 1;
    for (Map<String, String> c : connectors) {
      all.add(id);
      String sh = c.get("SmartHostsString");
      (sh != null && !sh.isBlank() ? smart : dns).add(id);
      items.append("    <win-sc:cmdlet_item id=\"").append(id).append("\" status=\"exists\">\n")
          .append("      <win-sc:module_name>Microsoft.Exchange.Management.PowerShell.SnapIn</win-sc:module_name>\n")
          .append("      <win-sc:verb>Get</win-sc:verb>\n")
          .append("      <win-sc:noun>SendConnector</win-sc:noun>\n")
          .append("      <win-sc:value datatype=\"record\">\n");
      for (Map.Entry<String, String> e : c.entrySet()) {
        String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
        String type = TYPES.getOrDefault(name, "string");
        if (e.getValue() == null) {
          items.append("        <oval-sc:field name=\"").append(name).append("\" datatype=\"").append(type)
              .append("\" status=\"does not exist\"/>\n");
        } else {
          items.append("        <oval-sc:field name=\"").append(name).append("\" datatype=\"").append(type).append("\">")
              .append(xml(e.getValue())).append("</oval-sc:field>\n");
        }
      }
      items.append("      </win-sc:value>\n    </win-sc:cmdlet_item>\n");
      id++;
    }
    String objects = object(baseId, all) + object(smartHostSetId, smart) + object(dnsSetId, dns);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<oval_system_characteristics xmlns=\"http://oval.mitre.org/XMLSchema/oval-system-characteristics-5\""
        + " xmlns:oval=\"http://oval.mitre.org/XMLSchema/oval-common-5\""
        + " xmlns:oval-sc=\"http://oval.mitre.org/XMLSchema/oval-system-characteristics-5\""
        + " xmlns:win-sc=\"http://oval.mitre.org/XMLSchema/oval-system-characteristics-5#windows\">\n"
        + "  <generator><oval:product_name>hand</oval:product_name><oval:schema_version>5.11.2</oval:schema_version>"
        + "<oval:timestamp>2024-01-24T00:00:00</oval:timestamp></generator>\n"
        + "  <system_info><os_name>Microsoft Windows Server 2016 Datacenter</os_name><os_version>10.0.14393</os_version>"
        + "<architecture>x86_64</architecture><primary_host_name>edge01</primary_host_name><interfaces/></system_info>\n"
        + "  <collected_objects>\n" + objects + "  </collected_objects>\n"
        + (connectors.isEmpty() ? "" : "  <system_data>\n" + items + "  </system_data>\n")
        + "</oval_system_characteristics>\n";
  }

  private static String object(String id, List<Integer> refs) {
    if (refs.isEmpty()) {
      // oscap skips the next object after one with no children: give it a message.
      return "    <object id=\"" + id + "\" version=\"1\" flag=\"does not exist\">"
          + "<message level=\"info\">no matching items</message></object>\n";
    }
    StringBuilder sb = new StringBuilder("    <object id=\"" + id + "\" version=\"1\" flag=\"complete\">");
    for (int r : refs) sb.append("<reference item_ref=\"").append(r).append("\"/>");
    return sb.append("</object>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
