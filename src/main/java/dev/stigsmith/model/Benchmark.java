package dev.stigsmith.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A DISA STIG as stigsmith models it.
 *
 * @param id DISA's benchmark id, e.g. MS_Exchange_2016_Edge_Transport_Server_STIG
 * @param version the STIG version ("2")
 * @param release the release number (5 in V2R5)
 * @param rules every rule revision, current and superseded, ordered by Vuln ID then revision
 * @param ccis the CCIs the rules cite, with their NIST controls
 */
public record Benchmark(
    String id,
    String title,
    String description,
    String version,
    int release,
    LocalDate benchmarkDate,
    Status status,
    LocalDate statusDate,
    String notice,
    String source,
    String classification,
    Reference reference,
    Platform platform,
    List<Profile> profiles,
    List<Value> values,
    List<Rule> rules,
    Map<String, Cci> ccis) {

  private static final DateTimeFormatter DISA_DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

  public Benchmark {
    profiles = List.copyOf(profiles);
    values = List.copyOf(values);
    rules = List.copyOf(rules);
    // Sorted, so cci.yaml and every rendering list CCIs in one stable order (Map.copyOf iterates in a per-JVM order).
    ccis = java.util.Collections.unmodifiableMap(new TreeMap<>(ccis));
  }

  /** "Release: 5 Benchmark Date: 24 Jan 2024", the text STIG Viewer shows. */
  public String releaseInfo() {
    return "Release: " + release + " Benchmark Date: " + DISA_DATE.format(benchmarkDate);
  }

  /** "V2R5" */
  public String versionRelease() {
    return "V" + version + "R" + release;
  }

  public List<Rule> currentRules() {
    return rules.stream().filter(Rule::current).toList();
  }

  public Optional<Rule> rule(RuleId id) {
    return rules.stream().filter(r -> r.ruleId().equals(id)).findFirst();
  }

  public Optional<Rule> currentRuleForStigId(String stigId) {
    return currentRules().stream().filter(r -> r.stigId().equalsIgnoreCase(stigId)).findFirst();
  }

  public Optional<Rule> currentRuleForVulnId(String vulnId) {
    return currentRules().stream().filter(r -> r.vulnId().equalsIgnoreCase(vulnId)).findFirst();
  }
}
