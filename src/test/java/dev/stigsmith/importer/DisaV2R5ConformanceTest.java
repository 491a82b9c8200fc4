package dev.stigsmith.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.content.ContentWriter;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Rule;
import dev.stigsmith.testing.Fixtures;
import dev.stigsmith.xml.SafeXml;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** DISA's real V2R5 file, read by the importer and, independently, with DOM + XPath. */
@Tag("conformance")
class DisaV2R5ConformanceTest {
  static Document doc;
  static XPath xp;
  static Benchmark imported;
  static DisaBenchmarkImporter.Result result;

  @BeforeAll
  static void read() throws Exception {
    doc = SafeXml.parse(Fixtures.disaV2R5());
    xp = XPathFactory.newInstance().newXPath();
    xp.setNamespaceContext(new NamespaceContext() {
      public String getNamespaceURI(String p) {
        return switch (p) {
          case "x" -> "http://checklists.nist.gov/xccdf/1.1";
          case "dc" -> "http://purl.org/dc/elements/1.1/";
          default -> null;
        };
      }
      public String getPrefix(String u) { return null; }
      public java.util.Iterator<String> getPrefixes(String u) { return null; }
    });
    result = DisaBenchmarkImporter.read(Fixtures.disaV2R5(), ContentLoader.loadCcis(
        Fixtures.copyOneRuleContent(java.nio.file.Files.createTempDirectory("one-rule")).resolve("cci.yaml")));
    imported = result.benchmark();
  }

  static String s(Object ctx, String path) throws Exception {
    return (String) xp.evaluate(path, ctx, XPathConstants.STRING);
  }

  static List<String> all(Object ctx, String path) throws Exception {
    NodeList nl = (NodeList) xp.evaluate(path, ctx, XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) out.add(nl.item(i).getTextContent());
    return out;
  }

  /** The escaped field as a plain substring search, independent of the importer's parser. */
  static String field(String desc, String tag) {
    int a = desc.indexOf("<" + tag + ">");
    if (a < 0) return "";
    int b = desc.indexOf("</" + tag + ">", a);
    return desc.substring(a + tag.length() + 2, b);
  }

  @Test
  void benchmarkMetadata() throws Exception {
    assertThat(imported.id()).isEqualTo(s(doc, "/x:Benchmark/@id")).isEqualTo("MS_Exchange_2016_Edge_Transport_Server_STIG");
    assertThat(imported.title()).isEqualTo(s(doc, "/x:Benchmark/x:title"));
    assertThat(imported.description()).isEqualTo(s(doc, "/x:Benchmark/x:description"));
    assertThat(imported.version()).isEqualTo(s(doc, "/x:Benchmark/x:version")).isEqualTo("2");
    assertThat(imported.releaseInfo()).isEqualTo(s(doc, "/x:Benchmark/x:plain-text[@id='release-info']"));
    assertThat(imported.benchmarkDate()).isEqualTo(LocalDate.of(2024, 1, 24));
    assertThat(imported.status().xccdf()).isEqualTo(s(doc, "/x:Benchmark/x:status"));
    assertThat(imported.statusDate().toString()).isEqualTo(s(doc, "/x:Benchmark/x:status/@date"));
    assertThat(imported.notice()).isEqualTo(s(doc, "/x:Benchmark/x:notice/@id"));
    assertThat(imported.source()).isEqualTo(s(doc, "/x:Benchmark/x:reference/dc:source"));
    assertThat(imported.reference().identifier()).isEqualTo("4079");
    assertThat(imported.profiles()).hasSize(9);
    for (int i = 0; i < 9; i++) {
      Element p = (Element) ((NodeList) xp.evaluate("/x:Benchmark/x:Profile", doc, XPathConstants.NODESET)).item(i);
      assertThat(imported.profiles().get(i).id()).isEqualTo(p.getAttribute("id"));
      assertThat(imported.profiles().get(i).title()).isEqualTo(s(p, "x:title"));
      assertThat(imported.profiles().get(i).selectedVulnIds()).isEqualTo(all(p, "x:select[@selected='true']/@idref"));
    }
  }

