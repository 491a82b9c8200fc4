package dev.stigsmith.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.content.ContentWriter;
import dev.stigsmith.generate.Generator;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.scap.Ids;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.testing.Content;
import dev.stigsmith.testing.Oscap;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlOutput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The `automated:` constructs no shipped Edge 2016 rule of this branch uses yet (expect none /
 * at_least_one, cmdlet parameters, service checks), written on copies of real rules in a scratch
 * content folder: they load, survive the ContentWriter round trip, render to OVAL oscap accepts and
 * decide pass and fail hosts as stated, in our evaluator and in oscap.
 */
public class LanguageConstructsTest {
  @TempDir static Path tmp;
  static Path content;
  static Benchmark benchmark;
  static ScapSource source;
  static byte[] oval;

  static final Map<String, String> CHECKS = Map.of(
      "EX16-ED-000660", """
          automated:
            partition:
              label: Queue database
              path:
                xml_file:
                  file: {registry: {key: 'HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup', name: MsiInstallPath}, append: 'Bin\\EdgeTransport.exe.config'}
                  xpath: "/configuration/appSettings/add[@key='QueueDatabasePath']/@value"
              not_on_drive_of:
                registry: {key: 'HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup', name: MsiInstallPath}
          """,
      "EX16-ED-000500", """
          automated:
            cmdlet: {module: Microsoft.Exchange.Management.PowerShell.SnapIn, noun: IPAllowListEntry}
            label: IP Allow List entry
            identify_by: Identity
            expect: none
          """,
      "EX16-ED-000030", """
          automated:
            cmdlet: {module: Microsoft.Exchange.Management.PowerShell.SnapIn, noun: AcceptedDomain}
            label: accepted domain
            identify_by: DomainName
            expect: at_least_one
            require:
              Default: true
          """,
      "EX16-ED-003010", """
          automated:
            cmdlet:
              module: Microsoft.Exchange.Management.PowerShell.SnapIn
              noun: TransportAgent
              parameters: {Identity: Malware Agent}
            label: transport agent
            identify_by: Identity
            expect: none
            where:
              Enabled: true
          """,
      "EX16-ED-000610", """
          automated:
            service:
              label: POP3 and IMAP4 services
              names: [MSExchangePOP3, MSExchangeIMAP4]
              require:
                start_type: SERVICE_DISABLED
              when_absent: pass
          """);

