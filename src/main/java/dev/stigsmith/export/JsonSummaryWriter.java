package dev.stigsmith.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.xml.XmlOutput;
import java.nio.file.Path;
import java.util.Map;

/**
 * A flat JSON summary for scripts: who, what, how many, and per evaluated rule its verdict and evidence.
 * {@code result} is the effective result (after any override); {@code tool_result} is the tool's own.
 * Every result type appears in {@code counts}, zeros included, so scripts need no defaults.
 */
public final class JsonSummaryWriter {
  public void write(TestResult tr, Path file) {
    XmlOutput.writeAtomically(file, toBytes(tr));
  }

  public byte[] toBytes(TestResult tr) {
    Benchmark b = tr.benchmark();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("host", tr.target() == null ? "" : tr.target().hostName());
    root.put("fqdn", tr.target() == null || tr.target().fqdn() == null ? "" : tr.target().fqdn());
    root.put("benchmark", b.id());
    root.put("title", b.title());
    root.put("version", b.version());
    root.put("release", b.release());
    root.put("release_info", b.releaseInfo());
    root.put("profile", tr.profileId());
    root.put("start_time", StigManagerXccdfWriter.time(tr.startTime()));
    root.put("end_time", StigManagerXccdfWriter.time(tr.endTime()));
    root.put("test_system", tr.testSystem());
    root.put("score", tr.score());
    root.put("max_score", tr.maxScore());
    ObjectNode counts = root.putObject("counts");
    Map<ResultType, Integer> c = tr.counts();
    for (ResultType t : ResultType.values()) counts.put(t.xccdf(), c.getOrDefault(t, 0));
    root.put("not_evaluated", Math.max(0, b.currentRules().size() - tr.ruleResults().size()));
    ArrayNode rules = root.putArray("rules");
    for (RuleResult rr : tr.ruleResults()) {
      ObjectNode r = rules.addObject();
      r.put("stig_id", rr.rule().stigId());
      r.put("vuln_id", rr.rule().vulnId());
      r.put("rule_id", rr.rule().ruleId().toString());
      r.put("severity", rr.rule().severity().xccdf());
      r.put("title", rr.rule().title());
      r.put("result", rr.effectiveResult().xccdf());
      r.put("tool_result", rr.result().xccdf());
      ArrayNode ev = r.putArray("evidence");
      rr.evidence().forEach(ev::add);
      if (rr.comment() != null) r.put("comment", rr.comment());
      if (rr.override() != null) {
        ObjectNode o = r.putObject("override");
        o.put("authority", rr.override().authority());
        o.put("remark", rr.override().remark());
      }
    }
    return Json.toBytes(root);
  }
}
