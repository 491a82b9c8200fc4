package dev.stigsmith.cli;

import dev.stigsmith.evaluate.EvaluateJob;
import dev.stigsmith.evaluate.Fleet;
import java.util.List;
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
      "Evaluate collected host data against SCAP content with stigsmith's OVAL interpreter; write XCCDF 1.2 "
          + "results, OVAL results, ARF and checklists to OUT/<host>/.",
      "Without --content, each bundled benchmark whose platform (CPE) the host is gets evaluated; when several "
          + "apply, each gets OUT/<host>/<benchmark id>/.",
      "With --hosts, every host file of a folder or glob is evaluated in one run, in parallel, with a fleet "
          + "summary in OUT/ (fleet-summary.csv, fleet-summary.json, index.html).",
    },
    exitCodeOnInvalidInput = 1,
    exitCodeListHeading = "%nExit codes (as oscap's):%n",
    exitCodeList = {"0:every evaluated rule passed", "2:at least one rule failed or could not be decided (unknown)",
        "1:an error (bad input or options, or a rule evaluated to error; with --hosts: a host file could not be read)",
        "3:no bundled benchmark applies to the host (without --content)"})
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--content", paramLabel = "DS_OR_DIR",
      description = "A SCAP source data stream (or XCCDF 1.2 benchmark), or one benchmark's content folder."
          + " Default: the bundled benchmarks, each host evaluated against those that apply to it.")
  Path content;

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Hosts hosts;

  static final class Hosts {
    @Option(names = "--host-data", paramLabel = "FILE", required = true,
        description = "One host's collected data: collector JSON, ConvertTo-Json, Export-Clixml or Export-Csv output, or a folder of them.")
    Path hostData;

    @Option(names = "--hosts", paramLabel = "DIR_OR_GLOB", required = true,
        description = "Many hosts: a folder (each file, or subfolder of exports, is one host) or a glob such as 'data/*.json'.")
    String fleet;
  }

  @Option(names = "--jobs", paramLabel = "N", description = "Hosts evaluated at once with --hosts (default: the number of cores).")
  Integer jobs;

  @Option(names = {"-q", "--quiet"}, description = "With --hosts: no progress, only errors and the final line.")
  boolean quiet;

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
    if (hosts.fleet != null) return fleet(time, formats);
    if (jobs != null) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs: only with --hosts");
    List<EvaluateJob.Outcome> outcomes;
    try {
      outcomes = EvaluateJob.runAll(new EvaluateJob.Options(content, hosts.hostData, profile, tailoring, out, scOut, time,
          Version.current(), formats, extras.answers, extras.previous), null, force);
    } catch (EvaluateJob.NotApplicableException e) {
      throw new UserError(e.getMessage(), NOT_APPLICABLE);
    } catch (EvaluateJob.InputException e) {
      throw new UserError(e.getMessage(), 1);
    }
    int code = 0;
    for (EvaluateJob.Outcome o : outcomes) {
      summary(spec.commandLine().getOut(), o);
      code = EvaluateJob.worse(code, o.exitCode());
    }
    return code;
  }

  /** No bundled benchmark applies to the host: nothing was evaluated. */
  static final int NOT_APPLICABLE = 3;

  private int fleet(Instant time, Set<ResultFormat> formats) {
    if (scOut != null) throw new CommandLine.ParameterException(spec.commandLine(), "--sc-out: only with --host-data");
    if (extras.previous != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--previous: one host's checklist; only with --host-data");
    }
    int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (n < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs: must be at least 1");
    EvaluateJob.Prepared prepared;
    List<Path> files;
    try {
      files = Fleet.hostFiles(hosts.fleet);
      prepared = EvaluateJob.prepare(new EvaluateJob.Settings(content, profile, tailoring, time, Version.current(),
          formats, extras.answers, null));
    } catch (EvaluateJob.InputException e) {
      throw new UserError(e.getMessage(), 1);
    }
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Fleet fleet = new Fleet(prepared, out, n).force(force);
    FleetProgress progress = FleetProgress.choose(quiet, w, err);
    // Ctrl-C: finish the hosts in flight, write the summary of what is done, leave no half folder.
    java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    Thread hook = new Thread(() -> {
      fleet.stop();
      try {
        finished.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "stigsmith-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    Fleet.Result r;
    try {
      r = fleet.run(files, progress);
    } finally {
      finished.countDown();
      progress.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already: the hook is running
      }
    }
    if (!quiet || r.errors() > 0 || r.interrupted()) {
      w.printf(Locale.ROOT, "%d host files: %d evaluated, %d unreadable%s%s; summary in %s, %s, %s%n", r.hosts(),
          r.evaluated(), r.unreadable(), r.notApplicable() > 0 ? ", " + r.notApplicable() + " with no applicable benchmark" : "",
          r.interrupted() ? " (interrupted)" : "", r.summaryCsv(), r.summaryJson(), r.overview());
    }
    return r.exitCode();
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
