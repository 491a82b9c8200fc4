package dev.stigsmith.cli;

import dev.stigsmith.evaluate.EvaluateJob;
import dev.stigsmith.export.ResultFormat;
import java.util.Set;
import picocli.CommandLine;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.TestResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate one host's collected data against SCAP content with stigsmith's OVAL interpreter, and write",
      "XCCDF 1.2 results, OVAL results and an ARF report to OUT/<host>/.",
    },
    exitCodeOnInvalidInput = 1,
    exitCodeListHeading = "%nExit codes (as oscap's):%n",
    exitCodeList = {"0:every evaluated rule passed", "2:at least one rule failed or could not be decided (unknown)",
        "1:an error (bad input or options, or a rule evaluated to error)"})
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--content", paramLabel = "DS_OR_DIR", required = true,
      description = "A SCAP source data stream (or XCCDF 1.2 benchmark), or one benchmark's content folder.")
  Path content;

  @Option(names = "--host-data", paramLabel = "FILE", required = true,
      description = "Collected data: collector JSON, ConvertTo-Json, Export-Clixml or Export-Csv output, or a folder of them.")
  Path hostData;

  @Option(names = "--profile", paramLabel = "ID", description = "Profile to evaluate (e.g. MAC-1_Classified). Default: every rule the benchmark selects.")
  String profile;

  @Option(names = "--tailoring", paramLabel = "FILE", description = "XCCDF 1.2 tailoring file.")
  Path tailoring;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--sc-out", paramLabel = "FILE", description = "Also write the OVAL system characteristics here.")
  Path scOut;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "all",
      description = "Result formats, comma-separated: all, xccdf, arf, stig-manager, ckl, cklb, html, json, junit (default: ${DEFAULT-VALUE}).")
  String format;

  @CommandLine.Mixin ResultOptions extras;

  @Option(names = "--force", description = "Overwrite <host>.ckl/.cklb even if stigsmith did not write it or it was edited since.")
  boolean force;

  @Option(names = "--timestamp", paramLabel = "TIME",
      description = "Evaluation time to record (epoch seconds or ISO-8601). Default: $SOURCE_DATE_EPOCH, else now.")
  String timestamp;

  @Override
  public Integer call() {
    Instant time = Timestamps.resolve(timestamp, System.getenv("SOURCE_DATE_EPOCH"), 1);
    if (time == null) time = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Set<ResultFormat> formats = ResultOptions.formats(spec, format);
    EvaluateJob.Outcome outcome;
    try {
      outcome = EvaluateJob.run(new EvaluateJob.Options(content, hostData, profile, tailoring, out, scOut, time,
          Version.current(), formats, extras.answers, extras.previous), force);
    } catch (EvaluateJob.InputException e) {
      throw new UserError(e.getMessage(), 1);
    }
    summary(spec.commandLine().getOut(), outcome);
    return outcome.exitCode();
  }

  static void summary(PrintWriter w, EvaluateJob.Outcome o) {
    TestResult tr = o.testResult();
    for (String note : o.notes()) w.println(note);
    w.printf(Locale.ROOT, "%s %s on %s%s%n", tr.benchmark().title(), tr.benchmark().versionRelease(),
        tr.target().hostName(), tr.profileId() == null ? "" : " (profile " + tr.profileId() + ")");
    Map<ResultType, Integer> counts = tr.counts();
    StringBuilder c = new StringBuilder();
    for (ResultType t : ResultType.values()) {
      Integer n = counts.get(t);
      if (n != null) c.append(c.length() == 0 ? "" : ", ").append(t.xccdf()).append(' ').append(n);
    }
    w.println("  " + (c.length() == 0 ? "no rules selected" : c) + String.format(Locale.ROOT, "; score %.1f/100", tr.score()));
    // Only what needs attention is listed; the files hold the rest.
    boolean notApplicableSaid = false;
    for (RuleResult r : tr.ruleResults()) {
      ResultType t = r.effectiveResult();
      if (t == ResultType.NOTAPPLICABLE && !notApplicableSaid && !r.evidence().isEmpty()) {
        w.println("  " + r.evidence().get(0));
        notApplicableSaid = true;
      }
      if (t != ResultType.FAIL && t != ResultType.ERROR && t != ResultType.UNKNOWN) continue;
      w.printf(Locale.ROOT, "%-8s %s  %s  %s%n", t.xccdf().toUpperCase(Locale.ROOT), r.rule().stigId(),
          r.rule().severity().catLabel(), r.rule().title());
      for (String line : r.evidence()) if (!line.endsWith(" - compliant")) w.println("    " + line);
    }
    w.println("Results in " + o.hostDir() + ": " + String.join(", ", o.files().keySet()));
  }
}
