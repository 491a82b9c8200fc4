package dev.stigsmith.results;

import dev.stigsmith.model.Benchmark;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a benchmark on one host: what the exporters (XCCDF, ARF, CKL, CKLB, HTML …) render.
 *
 * @param profileId the profile evaluated (DISA's id, e.g. MAC-1_Classified), or null for the default
 * @param testSystem CPE naming the tool, e.g. cpe:/a:stigsmith:stigsmith:0.1.0
 * @param identity the account that ran the evaluation, or null
 * @param ruleResults one per evaluated rule, in benchmark order
 * @param setValues XCCDF Value id → the value the evaluation used where a tailoring set it
 */
public record TestResult(Benchmark benchmark, String profileId, Target target, Instant startTime,
    Instant endTime, String testSystem, String identity, List<RuleResult> ruleResults, double score,
    double maxScore, Map<String, String> setValues) {
  public TestResult {
    ruleResults = List.copyOf(ruleResults);
    setValues = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(setValues));
  }

  /** A result with no tailored values. */
  public TestResult(Benchmark benchmark, String profileId, Target target, Instant startTime, Instant endTime,
      String testSystem, String identity, List<RuleResult> ruleResults, double score, double maxScore) {
    this(benchmark, profileId, target, startTime, endTime, testSystem, identity, ruleResults, score, maxScore, Map.of());
  }

  /** The same evaluation with other rule results (answers applied, results mapped). */
  public TestResult withRuleResults(List<RuleResult> results) {
    return new TestResult(benchmark, profileId, target, startTime, endTime, testSystem, identity, results, score,
        maxScore, setValues);
  }

  public Map<ResultType, Integer> counts() {
    Map<ResultType, Integer> c = new EnumMap<>(ResultType.class);
    for (RuleResult r : ruleResults) c.merge(r.effectiveResult(), 1, Integer::sum);
    return c;
  }
}
