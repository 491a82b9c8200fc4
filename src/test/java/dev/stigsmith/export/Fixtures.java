package dev.stigsmith.export;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Description;
import dev.stigsmith.model.Fix;
import dev.stigsmith.model.ManualCheck;
import dev.stigsmith.model.Platform;
import dev.stigsmith.model.Profile;
import dev.stigsmith.model.Reference;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.model.Severity;
import dev.stigsmith.model.Status;
import dev.stigsmith.results.Override;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.Target;
import dev.stigsmith.results.TestResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small benchmarks and results built in code: three Vulns, one with a superseded revision. */
final class Fixtures {
  static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
  static final Instant END = Instant.parse("2024-03-01T10:00:05Z");

  private Fixtures() {}

  /** Release 5 with revisions r5xx; release 4 with revisions r4xx (every rule re-revisioned, as DISA did). */
  static Benchmark benchmark(int release) {
    String rev = String.valueOf(release);
    List<Rule> rules = new ArrayList<>();
    rules.add(rule("V-221218", "SV-221218r" + rev + "00_rule", "EX16-ED-000170", Severity.MEDIUM,
        "Exchange internal Send connectors must use domain security (mutual authentication Transport Layer Security).",
        Status.ACCEPTED, null));
    rules.add(rule("V-221218", "SV-221218r" + rev + "0_rule", "EX16-ED-000170", Severity.MEDIUM,
        "Older revision title", Status.DEPRECATED, RuleId.parse("SV-221218r" + rev + "00_rule")));
    rules.add(rule("V-221219", "SV-221219r" + rev + "01_rule", "EX16-ED-000180", Severity.HIGH,
        "Exchange must have <something> & \"quoted\" checked by hand.", Status.ACCEPTED, null));
    rules.add(rule("V-221220", "SV-221220r" + rev + "02_rule", "EX16-ED-000190", Severity.LOW,
        "A third, manual rule.", Status.ACCEPTED, null));
    return new Benchmark("MS_Exchange_2016_Edge_Transport_Server_STIG",
        "Microsoft Exchange 2016 Edge Transport Server Security Technical Implementation Guide",
        "A description.", "2", release, LocalDate.of(2024, 1, 24), Status.ACCEPTED, LocalDate.of(2023, 12, 18),
        "terms-of-use", "STIG.DOD.MIL", "UNCLASSIFIED",
        new Reference("DPMS Target Microsoft Exchange 2016 Edge Transport Server", "DISA", "DPMS Target",
            "Microsoft Exchange 2016 Edge Transport Server", "4079"),
        new Platform("cpe:/a:microsoft:exchange_server:2016", "cpe:2.3:a:microsoft:exchange_server:2016:*:*:*:*:*:*:*",
            "Exchange 2016", List.of(new Platform.RegistryFact("HKEY_LOCAL_MACHINE", "SOFTWARE\\X", "V", null, "string"))),
        List.of(new Profile("MAC-1_Classified", "I - Mission Critical Classified", "",
            List.of("V-221218", "V-221219", "V-221220"))), List.of(), rules, Map.of());
  }

  static Rule rule(String vuln, String ruleId, String stigId, Severity sev, String title, Status status, RuleId supersededBy) {
    String n = vuln.substring(2);
    return new Rule(vuln, RuleId.parse(ruleId), stigId, "SRG-APP-000219", title, sev, "10.0",
        Description.of("Discussion of " + stigId + "."), List.of("CCI-001184"), List.of("SV-95227", "V-80517"),
        new ManualCheck("C-" + n + "_chk", "Check text of " + stigId + ":\n\nGet-SendConnector | Select Name"),
        new Fix("F-" + n + "_fix", "Fix text of " + stigId + ".", null), status, LocalDate.of(2023, 12, 18),
        "V2R5", supersededBy, null);
  }

  static Target target() {
    return new Target("EDGE01", "edge01.example.mil", List.of("192.0.2.10", "192.0.2.11"), List.of("00:15:5D:01:02:03"),
        List.of(new Target.Fact("urn:xccdf:fact:asset:identifier:os_name", "string", "Windows Server 2016")));
  }

  static RuleResult result(Benchmark b, String stigId, ResultType r, List<String> evidence, Override o, String comment) {
    Rule rule = b.currentRuleForStigId(stigId).orElseThrow();
    return new RuleResult(rule, r, END, evidence, o, comment);
  }

  /** EX16-ED-000170 failed with evidence; EX16-ED-000180 was overridden to not applicable; 190 not evaluated. */
  static TestResult testResult(Benchmark b) {
    RuleResult failed = result(b, "EX16-ED-000170", ResultType.FAIL,
        List.of("Send connector 'Internet': DomainSecureEnabled is False (expected True)", "Send connector 'Partner': pass"),
        null, null);
    RuleResult overridden = result(b, "EX16-ED-000180", ResultType.NOTCHECKED, List.of(),
        new Override(ResultType.NOTCHECKED, ResultType.NOTAPPLICABLE, "ISSM Jane Doe", END, "No Edge subscription exists."),
        "Checked with the site admin.");
    return new TestResult(b, "MAC-1_Classified", target(), START, END, "cpe:/a:dev.stigsmith:stigsmith:0.1.0", "admin",
        List.of(failed, overridden), 0.0, 100.0);
  }
}