  @BeforeAll
  static void build() throws Exception {
    content = tmp.resolve("content");
    Path bench = content.resolve("exchange-2016-edge");
    Files.createDirectories(bench.resolve("rules"));
    Files.copy(Content.root().resolve("cci.yaml"), content.resolve("cci.yaml"));
    Files.copy(Content.edge().resolve("benchmark.yaml"), bench.resolve("benchmark.yaml"));
    for (Map.Entry<String, String> c : CHECKS.entrySet()) {
      Path dir = bench.resolve("rules").resolve(c.getKey());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("rule.yaml"), withoutCheck(Content.edge().resolve("rules/" + c.getKey() + "/rule.yaml"))
          + "\n" + c.getValue());
    }
    Generator.Output out = Generator.render(content, "0.1.0", null).get(0);
    benchmark = out.benchmark();
    byte[] ds = out.files().get(Generator.dataStreamFile(benchmark));
    oval = out.files().get(Generator.ovalFile(benchmark));
    Document doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(ds));
    source = ScapSource.of(Path.of("ds.xml"), doc);
  }

  /** The rule's DISA text only: whatever automated section or manual reason it has today is cut. */
  public static String withoutCheck(Path ruleFile) throws Exception {
    List<String> kept = new ArrayList<>();
    for (String line : Files.readAllLines(ruleFile, StandardCharsets.UTF_8)) {
      if (line.startsWith("automated:") || line.startsWith("manual_reason:")) break;
      kept.add(line);
    }
    return String.join("\n", kept) + "\n";
  }

  @Test
  void generatedOvalIsValidAndUsesTheQuantifiers() throws Exception {
    Path f = tmp.resolve("oval.xml");
    Files.write(f, oval);
    if (Oscap.available()) {
      Oscap.Run r = Oscap.run(tmp, "oval", "validate", f.toString());
      assertThat(r.exitCode()).as(r.output()).isZero();
    }
    String text = new String(oval, StandardCharsets.UTF_8);
    assertThat(text).contains("check_existence=\"none_exist\"", "check=\"none satisfy\"", "check=\"at least one\"",
        "<field name=\"identity\">Malware Agent</field>", "service_object", "SERVICE_DISABLED", "xmlfilecontent_object");
  }

  @Test
  void contentWriterRoundTripKeepsEveryConstruct() throws Exception {
    Benchmark loaded = ContentLoader.load(content.resolve("exchange-2016-edge"));
    for (String stigId : CHECKS.keySet()) {
      Rule r = loaded.currentRuleForStigId(stigId).orElseThrow();
      Map<String, byte[]> files = ContentWriter.render(loaded, "exchange-2016-edge", Map.of());
      String written = new String(files.get("exchange-2016-edge/rules/" + stigId + "/rule.yaml"), StandardCharsets.UTF_8);
      Path again = tmp.resolve("again-" + stigId).resolve("exchange-2016-edge");
      Files.createDirectories(again.resolve("rules/" + stigId));
      Files.copy(content.resolve("cci.yaml"), again.getParent().resolve("cci.yaml"));
      Files.copy(content.resolve("exchange-2016-edge/benchmark.yaml"), again.resolve("benchmark.yaml"));
      Files.writeString(again.resolve("rules/" + stigId + "/rule.yaml"), written);
      Rule back = ContentLoader.load(again).currentRuleForStigId(stigId).orElseThrow();
      assertThat(back.automated()).as(stigId + " written as\n" + written).isEqualTo(r.automated());
    }
  }

  @Test
  void ipAllowListMustBeEmpty() throws Exception {
    assertVerdict("EX16-ED-000500", host(cmdlet("Get-IPAllowListEntry")), ResultType.PASS);
    assertVerdict("EX16-ED-000500", host(cmdlet("Get-IPAllowListEntry", "{\"Identity\": \"1\", \"IPRange\": \"192.0.2.0/24\"}")),
        ResultType.FAIL);
  }

  @Test
  void aDefaultAcceptedDomainMustExist() throws Exception {
    assertVerdict("EX16-ED-000030", host(cmdlet("Get-AcceptedDomain",
        "{\"DomainName\": \"contoso.mil\", \"Default\": false}", "{\"DomainName\": \"mail.contoso.mil\", \"Default\": true}")),
        ResultType.PASS);
    assertVerdict("EX16-ED-000030", host(cmdlet("Get-AcceptedDomain", "{\"DomainName\": \"contoso.mil\", \"Default\": false}")),
        ResultType.FAIL);
    assertVerdict("EX16-ED-000030", host(cmdlet("Get-AcceptedDomain")), ResultType.FAIL);
  }

  @Test
  void theMalwareAgentMustNotBeEnabledWhenPresent() throws Exception {
    String other = "{\"Identity\": \"Content Filter Agent\", \"Enabled\": true}";
    assertVerdict("EX16-ED-003010", host(cmdlet("Get-TransportAgent", other)), ResultType.PASS);
    assertVerdict("EX16-ED-003010", host(cmdlet("Get-TransportAgent", other, "{\"Identity\": \"Malware Agent\", \"Enabled\": false}")),
        ResultType.PASS);
    assertVerdict("EX16-ED-003010", host(cmdlet("Get-TransportAgent", other, "{\"Identity\": \"Malware Agent\", \"Enabled\": true}")),
        ResultType.FAIL);
  }

  @Test
  void pop3AndImap4MustBeDisabledWhereInstalled() throws Exception {
    String pop3 = "\"MSExchangePOP3\": {\"startMode\": \"%s\", \"state\": \"Stopped\"}";
    assertVerdict("EX16-ED-000610", host("\"services\": {" + pop3.formatted("Disabled") + "}"), ResultType.PASS);
    assertVerdict("EX16-ED-000610", host("\"services\": {}"), ResultType.PASS);
    assertVerdict("EX16-ED-000610", host("\"services\": {" + pop3.formatted("Manual") + "}"), ResultType.FAIL);
    assertVerdict("EX16-ED-000610", host("\"cmdlets\": {}"), ResultType.UNKNOWN);
  }

  @Test
  void theQueueDatabaseIsNotOnTheInstallDrive() throws Exception {
    String config = "<configuration><appSettings><add key=\\\"QueueDatabasePath\\\" value=\\\"%s\\\" /></appSettings></configuration>";
    String file = "D:\\\\Exchange\\\\Bin\\\\EdgeTransport.exe.config";
    String install = "\"HKLM\\\\SOFTWARE\\\\Microsoft\\\\ExchangeServer\\\\v15\\\\Setup\": {\"MsiProductMajor\": 15, \"MsiProductMinor\": 1, \"MsiInstallPath\": \"D:\\\\Exchange\\\\\"}";
    assertVerdict("EX16-ED-000660", hostWithSetup(install, "\"xmlFiles\": {\"" + file + "\": \"" + config.formatted("Q:\\\\Queue") + "\"}"), ResultType.PASS);
    assertVerdict("EX16-ED-000660", hostWithSetup(install, "\"xmlFiles\": {\"" + file + "\": \"" + config.formatted("D:\\\\Exchange\\\\TransportRoles\\\\data\\\\Queue") + "\"}"), ResultType.FAIL);
    assertVerdict("EX16-ED-000660", hostWithSetup(install, "\"xmlFiles\": {}"), ResultType.ERROR);
    assertVerdict("EX16-ED-000660", hostWithSetup(install, "\"cmdlets\": {}"), ResultType.UNKNOWN);
  }

  private static Path hostWithSetup(String setupKey, String section) throws Exception {
    Path f = tmp.resolve("host" + (++hosts) + ".json");
    Files.writeString(f, "{\"format\": \"stigsmith-hostdata\", \"version\": 1, \"host\": {\"hostName\": \"EDGE-T\"},"
        + " \"registry\": {" + setupKey + ", \"HKLM\\\\SOFTWARE\\\\Microsoft\\\\ExchangeServer\\\\v15\\\\EdgeTransportRole\": {\"ConfiguredVersion\": \"15.1.2507.6\"}}, "
        + section + "}\n");
    return f;
  }

  private static String cmdlet(String name, String... objects) {
    return "\"cmdlets\": {\"" + name + "\": {\"command\": \"" + name + "\", \"ok\": true, \"error\": null, \"objects\": ["
        + String.join(", ", objects) + "]}}";
  }

  private static int hosts;

  private static Path host(String section) throws Exception {
    Path f = tmp.resolve("host" + (++hosts) + ".json");
    Files.writeString(f, """
        {"format": "stigsmith-hostdata", "version": 1, "host": {"hostName": "EDGE-T", "osName": "Microsoft Windows Server 2016 Standard"},
         "registry": {"HKLM\\\\SOFTWARE\\\\Microsoft\\\\ExchangeServer\\\\v15\\\\Setup": {"MsiProductMajor": 15, "MsiProductMinor": 1},
                      "HKLM\\\\SOFTWARE\\\\Microsoft\\\\ExchangeServer\\\\v15\\\\EdgeTransportRole": {"ConfiguredVersion": "15.1.2507.6"}},
        """ + section + "}\n");
    return f;
  }

  private static void assertVerdict(String stigId, Path hostFile, ResultType expected) throws Exception {
    Rule rule = benchmark.currentRuleForStigId(stigId).orElseThrow();
    Evaluator.Evaluation ev = Evaluator.evaluate(source, HostDataReader.read(hostFile),
        new Evaluator.Request(null, null, Instant.parse("2024-02-01T00:00:00Z"), "cpe:/a:stigsmith:stigsmith:test", null));
    RuleResult rr = ev.testResult().ruleResults().stream().filter(x -> x.rule().stigId().equals(stigId)).findFirst().orElseThrow();
    assertThat(rr.result()).as(stigId + " on " + Files.readString(hostFile) + " evidence " + rr.evidence()).isEqualTo(expected);
    if (expected == ResultType.FAIL) assertThat(rr.evidence()).isNotEmpty();
    if (!Oscap.available()) return;
    Path work = Files.createTempDirectory(tmp, "oscap");
    Document defs = SafeXml.documentBuilder().newDocument();
    defs.appendChild(defs.importNode(ev.definitions().source(), true));
    XmlOutput.write(defs, work.resolve("defs.xml"));
    SystemCharacteristicsWriter.write(ev.systemCharacteristics(), work.resolve("sc.xml"));
    Oscap.Run run = Oscap.run(work, "oval", "analyse", "--results", "results.xml", "defs.xml", "sc.xml");
    assertThat(run.exitCode()).as(run.output()).isZero();
    String defId = Ids.ovalDefinition(rule);
    Matcher m = Pattern.compile("<definition[^>]*definition_id=\"" + Pattern.quote(defId) + "\"[^>]*result=\"([a-z ]+)\"")
        .matcher(Files.readString(work.resolve("results.xml")));
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).as("oscap vs stigsmith, " + stigId).isEqualTo(ev.ovalResults().result(defId).xml());
  }
}
