package dev.stigsmith.scap.ocil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.generate.Generator;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.scap.xccdf.XccdfBenchmarkReader;
import dev.stigsmith.scap.xccdf.XccdfRenderer;
import dev.stigsmith.testing.Content;
import dev.stigsmith.testing.Fixtures;
import dev.stigsmith.testing.Oscap;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.DocumentKind;
import dev.stigsmith.xml.Problem;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.ScapSchemas;
import dev.stigsmith.xml.ScapValidator;
import dev.stigsmith.xml.ValidationReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xmlunit.assertj3.XmlAssert;

/** Manual rules as OCIL 2.0 questionnaires: the document, its XCCDF checks, the data stream, evaluation. */
class OcilContentTest {
  static final Path OCIL_XSD = Path.of("/usr/share/openscap/schemas/ocil/2.0/ocil-2.0.xsd");
  static final Instant TIME = Instant.parse("2024-02-01T00:00:00Z");
  static final String ID = "MS_Exchange_2016_Edge_Transport_Server_STIG";
  static final Map<String, String> NS = Map.of("o", "http://scap.nist.gov/schema/ocil/2.0",
      "x", "http://checklists.nist.gov/xccdf/1.2", "ds", "http://scap.nist.gov/schema/scap/source/1.2",
      "cat", "urn:oasis:names:tc:entity:xmlns:xml:catalog");

  @TempDir static Path out;
  static Benchmark benchmark;
  static Generator.Output output;
  static Path dir;
  static Rule manual;
  static Rule automated;

  @BeforeAll
  static void generate() throws Exception {
    benchmark = ContentLoader.load(Content.edge());
    output = Generator.render(benchmark, new GeneratorInfo("stigsmith", "0.1.0", TIME));
    Generator.write(List.of(output), out);
    dir = out.resolve(ID);
    manual = benchmark.currentRules().stream().filter(r -> !r.isAutomated()).findFirst().orElseThrow();
    automated = benchmark.currentRuleForStigId("EX16-ED-000170").orElseThrow();
  }

  private static String file(String name) {
    return new String(output.files().get(name), StandardCharsets.UTF_8);
  }

  private static String ocil() {
    return file(Generator.ocilFile(benchmark));
  }

  @Test
  void oneQuestionnairePerCurrentManualRule() {
    long manualRules = benchmark.currentRules().stream().filter(r -> !r.isAutomated()).count();
    // Fewer as rules get automated; some (documents, interviews) stay manual for good.
    assertThat(manualRules).isPositive();
    XmlAssert x = XmlAssert.assertThat(ocil()).withNamespaceContext(NS);
    x.valueByXPath("count(/o:ocil/o:questionnaires/o:questionnaire)").isEqualTo(String.valueOf(manualRules));
    x.valueByXPath("count(/o:ocil/o:test_actions/o:boolean_question_test_action)").isEqualTo(String.valueOf(manualRules));
    x.valueByXPath("count(/o:ocil/o:questions/o:boolean_question)").isEqualTo(String.valueOf(manualRules));
    x.valueByXPath("count(//o:questionnaire[@id='" + Ids.ocilQuestionnaire(automated) + "'])").isEqualTo(0);
    x.valueByXPath("/o:ocil/o:generator/o:timestamp").isEqualTo("2024-02-01T00:00:00Z");
    x.valueByXPath("/o:ocil/o:generator/o:schema_version").isEqualTo("2.0");
  }

