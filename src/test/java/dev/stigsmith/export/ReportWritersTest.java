package dev.stigsmith.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stigsmith.results.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmlunit.assertj3.XmlAssert;

class ReportWritersTest {
  @TempDir Path dir;

  private final TestResult tr = Fixtures.testResult(Fixtures.benchmark(5));

  @Test
  void htmlIsSelfContainedAndShowsTheFinding() throws Exception {
    String html = new String(new HtmlReportWriter().toBytes(tr), StandardCharsets.UTF_8);
    String preview = System.getProperty("stigsmith.report.preview");
    if (preview != null) Files.writeString(Path.of(preview), html);
    assertThat(html).startsWithIgnoringCase("<!DOCTYPE html>");
    assertThat(html).contains("EDGE01", "edge01.example.mil", "Release: 5 Benchmark Date: 24 Jan 2024",
        "EX16-ED-000170", "EX16-ED-000190", "CAT II (medium)", "DomainSecureEnabled is False",
        "Check text of EX16-ED-000170", "Fix text of EX16-ED-000170", "Score <b>0</b> of 100");
    assertThat(html).contains("1 further rule(s) of the benchmark were not evaluated");
    assertThat(html).doesNotContain("<script", "<link", "src=", "http://checklists");
    assertThat(html).doesNotContain("Fix text of EX16-ED-000180"); // not a finding: not expanded
    assertThat(new HtmlReportWriter().toBytes(Fixtures.testResult(Fixtures.benchmark(5))))
        .isEqualTo(html.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void htmlFromAResultsFile() throws Exception {
    Path xml = dir.resolve("results.xml");
    new StigManagerXccdfWriter().write(tr, xml);
    Path html = dir.resolve("report.html");
    new HtmlReportWriter().write(xml, html);
    assertThat(Files.readAllBytes(html)).isEqualTo(new HtmlReportWriter().toBytes(tr));
  }

  @Test
  void jsonSummary() throws Exception {
    JsonNode j = Json.MAPPER.readTree(new JsonSummaryWriter().toBytes(tr));
    assertThat(j.path("host").asText()).isEqualTo("EDGE01");
    assertThat(j.path("benchmark").asText()).isEqualTo("MS_Exchange_2016_Edge_Transport_Server_STIG");
    assertThat(j.path("release").asInt()).isEqualTo(5);
    assertThat(j.path("counts").path("fail").asInt()).isEqualTo(1);
    assertThat(j.path("counts").path("notapplicable").asInt()).isEqualTo(1);
    assertThat(j.path("counts").path("pass").asInt()).isZero();
    assertThat(j.path("not_evaluated").asInt()).isEqualTo(1);
    JsonNode r0 = j.path("rules").get(0);
    assertThat(r0.path("stig_id").asText()).isEqualTo("EX16-ED-000170");
    assertThat(r0.path("rule_id").asText()).isEqualTo("SV-221218r500_rule");
    assertThat(r0.path("result").asText()).isEqualTo("fail");
    assertThat(r0.path("evidence").size()).isEqualTo(2);
    assertThat(j.path("rules").get(1).path("tool_result").asText()).isEqualTo("notchecked");
    assertThat(new String(new JsonSummaryWriter().toBytes(tr), StandardCharsets.UTF_8)).endsWith("}\n");
  }

  @Test
  void junitHasOneTestcasePerRule() {
    String xml = new String(new JUnitWriter().toBytes(tr), StandardCharsets.UTF_8);
    XmlAssert x = XmlAssert.assertThat(xml);
    x.valueByXPath("count(//testcase)").isEqualTo(3);
    x.valueByXPath("/testsuites/testsuite/@failures").isEqualTo(1);
    x.valueByXPath("/testsuites/testsuite/@skipped").isEqualTo(2);
    x.valueByXPath("//testcase[1]/failure/@message").isEqualTo("CAT II: "
        + "Exchange internal Send connectors must use domain security (mutual authentication Transport Layer Security).");
    x.valueByXPath("//testcase[1]/failure").isEqualTo(tr.ruleResults().get(0).message());
    x.valueByXPath("//testcase[2]/skipped/@message").isEqualTo("notapplicable");
    x.valueByXPath("//testcase[3]/skipped/@message").isEqualTo("not evaluated (manual review)");
  }
}
