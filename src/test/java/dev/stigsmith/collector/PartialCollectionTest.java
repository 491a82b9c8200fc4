package dev.stigsmith.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stigsmith.evaluate.EvaluateJob;
import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.model.Rule;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection where one cmdlet failed (the collector records "ok": false and the error) gives
 * "error" with that error in the evidence for exactly the rules whose OVAL reads the cmdlet; every
 * other rule gets the verdict it gets from the complete collection.
 */
class PartialCollectionTest {
  static final String DENIED = "Access is denied.";
  static final Instant TIME = Instant.parse("2024-05-06T07:41:27Z");
  @TempDir Path tmp;

  @Test
  void aFailedCmdletErrsOnlyTheRulesThatReadIt() throws Exception {
    failedCmdletErrsOnlyTheRulesThatReadIt(Content.edge(), CollectorOutputTest.EXPECTED);
  }

  /** The same on a Mailbox server, for the Mailbox benchmark. */
  @Test
  void aFailedCmdletErrsOnlyTheMailboxRulesThatReadIt() throws Exception {
    failedCmdletErrsOnlyTheRulesThatReadIt(Content.root().resolve("exchange-2016-mailbox"),
        Content.root().resolve("samples/mailbox-compliant.json"));
  }

  private void failedCmdletErrsOnlyTheRulesThatReadIt(Path bench, Path complete) throws Exception {
    ContentNeeds needs = ContentNeeds.of(bench);
    Map<String, RuleResult> baseline = results(bench, complete, "baseline");
    assertThat(baseline.values()).as("the complete collection evaluates without error")
        .noneMatch(r -> r.result() == ResultType.ERROR);

    boolean someRuleUnaffected = false;
    for (String cmdlet : needs.cmdlets()) {
      Path host = hostWithFailed(complete, cmdlet, DENIED);
      Map<String, RuleResult> partial = results(bench, host, cmdlet);
      for (Map.Entry<Rule, Set<String>> e : needs.cmdletsByRule().entrySet()) {
        String stigId = e.getKey().stigId();
        // The collection is an Exchange 2016 Edge host, evaluated with that benchmark; other benchmarks' rules are not in it.
        if (!baseline.containsKey(stigId)) continue;
        RuleResult r = partial.get(stigId);
        if (e.getValue().contains(cmdlet)) {
          assertThat(r.result()).as(stigId + " reads " + cmdlet + "; evidence " + r.evidence()).isEqualTo(ResultType.ERROR);
          assertThat(r.evidence()).as(stigId).contains(cmdlet + " failed: " + DENIED);
        } else {
          assertThat(r.result()).as(stigId + " does not read " + cmdlet).isEqualTo(baseline.get(stigId).result());
          assertThat(r.evidence()).as(stigId).isEqualTo(baseline.get(stigId).evidence());
          if (r.result() == ResultType.PASS) someRuleUnaffected = true;
        }
      }
    }
    assertThat(someRuleUnaffected).as("some automated rule keeps passing while another cmdlet failed").isTrue();
  }

