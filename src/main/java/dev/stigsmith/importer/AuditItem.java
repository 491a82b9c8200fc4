package dev.stigsmith.importer;

import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import java.util.List;

/**
 * A scanner vendor's audit item for one STIG rule, as its web page shows it.
 *
 * @param heading the title line after the STIG ID: the rule title, maybe followed by " - part"
 * @param deprecated the page carries the vendor's "Audit Deprecated" banner
 * @param references the page's References as KEY|VALUE pairs, in page order
 */
public record AuditItem(
    String stigId,
    String heading,
    boolean deprecated,
    String discussion,
    String fixText,
    List<Ref> references,
    String vulnId,
    RuleId ruleId,
    Severity severity,
    List<String> ccis,
    List<String> legacyIds) {

  public AuditItem {
    references = List.copyOf(references);
    ccis = List.copyOf(ccis);
    legacyIds = List.copyOf(legacyIds);
  }

  public record Ref(String key, String value) {}
}
