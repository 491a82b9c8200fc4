package dev.stigsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import dev.stigsmith.testing.Oscap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  static final String TIME = "2024-02-01T00:00:00Z";
  @TempDir Path tmp;

  private Cli.Result evaluate(String sample, String... extra) {
    String[] base = {"evaluate", "--content", Content.edge().toString(), "--host-data",
        Content.root().resolve("samples").resolve(sample).toString(), "--out", tmp.resolve("out").toString(),
        "--timestamp", TIME};
    String[] all = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    return Cli.run(all);
  }

  @Test
  void compliantEdgeServerPassesWithExitZero() {
    Cli.Result r = evaluate("edge-compliant.json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("fail").contains("score 100.0/100");
    Path dir = tmp.resolve("out/EDGE01");
    for (String f : new String[] {"xccdf-results.xml", "xccdf-testresult.xml", "oval-results.xml", "arf.xml",
        "xccdf-stig-manager.xml", "EDGE01.ckl", "EDGE01.cklb", "report.html", "summary.json", "junit.xml"}) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
  }

  @Test
  void findingsExitTwoAndSayWhichConnectorAndWhy() {
    Cli.Result r = evaluate("edge-noncompliant.json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).contains("FAIL").contains("EX16-ED-000170").contains("CAT II")
        .contains("Send connector \"To Partner Relay\" (SmartHostsString=relay.partner.example.org): RequireTLS=False (expected True)")
        .contains("TlsAuthLevel=(not set) (expected DomainValidation)");
  }

  @Test
  void singleMessagePerRuleResultCarriesTheEvidence() throws Exception {
    evaluate("edge-noncompliant.json");
    String xml = Files.readString(tmp.resolve("out/EDGE02/xccdf-testresult.xml"));
    int start = xml.indexOf("<xccdf:rule-result idref=\"xccdf_dev.stigsmith_rule_SV-221218r879636_rule\"");
    String ruleResult = xml.substring(start, xml.indexOf("</xccdf:rule-result>", start));
    assertThat(ruleResult).containsOnlyOnce("<xccdf:message severity=\"info\">").contains("RequireTLS=False");
    assertThat(xml)
        .contains("test-system=\"cpe:/a:stigsmith:stigsmith:")
        .contains("<xccdf:target>EDGE02</xccdf:target>")
        .contains("idref=\"xccdf_dev.stigsmith_rule_SV-221218r879636_rule\"");
  }

  @Test
  void mailboxServerIsNotApplicable() {
    Cli.Result r = evaluate("mailbox-server.json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("notapplicable 68").doesNotContain("pass ").doesNotContain("fail");
  }

  @Test
  void sameInputsAndTimestampGiveIdenticalFiles() throws Exception {
    evaluate("edge-noncompliant.json");
    Path first = tmp.resolve("first");
    Files.move(tmp.resolve("out"), first);
    evaluate("edge-noncompliant.json");
    try (Stream<Path> files = Files.list(first.resolve("EDGE02"))) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(tmp.resolve("out/EDGE02").resolve(f.getFileName())))
            .as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void evaluatesTheGeneratedDataStreamFile() {
    Path gen = tmp.resolve("gen");
    assertThat(Cli.run("generate", "--content", Content.root().toString(), "--out", gen.toString()).exitCode()).isZero();
    Path ds = gen.resolve("MS_Exchange_2016_Edge_Transport_Server_STIG/MS_Exchange_2016_Edge_Transport_Server_STIG-ds.xml");
    Cli.Result r = Cli.run("evaluate", "--content", ds.toString(), "--host-data",
        Content.root().resolve("samples/edge-compliant.json").toString(), "--out", tmp.resolve("out").toString(),
        "--format", "xccdf", "--profile", "MAC-2_Sensitive");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("(profile MAC-2_Sensitive)");
    assertThat(tmp.resolve("out/EDGE01/xccdf-results.xml")).isRegularFile();
    assertThat(tmp.resolve("out/EDGE01/EDGE01.ckl")).doesNotExist();
  }

  @Test
  void badHostDataIsOneLineExitOneNothingWritten() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, Files.readString(Content.root().resolve("samples/edge-compliant.json"))
        .replaceFirst("\"RequireTLS\": (true|false)", "\"RequireTLS\": \"maybe\""));
    Cli.Result r = Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data", bad.toString(),
        "--out", tmp.resolve("out").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).doesNotContain("\n").contains("bad.json:").contains("RequireTLS").contains("maybe");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void truncatedClixmlIsAnError() throws Exception {
    Path bad = tmp.resolve("Get-SendConnector.clixml");
    Files.writeString(bad, "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><Obj RefId=\"0\">");
    Cli.Result r = Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data", bad.toString(),
        "--out", tmp.resolve("out").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Get-SendConnector.clixml").doesNotContain("Exception");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void dataStreamWithoutTheReferencedOvalIsAnError() throws Exception {
    Path gen = tmp.resolve("gen");
    Cli.run("generate", "--content", Content.root().toString(), "--out", gen.toString());
    Path ds = gen.resolve("MS_Exchange_2016_Edge_Transport_Server_STIG/MS_Exchange_2016_Edge_Transport_Server_STIG-ds.xml");
    Files.writeString(ds, Files.readString(ds).replace("<cat:uri name=\"MS_Exchange_2016_Edge_Transport_Server_STIG-oval.xml\"",
        "<cat:uri name=\"elsewhere.xml\""));
    Cli.Result r = Cli.run("evaluate", "--content", ds.toString(), "--host-data",
        Content.root().resolve("samples/edge-compliant.json").toString(), "--out", tmp.resolve("out").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("-ds.xml").contains("does not contain 'MS_Exchange_2016_Edge_Transport_Server_STIG-oval.xml'");
  }

  @Test
  void unknownProfileIsAnError() {
    Cli.Result r = evaluate("edge-compliant.json", "--profile", "MAC-9_Secret");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no profile 'MAC-9_Secret'").contains("MAC-1_Classified");
  }

  @Test
  void tailoringCanDeselectTheRule() throws Exception {
    Path t = tailoring("xccdf_dev.stigsmith_profile_MAC-1_Classified", """
        <xccdf:select idref="xccdf_dev.stigsmith_group_V-221218" selected="false"/>
        <xccdf:select idref="xccdf_dev.stigsmith_group_V-221223" selected="false"/>
        <xccdf:select idref="xccdf_dev.stigsmith_group_V-221262" selected="false"/>""");
    Cli.Result r = evaluate("edge-noncompliant.json", "--tailoring", t.toString(), "--profile", "xccdf_mil.example_profile_site");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).doesNotContain("EX16-ED-000170").contains("(profile site)");
    assertThat(tmp.resolve("out/EDGE02/xccdf-testresult.xml")).content().doesNotContain("SV-221218r879636_rule");
  }

  @Test
  void unknownFormatIsAUsageError() {
    Cli.Result r = evaluate("edge-compliant.json", "--format", "pdf");
    assertThat(r.exitCode()).as("bad input, not 'a rule failed'").isEqualTo(1);
    assertThat(r.err().strip()).doesNotContain("\n").contains("unknown format 'pdf'").contains("stigsmith evaluate --help");
  }

  @Test
  void openScapAcceptsTheResults() {
    Oscap.assumeAvailable();
    evaluate("edge-noncompliant.json");
    Path dir = tmp.resolve("out/EDGE02");
    Oscap.Run x = Oscap.run(dir, "xccdf", "validate", "xccdf-results.xml");
    assertThat(x.exitCode()).as(x.output()).isZero();
    Oscap.Run o = Oscap.run(dir, "oval", "validate", "--results", "oval-results.xml");
    assertThat(o.exitCode()).as(o.output()).isZero();
    Oscap.Run a = Oscap.run(dir, "ds", "rds-validate", "arf.xml");
    assertThat(a.exitCode()).as(a.output()).isZero();
    Oscap.Run h = Oscap.run(dir, "xccdf", "generate", "report", "--output", "oscap-report.html", "xccdf-results.xml");
    assertThat(h.exitCode()).as(h.output()).isZero();
    assertThat(dir.resolve("oscap-report.html")).content().contains("EX16-ED-000170");
  }

  @Test
  void reportConvertsExistingResults() {
    evaluate("edge-noncompliant.json");
    Cli.Result r = Cli.run("report", tmp.resolve("out/EDGE02/xccdf-results.xml").toString(), "--format", "ckl,json",
        "--out", tmp.resolve("rep").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(tmp.resolve("rep/EDGE02/EDGE02.ckl")).content().contains("<STATUS>Open</STATUS>")
        .contains("RequireTLS=False (expected True)");
    assertThat(tmp.resolve("rep/EDGE02/summary.json")).isRegularFile();
  }

  @Test
  void answersAndAPreviousChecklistReachTheChecklists() throws Exception {
    Path answers = tmp.resolve("answers.yaml");
    Files.writeString(answers, """
        answers:
          EX16-ED-000590:
            status: pass
            justification: Software baseline copy verified by the ISSO on 2024-01-15.
            authority: ISSO
            comment: Baseline checked by hand.
          EX16-ED-999999:
            comment: stale entry
        """);
    Cli.Result first = evaluate("edge-noncompliant.json", "--answers", answers.toString(), "--format", "ckl,xccdf");
    assertThat(first.exitCode()).isEqualTo(2);
    assertThat(first.out()).contains("EX16-ED-999999");
    Path ckl = tmp.resolve("out/EDGE02/EDGE02.ckl");
    String text = Files.readString(ckl);
    assertThat(text).contains("Baseline checked by hand.");
    // The XCCDF keeps the tool's verdict as the override's old result.
    assertThat(tmp.resolve("out/EDGE02/xccdf-testresult.xml")).content()
        .contains("<xccdf:old-result>notchecked</xccdf:old-result>").contains("<xccdf:new-result>pass</xccdf:new-result>");

    // An assessor adds a comment to a manual rule in STIG Viewer; the next evaluation keeps it.
    Path previous = tmp.resolve("previous.ckl");
    int at = text.indexOf("<ATTRIBUTE_DATA>EX16-ED-000550</ATTRIBUTE_DATA>");
    int comments = text.indexOf("<COMMENTS/>", at);
    assertThat(at).isPositive();
    assertThat(comments).isPositive();
    Files.writeString(previous, text.substring(0, comments) + "<COMMENTS>Approved DoD scanner reviewed.</COMMENTS>"
        + text.substring(comments + "<COMMENTS/>".length()));
    Cli.Result second = Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data",
        Content.root().resolve("samples/edge-noncompliant.json").toString(), "--out", tmp.resolve("again").toString(),
        "--timestamp", TIME, "--format", "cklb", "--previous", previous.toString());
    assertThat(second.exitCode()).as(second.err()).isEqualTo(2);
    assertThat(tmp.resolve("again/EDGE02/EDGE02.cklb")).content().contains("Approved DoD scanner reviewed.");
  }

  @Test
  void tailoredSiteValueReachesTheOvalAndTheResults() throws Exception {
    Path t = tailoring("xccdf_dev.stigsmith_profile_MAC-1_Classified",
        "<xccdf:set-value idref=\"xccdf_dev.stigsmith_value_internal_smtp_domain\">^mail\\.example\\.mil$</xccdf:set-value>");
    Cli.Result compliant = evaluate("edge-compliant.json");
    assertThat(compliant.exitCode()).isZero();
    Cli.Result r = evaluate("edge-compliant.json", "--tailoring", t.toString(), "--profile", "xccdf_mil.example_profile_site");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).contains("FAIL     EX16-ED-000690").contains("(expected pattern match ^mail\\.example\\.mil$)");
    assertThat(tmp.resolve("out/EDGE01/xccdf-testresult.xml")).content()
        .contains("<xccdf:set-value idref=\"xccdf_dev.stigsmith_value_internal_smtp_domain\">^mail\\.example\\.mil$</xccdf:set-value>");
  }

  @Test
  void rulesThatCouldNotBeDecidedAreNotAPass() throws Exception {
    Path host = tmp.resolve("no-send-connectors.json");
    Files.writeString(host, Files.readString(Content.root().resolve("samples/edge-compliant.json"))
        .replace("\"Get-SendConnector\"", "\"Get-SendConnectorNotRun\""));
    Cli.Result r = Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data", host.toString(),
        "--out", tmp.resolve("out").toString(), "--format", "xccdf");
    assertThat(r.out()).contains("unknown").contains("Get-SendConnector was not collected");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void unwritableScOutLeavesNoResults() throws Exception {
    Path file = Files.writeString(tmp.resolve("regular"), "x");
    Cli.Result r = evaluate("edge-compliant.json", "--sc-out", file.resolve("sc.xml").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("stigsmith: error: cannot write").doesNotContain("internal error");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void tailoringNamingAnUnknownValueOrProfileIsAnError() throws Exception {
    Path t = tailoring("xccdf_dev.stigsmith_profile_MAC-1_Classified", setValue("xccdf_dev.stigsmith_value_nope", "x"));
    Cli.Result r = evaluate("edge-compliant.json", "--tailoring", t.toString(), "--profile", "xccdf_mil.example_profile_site");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("t.xml: set-value names 'xccdf_dev.stigsmith_value_nope'");
    tailoring("xccdf_nope_profile_x", setValue("xccdf_dev.stigsmith_value_internal_smtp_domain", "x"));
    r = evaluate("edge-compliant.json", "--tailoring", t.toString(), "--profile", "xccdf_mil.example_profile_site");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("t.xml: profile xccdf_mil.example_profile_site extends 'xccdf_nope_profile_x'");
    tailoring("xccdf_dev.stigsmith_profile_MAC-1_Classified", setValue("xccdf_dev.stigsmith_value_internet_receive_connectors", "(["));
    r = evaluate("edge-compliant.json", "--tailoring", t.toString(), "--profile", "xccdf_mil.example_profile_site");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("t.xml: the value '([' given to").contains("is not a regular expression");
  }

  /** A tailoring file with one profile, xccdf_mil.example_profile_site, extending {@code base} with {@code body}. */
  private Path tailoring(String base, String body) throws Exception {
    Path t = tmp.resolve("t.xml");
    Files.writeString(t, """
        <?xml version="1.0" encoding="UTF-8"?>
        <xccdf:Tailoring xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2" id="xccdf_mil.example_tailoring_site">
          <xccdf:version time="2024-01-01T00:00:00">1</xccdf:version>
          <xccdf:Profile id="xccdf_mil.example_profile_site" extends="%s">
            <xccdf:title>Site</xccdf:title>
            %s
          </xccdf:Profile>
        </xccdf:Tailoring>
        """.formatted(base, body));
    return t;
  }

  private static String setValue(String idref, String value) {
    return "<xccdf:set-value idref=\"" + idref + "\">" + value + "</xccdf:set-value>";
  }
}
