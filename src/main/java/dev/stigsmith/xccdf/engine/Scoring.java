package dev.stigsmith.xccdf.engine;

import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XCCDF's default scoring model: a rule scores 100 when it passes and 0 when it fails (or errs);
 * results that say nothing about compliance do not count. Each Group (one per Vuln ID, weight 1)
 * scores the weighted mean of its rules; the benchmark the weighted mean of its groups.
 */
final class Scoring {
  private Scoring() {}

  static double defaultScore(List<RuleResult> results) {
    Map<String, double[]> groups = new LinkedHashMap<>();
    for (RuleResult r : results) {
      ResultType t = r.result();
      boolean counts = t == ResultType.PASS || t == ResultType.FIXED || t == ResultType.FAIL
          || t == ResultType.ERROR || t == ResultType.UNKNOWN;
      if (!counts) continue;
      double weight = Double.parseDouble(r.rule().weight());
      double score = t == ResultType.PASS || t == ResultType.FIXED ? 100.0 : 0.0;
      double[] acc = groups.computeIfAbsent(r.rule().vulnId(), k -> new double[2]);
      acc[0] += score * weight;
      acc[1] += weight;
    }
    double sum = 0;
    int n = 0;
    for (double[] acc : groups.values()) {
      if (acc[1] == 0) continue;
      sum += acc[0] / acc[1];
      n++;
    }
    return n == 0 ? 0.0 : sum / n;
  }
}