  /**
   * Content of two rules on two cmdlets (a Send connector rule and a Receive connector rule), so the
   * split shows whatever automated rules content/ holds today; evaluated with the CLI as a user would.
   */
  @Test
  void failedGetReceiveConnectorErrsTheReceiveRuleAndTheSendRuleStillPasses() throws Exception {
    Path content = tmp.resolve("content");
    Path bench = content.resolve("exchange-2016-edge");
    Files.createDirectories(bench.resolve("rules"));
    Files.copy(Content.root().resolve("cci.yaml"), content.resolve("cci.yaml"));
    Files.copy(Content.edge().resolve("benchmark.yaml"), bench.resolve("benchmark.yaml"));
    Path send = bench.resolve("rules/EX16-ED-000170");
    Files.createDirectories(send);
    Files.copy(Content.edge().resolve("rules/EX16-ED-000170/rule.yaml"), send.resolve("rule.yaml"));
    Path receive = bench.resolve("rules/EX16-ED-000010");
    Files.createDirectories(receive);
    String receiveRule = Files.readString(Content.edge().resolve("rules/EX16-ED-000010/rule.yaml"));
    if (!receiveRule.contains("\nautomated:")) {
      receiveRule += """

          automated:
            cmdlet: {module: Microsoft.Exchange.Management.PowerShell.SnapIn, noun: ReceiveConnector}
            label: Receive connector
            identify_by: Name
            when_none: pass
            branches:
              - description: are Receive connectors
                otherwise: true
                require:
                  ConnectionTimeout: {operation: equals, value: '00:05:00'}
          """;
    }
    Files.writeString(receive.resolve("rule.yaml"), receiveRule);
    assertThat(ContentNeeds.of(content).cmdlets()).contains("Get-SendConnector", "Get-ReceiveConnector");

    Path complete = tmp.resolve("complete/EDGE07.json");
    Files.createDirectories(complete.getParent());
    Files.copy(CollectorOutputTest.EXPECTED, complete);
    Cli.Result ok = evaluate(bench, complete, "out-complete");
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();

    Path host = hostWithFailed(CollectorOutputTest.EXPECTED, "Get-ReceiveConnector", DENIED);
    Cli.Result r = evaluate(bench, host, "out-partial");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("Get-ReceiveConnector failed: " + DENIED).doesNotContain("failed: Get-ReceiveConnector");
    String summary = Files.readString(tmp.resolve("out-partial/EDGE07/summary.json"));
    assertThat(summary).contains("Get-ReceiveConnector failed: " + DENIED);

    EvaluateJob.Outcome o = EvaluateJob.run(new EvaluateJob.Options(bench, host, null, null, tmp.resolve("job"), null,
        TIME, "0.1.0", EnumSet.of(ResultFormat.JSON), null, null));
    Map<String, RuleResult> byStig = byStigId(o.testResult().ruleResults());
    assertThat(byStig.get("EX16-ED-000010").result()).isEqualTo(ResultType.ERROR);
    assertThat(byStig.get("EX16-ED-000010").evidence()).containsExactly("Get-ReceiveConnector failed: " + DENIED);
    assertThat(byStig.get("EX16-ED-000170").result()).isEqualTo(ResultType.PASS);
  }

  private Cli.Result evaluate(Path content, Path host, String out) {
    return Cli.run("evaluate", "--content", content.toString(), "--host-data", host.toString(),
        "--out", tmp.resolve(out).toString(), "--timestamp", TIME.toString(), "--format", "json");
  }

  private Map<String, RuleResult> results(Path bench, Path host, String name) throws Exception {
    EvaluateJob.Outcome o = EvaluateJob.run(new EvaluateJob.Options(bench, host, null, null,
        tmp.resolve("out-" + name), null, TIME, "0.1.0", EnumSet.of(ResultFormat.JSON), null, null));
    return byStigId(o.testResult().ruleResults());
  }

  private static Map<String, RuleResult> byStigId(java.util.List<RuleResult> results) {
    Map<String, RuleResult> out = new LinkedHashMap<>();
    for (RuleResult r : results) out.put(r.rule().stigId(), r);
    return out;
  }

  /** The collector's record of a cmdlet that threw: ok false, the error text, no objects. */
  private Path hostWithFailed(Path complete, String cmdlet, String error) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(complete.toFile());
    ObjectNode entry = (ObjectNode) root.path("cmdlets").path(cmdlet);
    if (entry.isMissingNode()) throw new AssertionError(complete + " has no " + cmdlet);
    entry.put("ok", false).put("error", error).putArray("objects");
    Path dir = Files.createDirectories(tmp.resolve("failed-" + cmdlet + "-" + complete.getFileName()));
    Path out = dir.resolve(complete.getFileName());
    json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
    return out;
  }
}