  @Test
  void everyRuleFieldEqualsTheSource() throws Exception {
    NodeList groups = (NodeList) xp.evaluate("/x:Benchmark/x:Group", doc, XPathConstants.NODESET);
    assertThat(groups.getLength()).isEqualTo(68);
    assertThat(imported.rules()).hasSize(68);
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      Rule r = imported.currentRuleForVulnId(g.getAttribute("id")).orElseThrow();
      String at = r.vulnId();
      assertThat(r.srg()).as(at).isEqualTo(s(g, "x:title"));
      assertThat(r.ruleId().toString()).as(at).isEqualTo(s(g, "x:Rule/@id"));
      assertThat(r.severity().xccdf()).as(at).isEqualTo(s(g, "x:Rule/@severity"));
      assertThat(r.weight()).as(at).isEqualTo(s(g, "x:Rule/@weight"));
      assertThat(r.stigId()).as(at).isEqualTo(s(g, "x:Rule/x:version"));
      assertThat(r.title()).as(at).isEqualTo(s(g, "x:Rule/x:title"));
      String desc = s(g, "x:Rule/x:description");
      Description d = r.description();
      assertThat(d.vulnDiscussion()).as(at).isEqualTo(field(desc, "VulnDiscussion"));
      assertThat(d.falsePositives()).as(at).isEqualTo(field(desc, "FalsePositives"));
      assertThat(d.falseNegatives()).as(at).isEqualTo(field(desc, "FalseNegatives"));
      assertThat(d.documentable()).as(at).isEqualTo(field(desc, "Documentable"));
      assertThat(d.mitigations()).as(at).isEqualTo(field(desc, "Mitigations"));
      assertThat(d.severityOverrideGuidance()).as(at).isEqualTo(field(desc, "SeverityOverrideGuidance"));
      assertThat(d.potentialImpacts()).as(at).isEqualTo(field(desc, "PotentialImpacts"));
      assertThat(d.thirdPartyTools()).as(at).isEqualTo(field(desc, "ThirdPartyTools"));
      assertThat(d.mitigationControl()).as(at).isEqualTo(field(desc, "MitigationControl"));
      assertThat(d.responsibility()).as(at).isEqualTo(field(desc, "Responsibility"));
      assertThat(d.iaControls()).as(at).isEqualTo(field(desc, "IAControls"));
      assertThat(r.legacyIds()).as(at).isEqualTo(all(g, "x:Rule/x:ident[@system='http://cyber.mil/legacy']"));
      assertThat(r.ccis()).as(at).isEqualTo(all(g, "x:Rule/x:ident[@system='http://cyber.mil/cci']"));
      assertThat(r.check().id()).as(at).isEqualTo(s(g, "x:Rule/x:check/@system"));
      assertThat(r.check().text()).as(at).isEqualTo(s(g, "x:Rule/x:check/x:check-content"));
      assertThat(r.fix().id()).as(at).isEqualTo(s(g, "x:Rule/x:fix/@id")).isEqualTo(s(g, "x:Rule/x:fixtext/@fixref"));
      assertThat(r.fix().text()).as(at).isEqualTo(s(g, "x:Rule/x:fixtext"));
      assertThat(r.release()).isEqualTo("V2R5");
      assertThat(imported.reference().identifier()).isEqualTo(s(g, "x:Rule/x:reference/dc:identifier"));
    }
    Rule r170 = imported.currentRuleForStigId("EX16-ED-000170").orElseThrow();
    assertThat(r170.ruleId().toString()).isEqualTo("SV-221218r879636_rule");
    assertThat(r170.check().id()).isEqualTo("C-22933r811172_chk");
    assertThat(r170.fix().id()).isEqualTo("F-22922r811173_fix");
    assertThat(r170.legacyIds()).containsExactly("SV-95227", "V-80517");
  }

  @Test
  void cciTableGrowsByWhatIsUnknown() {
    assertThat(result.unknownCcis()).doesNotContain("CCI-001184").isNotEmpty();
    assertThat(imported.ccis().keySet()).containsAll(result.unknownCcis()).contains("CCI-001184");
  }

  @Test
  void writesContentThatLoadsBackEqual(@TempDir Path tmp) throws Exception {
    ContentWriter.write(imported, tmp, "edge", Map.of());
    assertThat(ContentLoader.load(tmp.resolve("edge"))).isEqualTo(imported);
  }

  @Test
  void reimportIntoOurContentKeepsTheRuleAndAddsTheRest(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyOneRuleContent(tmp.resolve("content"));
    Benchmark before = ContentLoader.load(content.resolve("exchange-2016-edge"));
    ContentImport.Report report = ContentImport.importDisa(Fixtures.disaV2R5(), content, null);
    assertThat(report.changes()).hasSize(67).allMatch(c -> c.kind() == ContentImport.Kind.ADDED);
    assertThat(report.unchanged()).isEqualTo(1);
    Benchmark after = ContentLoader.load(content.resolve("exchange-2016-edge"));
    assertThat(after.currentRules()).hasSize(68);
    assertThat(after.rules().stream().filter(r -> r.vulnId().equals("V-221218")).toList())
        .isEqualTo(before.rules().stream().filter(r -> r.vulnId().equals("V-221218")).toList());
  }
}
