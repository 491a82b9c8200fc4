package dev.stigsmith.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.results.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj3.XmlAssert;

class ChecklistWriterTest {
  @TempDir Path dir;

  private final Benchmark b = Fixtures.benchmark(5);
  private final TestResult tr = Fixtures.testResult(b);

  @Test
  void cklHasEveryCurrentRuleInStigViewerShape() throws Exception {
    Path f = dir.resolve("out.ckl");
    new CklWriter("stigsmith 0.1.0").write(tr, f);
    String xml = Files.readString(f);
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--stigsmith 0.1.0-->\n<CHECKLIST>\n");
    XmlAssert.assertThat(xml).valueByXPath("count(//VULN)").isEqualTo(3);
    XmlAssert.assertThat(xml).valueByXPath("//ASSET/HOST_NAME").isEqualTo("EDGE01");
    XmlAssert.assertThat(xml).valueByXPath("//ASSET/HOST_IP").isEqualTo("192.0.2.10");
    XmlAssert.assertThat(xml).valueByXPath("//ASSET/TARGET_KEY").isEqualTo("4079");
    XmlAssert.assertThat(xml).valueByXPath("//SI_DATA[SID_NAME='releaseinfo']/SID_DATA")
        .isEqualTo("Release: 5 Benchmark Date: 24 Jan 2024");
    XmlAssert.assertThat(xml).doesNotHaveXPath("//ATTRIBUTE_DATA[.='SV-221218r50_rule']");
    XmlAssert.assertThat(xml).valueByXPath("//VULN[STIG_DATA[VULN_ATTRIBUTE='Rule_Ver']/ATTRIBUTE_DATA='EX16-ED-000170']/STATUS")
        .isEqualTo("Open");
    XmlAssert.assertThat(xml).valueByXPath("//VULN[STIG_DATA[VULN_ATTRIBUTE='Rule_Ver']/ATTRIBUTE_DATA='EX16-ED-000180']/STATUS")
        .isEqualTo("Not_Applicable");
    XmlAssert.assertThat(xml).valueByXPath("//VULN[STIG_DATA[VULN_ATTRIBUTE='Rule_Ver']/ATTRIBUTE_DATA='EX16-ED-000190']/STATUS")
        .isEqualTo("Not_Reviewed");
    XmlAssert.assertThat(xml).valueByXPath("//STIG_DATA[VULN_ATTRIBUTE='STIGRef']/ATTRIBUTE_DATA")
        .isEqualTo("Microsoft Exchange 2016 Edge Transport Server Security Technical Implementation Guide :: Version 2, Release: 5 Benchmark Date: 24 Jan 2024");
    XmlAssert.assertThat(xml).valueByXPath("count(//VULN[1]/STIG_DATA[VULN_ATTRIBUTE='LEGACY_ID'])").isEqualTo(2);
    XmlAssert.assertThat(xml).valueByXPath("//VULN[2]/COMMENTS")
        .isEqualTo("Checked with the site admin.\n\nOverride by ISSM Jane Doe (notchecked -> notapplicable): No Edge subscription exists.");
  }

  @Test
  void stigDataAttributesComeInStigViewerOrder() throws Exception {
    String xml = new String(new CklWriter("w").toBytes(Checklist.from(tr)), StandardCharsets.UTF_8);
    var doc = dev.stigsmith.xml.SafeXml.documentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    var names = doc.getElementsByTagName("VULN").item(0).getChildNodes();
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < names.getLength(); i++) {
      if (names.item(i) instanceof org.w3c.dom.Element e) {
        order.append(e.getTagName().equals("STIG_DATA") ? e.getElementsByTagName("VULN_ATTRIBUTE").item(0).getTextContent() : e.getTagName()).append(' ');
      }
    }
    assertThat(order.toString().trim()).isEqualTo(String.join(" ", List.of("Vuln_Num", "Severity", "Group_Title", "Rule_ID",
        "Rule_Ver", "Rule_Title", "Vuln_Discuss", "IA_Controls", "Check_Content", "Fix_Text", "False_Positives",
        "False_Negatives", "Documentable", "Mitigations", "Potential_Impact", "Third_Party_Tools", "Mitigation_Control",
        "Responsibility", "Security_Override_Guidance", "Check_Content_Ref", "Weight", "Class", "STIGRef", "TargetKey",
        "STIG_UUID", "LEGACY_ID", "LEGACY_ID", "CCI_REF", "STATUS", "FINDING_DETAILS", "COMMENTS", "SEVERITY_OVERRIDE",
        "SEVERITY_JUSTIFICATION")));
  }

  @Test
  void outputIsDeterministicAndUuidsStable() {
    Checklist c = Checklist.from(tr);
    assertThat(new CklWriter("w").toBytes(c)).isEqualTo(new CklWriter("w").toBytes(Checklist.from(Fixtures.testResult(b))));
    assertThat(new CklbWriter().toBytes(c)).isEqualTo(new CklbWriter().toBytes(Checklist.from(Fixtures.testResult(b))));
    assertThat(c.stigUuid()).isEqualTo(ExportIds.stig(b, "edge01"));
    assertThat(c.stigUuid()).isNotEqualTo(ExportIds.stig(b, "EDGE02"));
    assertThat(c.stigUuid().version()).isEqualTo(5);
    assertThat(c.ruleUuid(c.entries().get(0).rule())).isNotEqualTo(c.ruleUuid(c.entries().get(1).rule()));
  }

  @Test
  void cklbHasStatusesAndNoVersionProperty() throws Exception {
    var root = Json.MAPPER.readTree(new CklbWriter().toBytes(Checklist.from(tr)));
    assertThat(root.path("target_data").path("host_name").asText()).isEqualTo("EDGE01");
    var rules = root.path("stigs").get(0).path("rules");
    assertThat(rules.size()).isEqualTo(3);
    assertThat(rules.get(0).path("status").asText()).isEqualTo("open");
    assertThat(rules.get(0).path("rule_id").asText()).isEqualTo("SV-221218r500");
    assertThat(rules.get(0).path("rule_id_src").asText()).isEqualTo("SV-221218r500_rule");
    assertThat(rules.get(1).path("status").asText()).isEqualTo("not_applicable");
    assertThat(rules.get(2).path("status").asText()).isEqualTo("not_reviewed");
    assertThat(root.path("stigs").get(0).has("version")).isFalse();
    assertThat(root.path("stigs").get(0).path("size").asInt()).isEqualTo(3);
  }
}
