package dev.stigsmith.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.TestResult;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj3.XmlAssert;

class StigManagerXccdfWriterTest {
  static final Map<String, String> NS = Map.of("x", "http://checklists.nist.gov/xccdf/1.2");

  @TempDir Path dir;

  private final TestResult tr = Fixtures.testResult(Fixtures.benchmark(5));

  private String xml() {
    return new String(new StigManagerXccdfWriter().toBytes(tr), StandardCharsets.UTF_8);
  }

  @Test
  void carriesDisaIdsAndWhatStigManagerReads() {
    String xml = xml();
    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Benchmark");
    XmlAssert x = XmlAssert.assertThat(xml).withNamespaceContext(NS);
    x.valueByXPath("/x:Benchmark/@id").isEqualTo("xccdf_mil.disa.stig_benchmark_MS_Exchange_2016_Edge_Transport_Server_STIG");
    x.valueByXPath("count(//x:Rule)").isEqualTo(3);
    x.valueByXPath("//x:TestResult/@test-system").isEqualTo("cpe:/a:dev.stigsmith:stigsmith:0.1.0");
    x.valueByXPath("//x:TestResult/x:target").isEqualTo("EDGE01");
    x.valueByXPath("count(//x:TestResult/x:target-address)").isEqualTo(2);
    x.valueByXPath("//x:fact[@name='tag:stig-manager@users.noreply.github.com,2020:asset:fqdn']").isEqualTo("edge01.example.mil");
    x.valueByXPath("//x:fact[@name='tag:stig-manager@users.noreply.github.com,2020:asset:mac']").isEqualTo("00:15:5D:01:02:03");
    x.valueByXPath("count(//x:rule-result)").isEqualTo(2);
    x.valueByXPath("//x:rule-result[1]/@idref").isEqualTo("xccdf_mil.disa.stig_rule_SV-221218r500_rule");
    x.valueByXPath("//x:rule-result[1]/@time").isEqualTo("2024-03-01T10:00:05Z");
    x.valueByXPath("//x:rule-result[1]/x:result").isEqualTo("fail");
    x.valueByXPath("//x:rule-result[1]/x:message[@severity='info']")
        .isEqualTo("Send connector 'Internet': DomainSecureEnabled is False (expected True)\nSend connector 'Partner': pass");
    x.valueByXPath("//x:rule-result[2]/x:result").isEqualTo("notapplicable");
    x.valueByXPath("count(//x:rule-result[2]/x:message)").as("no evidence, no message").isEqualTo(0);
    x.valueByXPath("//x:rule-result[2]/x:override/x:old-result").isEqualTo("notchecked");
    x.valueByXPath("//x:rule-result[2]/x:override/@authority").isEqualTo("ISSM Jane Doe");
    x.valueByXPath("//x:rule-result[1]/x:ident[@system='http://cyber.mil/cci']").isEqualTo("CCI-001184");
    x.valueByXPath("//x:TestResult/x:profile/@idref").isEqualTo("xccdf_mil.disa.stig_profile_MAC-1_Classified");
    assertThat(xml).doesNotContain("<!--");
  }

  @Test
  void deterministic() {
    assertThat(xml()).isEqualTo(new String(new StigManagerXccdfWriter().toBytes(Fixtures.testResult(Fixtures.benchmark(5))),
        StandardCharsets.UTF_8));
  }

  @Test
  void passesOscapValidation() throws Exception {
    Assumptions.assumeTrue(onPath("oscap"), "oscap not installed");
    Benchmark real = ContentLoader.load(Path.of("content", "exchange-2016-edge"));
    TestResult realTr = new TestResult(real, "MAC-2_Public", Fixtures.target(), Fixtures.START, Fixtures.END,
        "cpe:/a:dev.stigsmith:stigsmith:0.1.0", null,
        List.of(new RuleResult(real.currentRules().get(0), ResultType.PASS, Fixtures.END, List.of("ok"), null, null)), 100, 100);
    Benchmark b = Fixtures.benchmark(5);
    TestResult noOverride = new TestResult(b, null, Fixtures.target(), null, Fixtures.END, null, null,
        List.of(tr.ruleResults().get(0)), 0, 100);
    for (TestResult t : List.of(realTr, noOverride)) {
      assertThat(oscapValidate(t, false)).isEmpty();
    }
  }

  /** Mixed overridden and plain rule-results: XSD-valid; the Schematron's one (mis-scoped) complaint is expected. */
  @Test
  void overridesPassTheXsdAndOnlyTheKnownSchematronFalseAlarm() throws Exception {
    Assumptions.assumeTrue(onPath("oscap"), "oscap not installed");
    assertThat(oscapValidate(tr, true)).isEmpty();
    assertThat(oscapValidate(tr, false)).isNotEmpty().allMatch(line -> line.contains("must match the value of the 'new-result'"));
  }

  /** The Error lines oscap prints, or a failure when it fails without any. */
  private List<String> oscapValidate(TestResult t, boolean skipSchematron) throws Exception {
    Path f = dir.resolve("results.xml");
    new StigManagerXccdfWriter().write(t, f);
    List<String> cmd = skipSchematron ? List.of("oscap", "xccdf", "validate", "--skip-schematron", f.toString())
        : List.of("oscap", "xccdf", "validate", f.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    List<String> errors = out.lines().filter(l -> l.startsWith("Error:")).toList();
    if (rc != 0) assertThat(errors).as(out).isNotEmpty();
    return errors;
  }

  static boolean onPath(String exe) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, exe))) return true;
    }
    return false;
  }
}
