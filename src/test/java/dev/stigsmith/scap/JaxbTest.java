package dev.stigsmith.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stigsmith.scap.bind.arf.AssetReportCollection;
import dev.stigsmith.scap.bind.cpe.dict.ListType;
import dev.stigsmith.scap.bind.cpe.lang.PlatformSpecificationType;
import dev.stigsmith.scap.bind.ocil.OCILType;
import dev.stigsmith.scap.bind.oval.defs.OvalDefinitions;
import dev.stigsmith.scap.bind.oval.defs.windows.CmdletTest;
import dev.stigsmith.scap.bind.oval.results.OvalResults;
import dev.stigsmith.scap.bind.oval.sc.OvalSystemCharacteristics;
import dev.stigsmith.scap.bind.oval.sc.windows.CmdletItem;
import dev.stigsmith.scap.bind.oval.variables.OvalVariables;
import dev.stigsmith.scap.bind.sds.DataStreamCollection;
import dev.stigsmith.scap.bind.xccdf12.Benchmark;
import dev.stigsmith.scap.bind.xccdf12.GroupType;
import dev.stigsmith.scap.bind.xccdf12.RuleType;
import dev.stigsmith.scap.bind.xccdf12.TestResultType;
import dev.stigsmith.xml.DocumentKind;
import dev.stigsmith.xml.Fixtures;
import dev.stigsmith.xml.ScapValidator;
import dev.stigsmith.xml.XmlInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JaxbTest {
  @TempDir Path tmp;

  @Test
  void readsXccdf12() throws Exception {
    Benchmark b = Jaxb.read(Fixtures.path("xml/valid/xccdf12-benchmark.xml"), DocumentKind.XCCDF_12_BENCHMARK, Benchmark.class);
    assertThat(b.getId()).isEqualTo("xccdf_dev.stigsmith_benchmark_test");
    GroupType g = (GroupType) b.getGroupOrRule().get(0);
    RuleType r = (RuleType) g.getGroupOrRule().get(0);
    assertThat(r.getIdent().get(0).getValue()).isEqualTo("CCI-001184");
  }

  @Test
  void readsXccdf11() throws Exception {
    var b = Jaxb.read(Fixtures.path("scap/xccdf11-benchmark.xml"), DocumentKind.XCCDF_11_BENCHMARK,
        dev.stigsmith.scap.bind.xccdf11.Benchmark.class);
    var group = (dev.stigsmith.scap.bind.xccdf11.GroupType) b.getGroupOrRule().get(0);
    assertThat(group.getId()).isEqualTo("V-221218");
    var rule = (dev.stigsmith.scap.bind.xccdf11.RuleType) group.getGroupOrRule().get(0);
    assertThat(rule.getVersion().getValue()).isEqualTo("EX16-ED-000170");
  }

  @Test
  void readsOvalDefinitionsWithPlatformTests() throws Exception {
    OvalDefinitions d = Jaxb.read(Fixtures.path("xml/valid/oval-definitions.xml"), DocumentKind.OVAL_DEFINITIONS, OvalDefinitions.class);
    assertThat(d.getDefinitions().getDefinition()).hasSize(1);
    assertThat(d.getTests().getTest().get(0).getValue()).isInstanceOf(CmdletTest.class);
  }

  @Test
  void readsOvalSystemCharacteristics() throws Exception {
    OvalSystemCharacteristics sc = Jaxb.read(Fixtures.path("xml/valid/oval-system-characteristics.xml"),
        DocumentKind.OVAL_SYSTEM_CHARACTERISTICS, OvalSystemCharacteristics.class);
    assertThat(sc.getSystemData().getItem().get(0).getValue()).isInstanceOf(CmdletItem.class);
  }

  @Test
  void readsEveryOtherKind() throws Exception {
    assertThat(Jaxb.read(Fixtures.path("scap/oval-results.xml"), DocumentKind.OVAL_RESULTS, OvalResults.class)
        .getResults().getSystem()).hasSize(1);
    assertThat(Jaxb.read(Fixtures.path("scap/oval-variables.xml"), DocumentKind.OVAL_VARIABLES, OvalVariables.class)
        .getVariables().getVariable()).hasSize(1);
    assertThat(Jaxb.read(Fixtures.path("scap/cpe-dictionary.xml"), DocumentKind.CPE_DICTIONARY, ListType.class)
        .getCpeItem().get(0).getName()).isEqualTo("cpe:/a:microsoft:exchange_server:2016");
    assertThat(Jaxb.read(Fixtures.path("scap/cpe-language.xml"), DocumentKind.CPE_LANGUAGE, PlatformSpecificationType.class)
        .getPlatform().get(0).getId()).isEqualTo("exchange2016-edge");
    assertThat(Jaxb.read(Fixtures.path("scap/ocil.xml"), DocumentKind.OCIL, OCILType.class)
        .getQuestionnaires().getQuestionnaire()).hasSize(1);
    DataStreamCollection ds = Jaxb.read(Fixtures.path("xml/valid/source-data-stream.xml"),
        DocumentKind.SOURCE_DATA_STREAM, DataStreamCollection.class);
    assertThat(ds.getComponent()).extracting(c -> c.getOvalDefinitions() != null || c.getBenchmark() != null)
        .containsOnly(true);
    AssetReportCollection arf = Jaxb.read(Fixtures.path("scap/arf.xml"), DocumentKind.ARF, AssetReportCollection.class);
    Object content = arf.getReports().getReport().get(0).getContent().getAny();
    assertThat(jakarta.xml.bind.JAXBIntrospector.getValue(content)).isInstanceOf(TestResultType.class);
  }

  @Test
  void writesWithFixedPrefixesAndStableBytes() throws Exception {
    OvalDefinitions d = Jaxb.read(Fixtures.path("xml/valid/oval-definitions.xml"), DocumentKind.OVAL_DEFINITIONS, OvalDefinitions.class);
    Path first = tmp.resolve("a.xml");
    Path second = tmp.resolve("b.xml");
    Jaxb.write(d, DocumentKind.OVAL_DEFINITIONS, first);
    Jaxb.write(d, DocumentKind.OVAL_DEFINITIONS, second);
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    String xml = Files.readString(first);
    assertThat(xml).contains("<oval-def:oval_definitions").contains("<win-def:cmdlet_test").contains("<oval:product_name>");
    assertThat(ScapValidator.validate(first).valid()).isTrue();
    try (var files = Files.list(tmp)) {
      assertThat(files).allMatch(f -> f.getFileName().toString().endsWith(".xml"));
    }
  }

  @Test
  void unmarshallingIsHardened() throws Exception {
    Path file = tmp.resolve("xxe.xml");
    Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        + "<Benchmark xmlns=\"http://checklists.nist.gov/xccdf/1.2\" id=\"xccdf_a_benchmark_b\">&e;</Benchmark>");
    assertThatThrownBy(() -> Jaxb.read(file, DocumentKind.XCCDF_12_BENCHMARK, Benchmark.class))
        .isInstanceOf(XmlInputException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void wrongDocumentTypeIsAClearError() {
    assertThatThrownBy(() -> Jaxb.read(Fixtures.path("xml/valid/oval-definitions.xml"),
            DocumentKind.OVAL_DEFINITIONS, Benchmark.class))
        .isInstanceOf(XmlInputException.class)
        .hasMessageContaining("expected Benchmark");
  }
}
