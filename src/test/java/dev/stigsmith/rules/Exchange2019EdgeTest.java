package dev.stigsmith.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.generate.Generator;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.testing.Content;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Exchange 2019 Edge benchmark as shipped: coverage, its samples, and its platform kept apart from 2016's. */
class Exchange2019EdgeTest {
  private static final String E16 = "MS_Exchange_2016_Edge_Transport_Server_STIG";
  private static final String E19 = "MS_Exchange_2019_Edge_Server_STIG";
  private static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>();
  private static final Map<String, ScapSource> SOURCES = new TreeMap<>();

  @BeforeAll
  static void generate() throws Exception {
    for (Generator.Output out : Generator.render(Content.root(), "0.1.0", null)) {
      Benchmark b = out.benchmark();
      byte[] ds = out.files().get(Generator.dataStreamFile(b));
      BENCHMARKS.put(b.id(), b);
      SOURCES.put(b.id(), ScapSource.of(Path.of(Generator.dataStreamFile(b)),
          SafeXml.documentBuilder().parse(new ByteArrayInputStream(ds))));
    }
  }

  @Test
  void atLeast55Of68RulesAreAutomatedAndEveryOtherSaysWhy() {
    Benchmark b = BENCHMARKS.get(E19);
    assertThat(b.currentRules()).hasSize(68);
    assertThat(b.currentRules().stream().filter(Rule::isAutomated).count()).isGreaterThanOrEqualTo(55);
    assertThat(b.currentRules().stream().filter(r -> !r.isAutomated()))
        .allSatisfy(r -> assertThat(r.manualReason()).as(r.stigId()).isNotBlank());
    // Most checks are the 2016 Edge ones, written once there.
    assertThat(b.currentRules().stream().filter(r -> r.checkSameAs() != null).count()).isGreaterThanOrEqualTo(45);
    assertThat(b.platform().cpeName()).isEqualTo("cpe:/a:microsoft:exchange_server:2019::~~edge_transport~~~");
  }

  @Test
  void theCompliantSamplePassesEveryAutomatedRule() throws Exception {
    Map<ResultType, List<String>> r = results(E19, "edge2019-compliant.json");
    assertThat(r.keySet()).containsExactlyInAnyOrder(ResultType.PASS, ResultType.NOTCHECKED);
    assertThat(r.get(ResultType.PASS)).hasSize((int) BENCHMARKS.get(E19).currentRules().stream().filter(Rule::isAutomated).count());
  }

  @Test
  void theNonCompliantSampleHasFindingsOfOwnAndSharedChecks() throws Exception {
    Map<ResultType, List<String>> r = results(E19, "edge2019-noncompliant.json");
    assertThat(r.get(ResultType.FAIL))
        // own 2019 checks
        .contains("EX19-ED-000006", "EX19-ED-000034", "EX19-ED-000094", "EX19-ED-000098", "EX19-ED-000236", "EX19-ED-000244")
        // checks shared with 2016 Edge (cmdlet, registry, folder rights, partition)
        .contains("EX19-ED-000019", "EX19-ED-000053", "EX19-ED-000044", "EX19-ED-000230");
    assertThat(r).doesNotContainKeys(ResultType.ERROR, ResultType.UNKNOWN);
  }

  @Test
  void eachEdgeVersionIsNotApplicableToTheOthersHosts() throws Exception {
    for (String sample : List.of("edge-compliant.json", "edge-noncompliant.json")) {
      assertThat(results(E19, sample).keySet()).as(sample).containsExactly(ResultType.NOTAPPLICABLE);
    }
    for (String sample : List.of("edge2019-compliant.json", "edge2019-noncompliant.json")) {
      assertThat(results(E16, sample).keySet()).as(sample).containsExactly(ResultType.NOTAPPLICABLE);
    }
    Path mailbox = Content.root().resolve("exchange-2016-edge/rules/EX16-ED-000170/tests/notapplicable-mailbox-server.json");
    assertThat(results(E19, mailbox).keySet()).containsExactly(ResultType.NOTAPPLICABLE);
  }

  /** STIG IDs by result. */
  private static Map<ResultType, List<String>> results(String benchmark, String sample) throws Exception {
    return results(benchmark, Path.of("content/samples", sample));
  }

  private static Map<ResultType, List<String>> results(String benchmark, Path host) throws Exception {
    Evaluator.Evaluation ev = Evaluator.evaluate(SOURCES.get(benchmark), HostDataReader.read(host),
        new Evaluator.Request(null, null, Instant.parse("2025-02-03T00:00:00Z"), "cpe:/a:stigsmith:stigsmith:test", null));
    return ev.testResult().ruleResults().stream().collect(Collectors.groupingBy(RuleResult::result, TreeMap::new,
        Collectors.mapping(rr -> rr.rule().stigId(), Collectors.toList())));
  }
}