  @Test
  void questionIsTheCheckTextAndYesPasses() {
    String q = Ids.ocilQuestionnaire(manual);
    String a = Ids.ocilTestAction(manual);
    String question = Ids.ocilQuestion(manual);
    assertThat(q).isEqualTo("ocil:dev.stigsmith.stig:questionnaire:" + manual.vulnNumber());
    assertThat(a).isEqualTo("ocil:dev.stigsmith.stig:testaction:" + manual.vulnNumber());
    assertThat(question).isEqualTo("ocil:dev.stigsmith.stig:question:" + manual.vulnNumber());
    XmlAssert x = XmlAssert.assertThat(ocil()).withNamespaceContext(NS);
    x.valueByXPath("//o:questionnaire[@id='" + q + "']/o:actions/o:test_action_ref").isEqualTo(a);
    x.valueByXPath("//o:questionnaire[@id='" + q + "']/o:title").startsWith(manual.stigId() + ": ");
    String action = "//o:boolean_question_test_action[@id='" + a + "']";
    x.valueByXPath(action + "/@question_ref").isEqualTo(question);
    x.valueByXPath(action + "/o:when_true/o:result").isEqualTo("PASS");
    x.valueByXPath(action + "/o:when_false/o:result").isEqualTo("FAIL");
    x.valueByXPath("//o:boolean_question[@id='" + question + "']/@model").isEqualTo("MODEL_YES_NO");
    x.valueByXPath("//o:boolean_question[@id='" + question + "']/o:question_text").isEqualTo(manual.check().text());
  }

  @Test
  void ocilIsValidAgainstTheOfficialSchema() throws Exception {
    assumeTrue(Files.isRegularFile(OCIL_XSD), "OCIL schema not installed");
    byte[] ocil = output.files().get(Generator.ocilFile(benchmark));
    assertThat(schemaErrors(ocil)).isEmpty();
    // The validation has teeth: an id outside OCIL's pattern is refused.
    byte[] broken = new String(ocil, StandardCharsets.UTF_8)
        .replaceFirst(":questionnaire:" + manual.vulnNumber() + "\"", ":questionnaire:0\"").getBytes(StandardCharsets.UTF_8);
    assertThat(schemaErrors(broken)).isNotEmpty();
    // stigsmith validate agrees (bundled schemas through the catalog).
    ValidationReport report = ScapValidator.validate(dir.resolve(Generator.ocilFile(benchmark)));
    assertThat(report.problems()).isEmpty();
  }

