package dev.stigsmith.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Rule;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.xml.XmlOutput;
import java.nio.file.Path;

/**
 * STIG Viewer 3.x checklist (.cklb). Only properties DISA's schema defines are written: the schema forbids
 * any other. In particular there is no {@code stigs[].version} — STIG Manager would read the revision from it,
 * but a file STIG Viewer refuses is worse; STIG Manager still gets the release from {@code release_info}.
 * Creation and update times SV3 keeps are left out, so output depends on the inputs only.
 */
public final class CklbWriter {
  public void write(TestResult tr, Path file) {
    write(Checklist.from(tr), file);
  }

  public void write(Checklist c, Path file) {
    XmlOutput.writeAtomically(file, toBytes(c));
  }

  public byte[] toBytes(Checklist c) {
    return Json.toBytes(tree(c));
  }

  ObjectNode tree(Checklist c) {
    Benchmark b = c.benchmark();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("title", c.hostName().isEmpty() ? b.id() + "_" + b.versionRelease()
        : c.hostName() + "_" + b.id() + "_" + b.versionRelease());
    root.put("id", c.checklistUuid().toString());
    root.put("cklb_version", "1.0");
    targetData(root.putObject("target_data"), c);
    ObjectNode stig = root.putArray("stigs").addObject();
    stig.put("stig_name", b.title());
    stig.put("display_name", c.displayName());
    stig.put("stig_id", b.id());
    stig.put("release_info", b.releaseInfo());
    stig.put("uuid", c.stigUuid().toString());
    stig.put("reference_identifier", c.targetKey());
    stig.put("size", b.currentRules().size());
    ArrayNode rules = stig.putArray("rules");
    for (Checklist.Entry e : c.entries()) rule(rules.addObject(), c, e);
    return root;
  }

  private static void targetData(ObjectNode t, Checklist c) {
    t.put("target_type", "Computing");
    t.put("host_name", c.hostName());
    t.put("ip_address", c.hostIp());
    t.put("mac_address", c.hostMac());
    t.put("fqdn", c.hostFqdn());
    t.put("comments", "");
    t.put("role", "Member Server");
    t.put("is_web_database", false);
    t.put("technology_area", "Exchange Server");
    t.put("web_db_site", "");
    t.put("web_db_instance", "");
  }

  private static void rule(ObjectNode o, Checklist c, Checklist.Entry e) {
    Rule r = e.rule();
    Description d = r.description();
    o.put("uuid", c.ruleUuid(r).toString());
    o.put("stig_uuid", c.stigUuid().toString());
    o.put("target_key", c.targetKey());
    o.put("stig_ref", null == c.stigRef() ? "" : c.stigRef());
    o.put("group_id", r.vulnId());
    o.put("group_id_src", r.vulnId());
    o.put("rule_id", r.ruleId().withoutSuffix());
    o.put("rule_id_src", r.ruleId().toString());
    o.put("weight", r.weight() == null ? "10.0" : r.weight());
    o.put("classification", "Unclass");
    o.put("severity", r.severity().xccdf());
    o.put("rule_version", r.stigId());
    o.put("group_title", r.srg());
    o.put("rule_title", r.title());
    o.put("fix_text", r.fix() == null ? "" : r.fix().text());
    o.put("reference_identifier", c.targetKey());
    o.put("false_positives", d.falsePositives());
    o.put("false_negatives", d.falseNegatives());
    o.put("discussion", d.vulnDiscussion());
    o.put("check_content", r.check() == null ? "" : r.check().text());
    o.put("documentable", d.documentable());
    o.put("mitigations", d.mitigations());
    o.put("potential_impacts", d.potentialImpacts());
    o.put("third_party_tools", d.thirdPartyTools());
    o.put("mitigation_control", d.mitigationControl());
    o.put("responsibility", d.responsibility());
    o.put("security_override_guidance", d.severityOverrideGuidance());
    o.put("ia_controls", d.iaControls());
    ObjectNode ref = o.putObject("check_content_ref");
    ref.put("href", c.stigFileName());
    ref.put("name", "M");
    ArrayNode legacy = o.putArray("legacy_ids");
    r.legacyIds().forEach(legacy::add);
    ArrayNode ccis = o.putArray("ccis");
    r.ccis().forEach(ccis::add);
    ObjectNode group = o.putArray("group_tree").addObject();
    group.put("id", r.vulnId());
    group.put("title", r.srg());
    group.put("description", "<GroupDescription></GroupDescription>");
    o.put("status", e.status().cklb());
    ObjectNode overrides = o.putObject("overrides");
    if (e.severityOverride() != null) {
      ObjectNode sev = overrides.putObject("severity");
      sev.put("severity", e.severityOverride().xccdf());
      sev.put("reason", e.severityJustification());
    }
    o.put("comments", e.comments());
    o.put("finding_details", e.findingDetails());
  }
}
