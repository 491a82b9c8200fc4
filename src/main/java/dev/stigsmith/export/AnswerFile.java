package dev.stigsmith.export;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.Node;
import dev.stigsmith.content.YamlSource;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.results.Override;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.TestResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An assessor's standing answers, applied to every evaluation: comments, and overrides of the tool's verdict
 * with a justification. The tool's own verdict is kept beside the override, never replaced.
 *
 * <pre>
 * answers:
 *   EX16-ED-000180:                  # STIG ID, Vuln ID (V-221219) or Rule ID (any revision)
 *     comment: Checked with the site admin.
 *     status: notapplicable          # pass, fail, notapplicable … or NotAFinding, Open, Not_Applicable
 *     justification: No Edge subscription exists.   # required with status
 *     authority: ISSM Jane Doe
 *   V-221218:                        # or a list: the first entry whose hosts match applies
 *     - hosts: [ "edge0*" ]          # host-name globs (* and ?), case-insensitive
 *       expected_status: fail        # apply only when the tool said this
 *       status: pass
 *       justification: Compensated by the boundary relay.
 *     - comment: Reviewed quarterly.
 * </pre>
 */
public record AnswerFile(Path file, List<Answer> answers) {
  public AnswerFile {
    answers = List.copyOf(answers);
  }

  /**
   * One entry.
   *
   * @param key the rule as the file names it
   * @param hosts host-name globs; empty means every host
   * @param expectedStatus apply only when the tool's verdict is this; null for always
   * @param status the overriding result; null for a comment-only answer
   */
  public record Answer(String key, List<String> hosts, String comment, ResultType expectedStatus, ResultType status,
      String justification, String authority, int line) {
    public Answer {
      hosts = List.copyOf(hosts);
    }

    boolean matchesHost(String hostName) {
      if (hosts.isEmpty()) return true;
      String h = hostName == null ? "" : hostName;
      return hosts.stream().anyMatch(g -> glob(g).matcher(h).matches());
    }

    boolean names(Rule r) {
      String k = key.trim();
      if (RuleId.isRuleId(k)) return RuleId.parse(k).number().equals(r.ruleId().number());
      return k.equalsIgnoreCase(r.stigId()) || k.equalsIgnoreCase(r.vulnId());
    }
  }

  /**
   * @param result the evaluation with comments and overrides added
   * @param warnings answers naming no rule of the benchmark, one line each ("file:line: …")
   * @param skipped answers whose expected_status guard did not hold, one line each
   */
  public record Applied(TestResult result, List<String> warnings, List<String> skipped) {
    public Applied {
      warnings = List.copyOf(warnings);
      skipped = List.copyOf(skipped);
    }
  }

  public static AnswerFile load(Path file) throws ContentException {
    Node.Mapping root = YamlSource.read(file).allow("answers");
    List<Answer> out = new ArrayList<>();
    for (Map.Entry<String, Node> e : root.map("answers").fields().entrySet()) {
      Node v = e.getValue();
      if (v instanceof Node.Seq seq) {
        for (Node item : seq.items()) out.add(answer(e.getKey(), item));
      } else {
        out.add(answer(e.getKey(), v));
      }
    }
    return new AnswerFile(file, out);
  }

  private static Answer answer(String key, Node n) throws ContentException {
    if (!(n instanceof Node.Mapping m)) throw n.error("expected an answer (a mapping with comment, status …)");
    m.allow("hosts", "comment", "expected_status", "status", "justification", "authority");
    List<String> hosts = new ArrayList<>();
    if (m.has("hosts")) {
      Node h = m.require("hosts");
      if (h instanceof Node.Scalar s) hosts.add(s.text());
      else hosts.addAll(m.texts("hosts"));
    }
    ResultType status = m.optParsed("status", AnswerFile::parseStatus, null);
    String justification = m.optText("justification", null);
    if (status != null && (justification == null || justification.isBlank())) {
      throw m.require("status").error("an overriding status needs a justification");
    }
    if (status == null && justification != null) {
      throw m.require("justification").error("justification goes with status; use comment for a note");
    }
    String comment = m.optText("comment", null);
    if (status == null && (comment == null || comment.isBlank())) throw m.error("answer has neither comment nor status");
    return new Answer(key, hosts, comment, m.optParsed("expected_status", AnswerFile::parseStatus, null), status,
        justification, m.optText("authority", null), m.line());
  }