  /** XSD problems, from the official schema as the build bundles it from OpenSCAP's tree. */
  private static List<String> schemaErrors(byte[] xml) throws Exception {
    Validator v = ScapSchemas.schema(DocumentKind.OCIL).newValidator();
    v.setResourceResolver(ScapSchemas.resolver());
    List<String> errors = new ArrayList<>();
    v.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override public void error(org.xml.sax.SAXParseException e) { errors.add(e.getLineNumber() + ": " + e.getMessage()); }
      @Override public void warning(org.xml.sax.SAXParseException e) { errors.add(e.getLineNumber() + ": " + e.getMessage()); }
    });
    v.validate(new SAXSource(SafeXml.saxParserFactory().newSAXParser().getXMLReader(),
        new InputSource(new ByteArrayInputStream(xml))));
    return errors;
  }

  @Test
  void manualRuleIsCheckedByOcilAndKeepsDisasCheckAsMetadata() {
    XmlAssert x = XmlAssert.assertThat(file(Generator.xccdfFile(benchmark)))
        .withNamespaceContext(Map.of("x", "http://checklists.nist.gov/xccdf/1.2", "s", XccdfRenderer.STIG_METADATA));
    String rule = "//x:Rule[@id='" + Ids.rule(manual) + "']";
    x.valueByXPath("count(" + rule + "/x:check)").isEqualTo(1);
    x.valueByXPath(rule + "/x:check[1]/@system").isEqualTo(XccdfRenderer.OCIL_SYSTEM);
    x.valueByXPath(rule + "/x:check[1]/x:check-content-ref/@href").isEqualTo(ID + "-ocil.xml");
    x.valueByXPath(rule + "/x:check[1]/x:check-content-ref/@name").isEqualTo(Ids.ocilQuestionnaire(manual));
    x.valueByXPath(rule + "/x:metadata/s:check-content/@check-id").isEqualTo(manual.check().id());
    x.valueByXPath(rule + "/x:metadata/s:check-content").isEqualTo(manual.check().text());
    String auto = "//x:Rule[@id='" + Ids.rule(automated) + "']";
    x.valueByXPath("count(" + auto + "/x:check)").isEqualTo(1);
    x.valueByXPath(auto + "/x:check[1]/@system").isEqualTo(XccdfRenderer.OVAL_SYSTEM);
    x.valueByXPath(auto + "/x:metadata/s:check-content/@check-id").isEqualTo(automated.check().id());
    x.valueByXPath("count(//x:Rule[x:status='deprecated'])").as("SCAP 1.3 allows no deprecated rules").isEqualTo(0);
  }

  @Test
  void readerTellsOvalOcilAndDisasChecksApart() throws Exception {
    Document doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(output.files().get(Generator.xccdfFile(benchmark))));
    XccdfBenchmarkReader.Loaded loaded = XccdfBenchmarkReader.read(doc.getDocumentElement());
    assertThat(loaded.ovalChecks().get(automated.ruleId()).definitionId()).isEqualTo(Ids.ovalDefinition(automated));
    assertThat(loaded.ocilChecks()).doesNotContainKey(automated.ruleId());
    assertThat(loaded.ocilChecks().get(manual.ruleId()))
        .isEqualTo(new XccdfBenchmarkReader.OcilRef(ID + "-ocil.xml", Ids.ocilQuestionnaire(manual)));
    assertThat(loaded.ovalChecks()).doesNotContainKey(manual.ruleId());
    Rule read = loaded.benchmark().rule(manual.ruleId()).orElseThrow();
    assertThat(read.check().id()).isEqualTo(manual.check().id()).matches("C-\\d+r\\d+_chk");
    assertThat(read.check().text()).isEqualTo(manual.check().text());
    assertThat(loaded.benchmark().rule(automated.ruleId()).orElseThrow().check().id()).isEqualTo(automated.check().id());
  }

  @Test
  void aReleaseNumberNoIntHoldsReadsAsNoReleaseInfo() throws Exception {
    String xccdf = new String(output.files().get(Generator.xccdfFile(benchmark)), java.nio.charset.StandardCharsets.UTF_8);
    String huge = xccdf.replaceFirst("Release: \\d+ ", "Release: 99999999999 ");
    assertThat(huge).isNotEqualTo(xccdf);
    Document doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(XccdfBenchmarkReader.read(doc.getDocumentElement()).benchmark().release()).isZero();
  }

  @Test
  void dataStreamCarriesTheOcilComponentMappedByTheChecklistCatalog() {
    XmlAssert x = XmlAssert.assertThat(file(Generator.dataStreamFile(benchmark))).withNamespaceContext(NS);
    String ocilName = ID + "-ocil.xml";
    x.valueByXPath("//ds:checklists/ds:component-ref/cat:catalog/cat:uri[@name='" + ocilName + "']/@uri")
        .isEqualTo("#" + Ids.componentRef(ocilName));
    x.valueByXPath("count(//ds:checks/ds:component-ref[@id='" + Ids.componentRef(ocilName) + "'])").isEqualTo(1);
    x.valueByXPath("count(//ds:component[@id='" + Ids.component(ocilName) + "']/o:ocil)").isEqualTo(1);
  }

  @Test
  void dataStreamSdsValidatesWithOcilInIt() {
    Oscap.assumeAvailable();
    Oscap.Run r = Oscap.run(dir, "ds", "sds-validate", ID + "-ds.xml");
    assertThat(r.exitCode()).as(r.output()).isZero();
    Oscap.Run x = Oscap.run(dir, "xccdf", "validate", ID + "-xccdf.xml");
    assertThat(x.exitCode()).as(x.output()).isZero();
  }

  /**
   * The SCAP 1.3 Schematron wants every Rule check to be OVAL or OCIL with a check-content-ref and no
   * inline check-content, and no deprecated rules: DISA's manual check (kept for people and checklist
   * exports) and superseded revisions break those rules, as before OCIL. The OCIL checks add no problem.
   */
  @Test
  void theDataStreamPassesScap13SchematronWithoutErrors() throws Exception {
    ValidationReport report = ScapValidator.validate(dir.resolve(ID + "-ds.xml"));
    assertThat(report.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).map(Problem::oneLine))
        .isEmpty();
    assertThat(report.valid()).isTrue();
  }

  /**
   * oscap has no OCIL engine: on this (Linux) machine the Windows platform check makes every rule
   * notapplicable; without the platform, it skips the OCIL and DISA checks of manual rules
   * ("No candidate or applicable check found") and leaves them notchecked. Either way, no crash.
   */
  @Test
  void oscapEvaluatesTheDataStreamWithoutCrashing() throws Exception {
    Oscap.assumeAvailable();
    Oscap.Run r = Oscap.run(dir, "xccdf", "eval", "--profile", "xccdf_dev.stigsmith_profile_MAC-1_Classified",
        "--results", "oscap-results.xml", ID + "-ds.xml");
    // 0 nothing failed, 2 some rule failed; anything else (1 error, 139 a segfault) is a crash.
    assertThat(r.exitCode()).as(r.output()).isIn(0, 2);

    Path work = Files.createDirectories(out.resolve("no-platform"));
    Files.writeString(work.resolve("ds.xml"),
        file(Generator.dataStreamFile(benchmark)).replaceFirst("\\s*<xccdf:platform idref=\"[^\"]*\"/>", ""));
    Oscap.Run any = Oscap.run(work, "xccdf", "eval", "--profile", "xccdf_dev.stigsmith_profile_MAC-1_Classified",
        "--results", "results.xml", "ds.xml");
    assertThat(any.exitCode()).as(any.output()).isIn(0, 2);
    String results = Files.readString(work.resolve("results.xml"));
    int at = results.indexOf("<rule-result idref=\"" + Ids.rule(manual) + "\"");
    assertThat(at).as("rule-result of " + manual.stigId()).isNotNegative();
    assertThat(results.substring(at, results.indexOf("</rule-result>", at))).contains("<result>notchecked</result>");
  }

  @Test
  void evaluationLeavesManualRulesNotcheckedForAnAssessor() throws Exception {
    Document doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(output.files().get(Generator.dataStreamFile(benchmark))));
    ScapSource source = ScapSource.of(Path.of(Generator.dataStreamFile(benchmark)), doc);
    Evaluator.Evaluation ev = Evaluator.evaluate(source,
        HostDataReader.read(Content.root().resolve("samples/edge-compliant.json")),
        new Evaluator.Request(null, null, TIME, "cpe:/a:stigsmith:stigsmith:test", null));
    RuleResult rr = ev.testResult().ruleResults().stream().filter(x -> x.rule().ruleId().equals(manual.ruleId()))
        .findFirst().orElseThrow();
    assertThat(rr.result()).isEqualTo(ResultType.NOTCHECKED);
    assertThat(rr.evidence()).containsExactly(
        "Manual check (OCIL questionnaire " + Ids.ocilQuestionnaire(manual) + "): an assessor answers it");
    RuleResult auto = ev.testResult().ruleResults().stream().filter(x -> x.rule().ruleId().equals(automated.ruleId()))
        .findFirst().orElseThrow();
    assertThat(auto.result()).isEqualTo(ResultType.PASS);
  }

  @Test
  void sameInputsGiveByteIdenticalFiles() {
    Generator.Output again = Generator.render(benchmark, new GeneratorInfo("stigsmith", "0.1.0", TIME));
    assertThat(again.files().keySet()).containsExactlyElementsOf(output.files().keySet());
    again.files().forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(output.files().get(name)));
  }

  @Test
  void contentWithoutManualRulesHasNoOcil(@TempDir Path tmp) throws Exception {
    Path content = Fixtures.copyOneRuleContent(tmp.resolve("content"));
    Generator.Output one = Generator.render(content, "0.1.0", TIME).get(0);
    assertThat(OcilRenderer.hasQuestionnaires(one.benchmark())).isFalse();
    assertThat(one.files()).doesNotContainKey(Generator.ocilFile(one.benchmark()));
    assertThat(new String(one.files().get(Generator.dataStreamFile(one.benchmark())), StandardCharsets.UTF_8))
        .doesNotContain(XccdfRenderer.OCIL_SYSTEM).doesNotContain("-ocil.xml");
  }
}
