package dev.stigsmith.export;

import dev.stigsmith.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a CKL or CKLB says, as far as assessment goes: per STIG, per rule, the ids, the status and the
 * assessor's words. Rule text is not kept: it comes from the benchmark.
 */
public record ChecklistData(Path source, Format format, String hostName, List<Stig> stigs) {
  public enum Format { CKL, CKLB }

  public ChecklistData {
    stigs = List.copyOf(stigs);
  }

  /**
   * @param version the STIG version ("2"), or "" when the file does not say (CKLB)
   */
  public record Stig(String stigId, String version, String releaseInfo, List<RuleEntry> rules) {
    public Stig {
      rules = List.copyOf(rules);
    }
  }

  /**
   * @param ruleId as written, e.g. SV-221218r879636_rule
   * @param severityOverride null when the assessor left DISA's severity
   */
  public record RuleEntry(String ruleId, String vulnId, String stigId, ChecklistStatus status, String findingDetails,
      String comments, Severity severityOverride, String severityJustification) {}

  public Optional<Stig> stig(String stigId) {
    return stigs.stream().filter(s -> s.stigId().equals(stigId)).findFirst();
  }
}