  /** XCCDF results and checklist statuses alike: "notapplicable", "Not_Applicable", "not_a_finding". */
  static ResultType parseStatus(String text) {
    try {
      return ResultType.parse(text);
    } catch (IllegalArgumentException e) {
      try {
        return ChecklistStatus.parse(text).resultType();
      } catch (IllegalArgumentException e2) {
        throw new IllegalArgumentException("unknown status '" + text + "' (expected pass, fail, notapplicable, notchecked, "
            + "error, unknown, informational, fixed, or NotAFinding, Open, Not_Applicable, Not_Reviewed)");
      }
    }
  }

  /** Applies to the current rules of the result's benchmark; rules the tool did not evaluate become notchecked results. */
  public Applied apply(TestResult tr) {
    Benchmark b = tr.benchmark();
    String host = tr.target() == null ? "" : tr.target().hostName();
    List<String> warnings = new ArrayList<>();
    for (Answer a : answers) {
      if (b.currentRules().stream().noneMatch(a::names)) {
        warnings.add(file + ":" + a.line() + ": answer for " + a.key() + " names no rule of " + b.id() + " " + b.versionRelease());
      }
    }
    Map<String, RuleResult> byVuln = new HashMap<>();
    for (RuleResult rr : tr.ruleResults()) byVuln.putIfAbsent(rr.rule().vulnId(), rr);
    List<String> skipped = new ArrayList<>();
    Set<RuleResult> used = Collections.newSetFromMap(new IdentityHashMap<>());
    List<RuleResult> out = new ArrayList<>();
    for (Rule rule : b.currentRules()) {
      RuleResult rr = byVuln.get(rule.vulnId());
      if (rr != null) used.add(rr);
      Answer a = answers.stream().filter(x -> x.names(rule) && x.matchesHost(host)).findFirst().orElse(null);
      ResultType verdict = rr == null ? ResultType.NOTCHECKED : rr.result();
      if (a != null && a.expectedStatus() != null && a.expectedStatus() != verdict) {
        skipped.add(file + ":" + a.line() + ": " + rule.stigId() + ": not applied: the tool said " + verdict.xccdf()
            + ", the answer expects " + a.expectedStatus().xccdf());
        a = null;
      }
      if (a == null) {
        if (rr != null) out.add(rr);
        continue;
      }
      Instant time = rr != null && rr.time() != null ? rr.time() : tr.endTime();
      String comment = ChecklistMerge.join(rr == null ? null : rr.comment(), a.comment());
      Override override = rr == null ? null : rr.override();
      if (a.status() != null && a.status() != verdict) {
        String authority = a.authority() != null && !a.authority().isBlank() ? a.authority()
            : "answer file " + file.getFileName();
        override = new Override(verdict, a.status(), authority, time, a.justification().strip());
      } else if (a.status() != null) {
        comment = ChecklistMerge.join(comment, a.justification());
      }
      out.add(new RuleResult(rr == null ? rule : rr.rule(), verdict, time, rr == null ? List.of() : rr.evidence(),
          override, comment.isEmpty() ? null : comment));
    }
    // Results the answers do not reach (rules no longer current, repeats) stay as they were, after the rest.
    for (RuleResult rr : tr.ruleResults()) {
      if (!used.contains(rr)) out.add(rr);
    }
    TestResult applied = tr.withRuleResults(out);
    return new Applied(applied, warnings, skipped);
  }

  private static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (char ch : g.trim().toCharArray()) {
      if (ch == '*') re.append(".*");
      else if (ch == '?') re.append('.');
      else re.append(Pattern.quote(String.valueOf(ch)));
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

}
