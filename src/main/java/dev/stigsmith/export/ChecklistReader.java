package dev.stigsmith.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stigsmith.model.Severity;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads STIG Viewer checklists, CKL (2.x, XML) or CKLB (3.x, JSON), telling them apart by content. Lenient
 * about what it does not need (extra fields, missing rule text), strict about what it does: ids and status.
 */
public final class ChecklistReader {
  private ChecklistReader() {}

  public static ChecklistData read(Path file) throws ChecklistInputException {
    String text;
    try {
      text = new String(dev.stigsmith.io.InputFiles.read(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ChecklistInputException(file, null, dev.stigsmith.io.InputFiles.problem(e));
    }
    String start = text.stripLeading().replace("\uFEFF", "");
    if (start.startsWith("{")) return readCklb(file, text);
    if (start.startsWith("<")) return readCkl(file);
    throw new ChecklistInputException(file, "1", "neither a CKL (XML) nor a CKLB (JSON) checklist");
  }

  // ---- CKL ----

  static ChecklistData readCkl(Path file) throws ChecklistInputException {
    Document doc;
    try {
      doc = SafeXml.parse(file);
    } catch (XmlInputException e) {
      throw new ChecklistInputException(file, e.line() > 0 ? String.valueOf(e.line()) : null,
          e.getMessage() == null ? "invalid XML" : e.getMessage());
    }
    Element root = doc.getDocumentElement();
    if (!"CHECKLIST".equals(root.getLocalName())) {
      throw new ChecklistInputException(file, null, "root element is <" + root.getLocalName() + ">, not a CKL <CHECKLIST>");
    }
    Element asset = child(root, "ASSET");
    String host = asset == null ? "" : text(child(asset, "HOST_NAME"));
    Element stigsEl = child(root, "STIGS");
    if (stigsEl == null) throw new ChecklistInputException(file, null, "CHECKLIST has no STIGS");
    List<ChecklistData.Stig> stigs = new ArrayList<>();
    for (Element istig : children(stigsEl, "iSTIG")) {
      Map<String, String> info = new LinkedHashMap<>();
      Element si = child(istig, "STIG_INFO");
      if (si != null) {
        for (Element d : children(si, "SI_DATA")) info.putIfAbsent(text(child(d, "SID_NAME")), text(child(d, "SID_DATA")));
      }
      String stigId = info.getOrDefault("stigid", "");
      List<ChecklistData.RuleEntry> rules = new ArrayList<>();
      int n = 0;
      for (Element vuln : children(istig, "VULN")) {
        n++;
        Map<String, String> attrs = new LinkedHashMap<>();
        for (Element sd : children(vuln, "STIG_DATA")) {
          attrs.putIfAbsent(text(child(sd, "VULN_ATTRIBUTE")), text(child(sd, "ATTRIBUTE_DATA")));
        }
        String where = "STIG " + stigId + " VULN #" + n + (attrs.containsKey("Vuln_Num") ? " (" + attrs.get("Vuln_Num") + ")" : "");
        String ruleId = attrs.getOrDefault("Rule_ID", "");
        if (ruleId.isEmpty()) throw new ChecklistInputException(file, where, "no Rule_ID");
        rules.add(new ChecklistData.RuleEntry(ruleId, attrs.getOrDefault("Vuln_Num", ""), attrs.getOrDefault("Rule_Ver", ""),
            status(file, where, text(child(vuln, "STATUS"))), text(child(vuln, "FINDING_DETAILS")),
            text(child(vuln, "COMMENTS")), severity(file, where, text(child(vuln, "SEVERITY_OVERRIDE"))),
            text(child(vuln, "SEVERITY_JUSTIFICATION"))));
      }
      stigs.add(new ChecklistData.Stig(stigId, info.getOrDefault("version", ""), info.getOrDefault("releaseinfo", ""), rules));
    }
    return new ChecklistData(file, ChecklistData.Format.CKL, host, stigs);
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) return e;
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) out.add(e);
    }
    return out;
  }

  private static String text(Element e) {
    return e == null ? "" : e.getTextContent();
  }

  // ---- CKLB ----

  static ChecklistData readCklb(Path file, String text) throws ChecklistInputException {
    JsonNode root;
    try {
      root = dev.stigsmith.io.SafeJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? null : String.valueOf(e.getLocation().getLineNr());
      throw new ChecklistInputException(file, line, "not valid JSON: " + dev.stigsmith.io.SafeJson.plainMessage(e));
    }
    if (root == null || !root.isObject()) throw new ChecklistInputException(file, "$", "a CKLB is a JSON object");
    String host = root.path("target_data").path("host_name").asText("");
    JsonNode stigsNode = root.path("stigs");
    if (!stigsNode.isArray()) throw new ChecklistInputException(file, "$.stigs", "missing or not an array");
    List<ChecklistData.Stig> stigs = new ArrayList<>();
    for (int i = 0; i < stigsNode.size(); i++) {
      JsonNode s = stigsNode.get(i);
      String sp = "$.stigs[" + i + "]";
      String stigId = required(file, s, "stig_id", sp);
      JsonNode rulesNode = s.path("rules");
      List<ChecklistData.RuleEntry> rules = new ArrayList<>();
      for (int j = 0; j < rulesNode.size(); j++) {
        JsonNode r = rulesNode.get(j);
        String rp = sp + ".rules[" + j + "]";
        JsonNode sev = r.path("overrides").path("severity");
        rules.add(new ChecklistData.RuleEntry(required(file, r, "rule_id_src", rp), r.path("group_id").asText(""),
            r.path("rule_version").asText(""), status(file, rp + ".status", r.path("status").asText("not_reviewed")),
            r.path("finding_details").asText(""), r.path("comments").asText(""),
            severity(file, rp + ".overrides.severity", sev.path("severity").asText("")), sev.path("reason").asText("")));
      }
      stigs.add(new ChecklistData.Stig(stigId, s.path("version").asText(""), s.path("release_info").asText(""), rules));
    }
    return new ChecklistData(file, ChecklistData.Format.CKLB, host, stigs);
  }

  private static String required(Path file, JsonNode o, String field, String path) throws ChecklistInputException {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ChecklistInputException(file, path + "." + field, "missing or empty");
    }
    return v.asText();
  }

  // ---- shared ----

  private static ChecklistStatus status(Path file, String where, String text) throws ChecklistInputException {
    if (text.isBlank()) return ChecklistStatus.NOT_REVIEWED;
    try {
      return ChecklistStatus.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ChecklistInputException(file, where, e.getMessage());
    }
  }

  private static Severity severity(Path file, String where, String text) throws ChecklistInputException {
    if (text.isBlank()) return null;
    try {
      return Severity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ChecklistInputException(file, where, "SEVERITY_OVERRIDE: " + e.getMessage());
    }
  }
}
