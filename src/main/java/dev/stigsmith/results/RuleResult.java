package dev.stigsmith.results;

import dev.stigsmith.model.Rule;
import java.time.Instant;
import java.util.List;

/**
 * The verdict on one rule.
 *
 * @param result the tool's own verdict (an override never replaces it)
 * @param evidence human-readable findings, one line per object examined (e.g. per connector)
 * @param override a person's override, or null
 * @param comment a person's comment (answer file / previous checklist), or null
 */
public record RuleResult(Rule rule, ResultType result, Instant time, List<String> evidence, Override override,
    String comment) {
  public RuleResult {
    evidence = List.copyOf(evidence);
  }

  /** The result after any override: what checklists show as the status. */
  public ResultType effectiveResult() {
    return override != null ? override.newResult() : result;
  }

  /** The single message text tools like STIG Manager read. */
  public String message() {
    return String.join("\n", evidence);
  }
}
