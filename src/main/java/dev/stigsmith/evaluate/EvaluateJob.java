package dev.stigsmith.evaluate;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.export.AnswerFile;
import dev.stigsmith.export.ChecklistData;
import dev.stigsmith.export.ChecklistInputException;
import dev.stigsmith.export.ChecklistReader;
import dev.stigsmith.export.ResultExports;
import dev.stigsmith.io.OutputSet;
import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.generate.Generator;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostDataException;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.oval.engine.OvalResult;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.xccdf.engine.EvaluationException;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xccdf.engine.Tailoring;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import dev.stigsmith.xml.XmlOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * {@code stigsmith evaluate} as a library call. The one core shared by the single-host, auto-picked
 * and fleet paths: {@link #prepare} reads content, tailoring, answers and writers once, then
 * {@link Prepared#evaluate} turns one host into its result files, in memory, so that a caller
 * writes all of a host's files or none ({@link HostOutputs}).
 */
public final class EvaluateJob {
  private EvaluateJob() {}

  /** One host, as {@code stigsmith evaluate --host-data}. */
  public record Options(Path content, Path hostData, String profile, Path tailoring, Path outDir, Path scOut,
      Instant time, String productVersion, Set<ResultFormat> formats, Path answers, Path previous) {
    public Settings settings() {
      return new Settings(content, profile, tailoring, time, productVersion, formats, answers, previous);
    }
  }

  /**
   * What is the same for every host of a run.
   *
   * @param content a data stream or one benchmark's content folder; null: every bundled benchmark,
   *     each host evaluated against those whose platform it is
   */
  public record Settings(Path content, String profile, Path tailoring, Instant time, String productVersion,
      Set<ResultFormat> formats, Path answers, Path previous) {}

  /** One benchmark's results for one host, rendered. {@code subdir} is "" when it is the host's only one. */
  public record BenchmarkRun(Evaluator.Evaluation evaluation, TestResult testResult, String subdir,
      Map<String, byte[]> files, List<String> notes) {
    public int exitCode() { return EvaluateJob.exitCode(testResult); }
  }

  /** Every benchmark that applied to one host. */
  public record HostRun(String hostName, List<BenchmarkRun> runs) {
    public int exitCode() {
      int worst = 0;
      for (BenchmarkRun r : runs) worst = worse(worst, r.exitCode());
      return worst;
    }
  }

  /** The evaluation and the files written for it, by file name (the single-host, single-benchmark view). */
  public record Outcome(Evaluator.Evaluation evaluation, TestResult testResult, Path hostDir, Map<String, Path> files,
      List<String> notes) {
    public int exitCode() { return EvaluateJob.exitCode(testResult); }
  }

  /** Thrown for any unusable input; the message is one line naming the file. */
  public static class InputException extends Exception {
    public InputException(String message) {
      super(message);
    }
  }

  /**
   * oscap-like: 0 every evaluated rule passed, 2 at least one failed or could not be decided
   * (unknown), 1 at least one rule evaluated to error.
   */
  public static int exitCode(TestResult tr) {
    Map<ResultType, Integer> c = tr.counts();
    if (c.getOrDefault(ResultType.ERROR, 0) > 0) return 1;
    if (c.getOrDefault(ResultType.FAIL, 0) > 0 || c.getOrDefault(ResultType.UNKNOWN, 0) > 0) return 2;
    return 0;
  }

  /** The worse of two exit codes: an error (1) outranks findings (2), which outrank a pass (0). */
  public static int worse(int a, int b) {
    if (a == 1 || b == 1) return 1;
    return Math.max(a, b);
  }

  /** Reads content, tailoring, answers and the previous checklist once for a whole run. */
  public static Prepared prepare(Settings s) throws InputException {
    return prepare(s, null);
  }

  /**
   * As {@link #prepare(Settings)}, with {@code candidates} standing for the bundled benchmarks when
   * the settings name no content (null: those in the jar).
   */
  public static Prepared prepare(Settings s, List<ScapSource> candidates) throws InputException {
    return prepare(s, candidates, false);
  }

  /**
   * @param lazy when several benchmarks are candidates, prepare each only once a host is found to be
   *     its platform (a one-host run then reads one benchmark's rules and checks, not every one's)
   */
  private static Prepared prepare(Settings s, List<ScapSource> candidates, boolean lazy) throws InputException {
    Tailoring tailoring = null;
    if (s.tailoring() != null) {
      try {
        tailoring = Tailoring.read(s.tailoring());
      } catch (XmlInputException e) {
        throw new InputException(e.oneLine());
      }
    }
    Evaluator.Request req = new Evaluator.Request(s.profile(), tailoring, s.time(),
        "cpe:/a:stigsmith:stigsmith:" + s.productVersion(), System.getProperty("user.name"));
    List<Evaluator.Platform> platforms = new ArrayList<>();
    List<Supplier<BundledContent.Prebuilt>> prebuilt = new ArrayList<>();
    try {
      if (s.content() != null || candidates != null) {
        for (ScapSource src : s.content() != null ? sources(s.content(), s.productVersion()) : candidates) {
          platforms.add(Evaluator.platform(src, req));
          prebuilt.add(() -> BundledContent.Prebuilt.NONE);
        }
      } else {
        // Each bundled benchmark's platform is checked from the small part the build wrote for it; a
        // data stream is read in full only for a benchmark that is prepared.
        for (BundledContent.Bundled b : BundledContent.load()) {
          platforms.add(Evaluator.platform(b.platformPart(), req, b::whole));
          prebuilt.add(b::prebuilt);
        }
      }
    } catch (EvaluationException e) {
      throw new InputException(e.getMessage());
    }
    // A content folder of several benchmarks is picked from like the bundled ones.
    boolean autoPick = s.content() == null || platforms.size() > 1;
    List<Benchmark> benchmarks = new ArrayList<>();
    for (int i = 0; i < platforms.size(); i++) {
      Benchmark b = new Benchmark(platforms.get(i), s.formats(), prebuilt.get(i));
      if (!(lazy && autoPick)) b.ready();
      benchmarks.add(b);
    }
    AnswerFile answers = null;
    ChecklistData previous = null;
    try {
      if (s.answers() != null) answers = AnswerFile.load(s.answers());
      if (s.previous() != null) previous = ChecklistReader.read(s.previous());
    } catch (ContentException | ChecklistInputException e) {
      throw new InputException(e.getMessage());
    }
    return new Prepared(s, List.copyOf(benchmarks), autoPick, answers, previous);
  }

  /** One benchmark of a run: its platform check, and the rest once {@link #ready} is asked for. */
  static final class Benchmark {
    private final Evaluator.Platform platform;
    private final Set<ResultFormat> formats;
    /** What the build serialised beforehand for a bundled benchmark; {@link BundledContent.Prebuilt#NONE} otherwise. */
    private final Supplier<BundledContent.Prebuilt> prebuilt;
    private volatile Ready ready;

    Benchmark(Evaluator.Platform platform, Set<ResultFormat> formats,
        Supplier<BundledContent.Prebuilt> prebuilt) {
      this.platform = platform;
      this.formats = formats;
      this.prebuilt = prebuilt;
    }

    Evaluator.Platform platform() { return platform; }

    /** Prepared on first call, once, whichever host thread gets here first. */
    Ready ready() throws InputException {
      Ready r = ready;
      if (r != null) return r;
      synchronized (this) {
        if (ready == null) {
          try {
            Evaluator.Prepared p = platform.prepare();
            BundledContent.Prebuilt made = formats.contains(ResultFormat.XCCDF) ? prebuilt.get() : BundledContent.Prebuilt.NONE;
            ready = new Ready(p, ResultDocuments.prepare(p, formats, made));
          } catch (EvaluationException e) {
            throw new InputException(e.getMessage());
          }
        }
        return ready;
      }
    }

    /** Null until {@link #ready()} has succeeded. */
    Ready readyOrNull() { return ready; }
  }

  /** A benchmark ready to evaluate, with its result documents' host-independent parts. */
  record Ready(Evaluator.Prepared evaluator, ResultDocuments documents) {}

  /** A run's content and writers, ready for any number of hosts; {@link #evaluate} is thread-safe. */
  public static final class Prepared {
    private final Settings settings;
    private final List<Benchmark> benchmarks;
    private final boolean autoPick;
    private final AnswerFile answers;
    private final ChecklistData previous;

    private Prepared(Settings settings, List<Benchmark> benchmarks, boolean autoPick, AnswerFile answers,
        ChecklistData previous) {
      this.settings = settings;
      this.benchmarks = benchmarks;
      this.autoPick = autoPick;
      this.answers = answers;
      this.previous = previous;
    }

    public Settings settings() { return settings; }

    /**
     * The prepared benchmarks, in the order hosts are matched against them. Every benchmark of a run
     * from {@link EvaluateJob#prepare} is; a one-host run prepares only those its host needs.
     */
    public List<Evaluator.Prepared> benchmarks() {
      List<Evaluator.Prepared> out = new ArrayList<>();
      for (Benchmark b : benchmarks) {
        if (b.readyOrNull() == null) throw new IllegalStateException("benchmark " + b.platform().title() + " was not prepared");
        out.add(b.readyOrNull().evaluator());
      }
      return out;
    }

    public HostRun evaluate(Path hostFile) throws InputException {
      HostData host;
      try {
        host = HostDataReader.read(hostFile);
      } catch (HostDataException e) {
        throw new InputException(e.getMessage());
      }
      return evaluate(host);
    }

    /**
     * Evaluates the host against the named content, or, with bundled content, against every benchmark
     * whose platform check says the host is its platform.
     */
    public HostRun evaluate(HostData host) throws InputException {
      List<Benchmark> chosen = new ArrayList<>();
      List<Evaluator.Applicability> known = new ArrayList<>();
      if (!autoPick) {
        chosen.add(benchmarks.get(0));
        known.add(null);
      } else {
        pick(host, chosen, known);
      }
      List<BenchmarkRun> runs = new ArrayList<>();
      for (int i = 0; i < chosen.size(); i++) {
        Ready b = chosen.get(i).ready();
        Evaluator.Evaluation ev = known.get(i) == null ? b.evaluator().evaluate(host) : b.evaluator().evaluate(host, known.get(i));
        ResultExports.Rendered rendered;
        try {
          rendered = ResultExports.render(ev.testResult(), settings.formats(), answers, previous,
              "stigsmith " + settings.productVersion());
        } catch (ChecklistInputException e) {
          throw new InputException(e.getMessage());
        }
        Map<String, byte[]> files = new LinkedHashMap<>(b.documents().render(ev, rendered.testResult()));
        files.putAll(rendered.files());
        String subdir = chosen.size() == 1 ? "" : ResultExports.safeFileName(b.evaluator().benchmark().id());
        runs.add(new BenchmarkRun(ev, rendered.testResult(), subdir, files, rendered.notes()));
      }
      String name = runs.get(0).testResult().target().hostName();
      return new HostRun(name, List.copyOf(runs));
    }

    /**
     * The bundled benchmarks that apply: those whose platform check is true; when the host's platform
     * facts were not collected, the one benchmark that could apply, if there is exactly one.
     */
    private void pick(HostData host, List<Benchmark> chosen, List<Evaluator.Applicability> known) throws InputException {
      List<Benchmark> unknown = new ArrayList<>();
      List<Evaluator.Applicability> unknownWhy = new ArrayList<>();
      List<String> titles = new ArrayList<>();
      for (Benchmark b : benchmarks) {
        Evaluator.Applicability a = b.platform().applicability(host);
        titles.add(b.platform().title());
        if (a.result() == OvalResult.TRUE) {
          chosen.add(b);
          known.add(a);
        } else if (a.result() != OvalResult.FALSE) {
          unknown.add(b);
          unknownWhy.add(a);
        }
      }
      if (!chosen.isEmpty()) return;
      String who = host.facts().hostName() == null ? "the host" : "host " + host.facts().hostName();
      if (unknown.size() == 1) {
        chosen.add(unknown.get(0));
        known.add(unknownWhy.get(0));
        return;
      }
      if (unknown.size() > 1) {
        throw new NotApplicableException(who + ": its platform facts (Exchange registry keys) were not collected, so"
            + " it is not clear which bundled benchmark applies; name one with --content");
      }
      throw new NotApplicableException(who + ": no bundled benchmark applies (checked: " + String.join("; ", titles)
          + "); name content with --content");
    }
  }

  /** No bundled benchmark's platform is the host's: reported, never silently skipped. */
  public static final class NotApplicableException extends InputException {
    public NotApplicableException(String message) {
      super(message);
    }
  }

  /** Evaluates one host and writes its results to OUT/&lt;host&gt;/ (one folder per benchmark when several apply). */
  public static List<Outcome> runAll(Options o) throws InputException {
    return runAll(o, null);
  }

  /** As {@link #runAll(Options)}, picking among {@code candidates} instead of the bundled benchmarks. */
  public static List<Outcome> runAll(Options o, List<ScapSource> candidates) throws InputException {
    return runAll(o, candidates, false);
  }

  /**
   * As {@link #runAll(Options, List)}; {@code force} replaces a checklist at the output path that
   * stigsmith did not write or that was edited since (--force).
   */
  public static List<Outcome> runAll(Options o, List<ScapSource> candidates, boolean force) throws InputException {
    // The host file is read (and its schema loaded) while the content is prepared: on two cores
    // that hides most of the reading from a one-host run's start-up.
    java.util.concurrent.FutureTask<Object> read = new java.util.concurrent.FutureTask<>(() -> {
      try {
        return HostDataReader.read(o.hostData());
      } catch (HostDataException e) {
        return e;
      }
    });
    Thread reader = new Thread(read, "stigsmith-read-host");
    reader.setDaemon(true);
    reader.start();
    Prepared p = prepare(o.settings(), candidates, true);
    Object host;
    try {
      host = read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(o.hostData() + ": interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new InputException(o.hostData() + ": " + e.getCause());
    }
    if (host instanceof HostDataException e) throw new InputException(e.getMessage());
    HostRun run = p.evaluate((HostData) host);
    // The user's own path goes first: if it cannot be written, no result set is left half done.
    BenchmarkRun first = run.runs().get(0);
    Map<String, Path> sc = new LinkedHashMap<>();
    if (o.scOut() != null && first.evaluation().systemCharacteristics() != null) {
      XmlOutput.writeAtomically(o.scOut(), XmlOutput.toBytes(SystemCharacteristicsWriter.toDocument(first.evaluation().systemCharacteristics())));
      sc.put(o.scOut().getFileName().toString(), o.scOut());
    }
    Path hostDir = o.outDir().resolve(ResultExports.safeFileName(run.hostName()));
    List<Outcome> outcomes = new ArrayList<>();
    for (BenchmarkRun r : run.runs()) {
      Path dir = r.subdir().isEmpty() ? hostDir : hostDir.resolve(r.subdir());
      Map<String, Path> written = new LinkedHashMap<>(outcomes.isEmpty() ? sc : Map.of());
      try {
        written.putAll(HostOutputs.write(dir, r.files(), o.previous(), force));
      } catch (OutputSet.Refused e) {
        throw new InputException(e.getMessage());
      }
      outcomes.add(new Outcome(r.evaluation(), r.testResult(), dir, written, r.notes()));
    }
    return outcomes;
  }

  /** One host against one benchmark (named content, or the one bundled benchmark that applies). */
  public static Outcome run(Options o) throws InputException {
    return run(o, false);
  }

  /** @param force replace a checklist at the output path that is not stigsmith's own (--force) */
  public static Outcome run(Options o, boolean force) throws InputException {
    return runAll(o, null, force).get(0);
  }

  /**
   * A data stream file as is; a content folder is generated in memory first (every benchmark in it:
   * with several, each host gets those that apply to it).
   */
  static List<ScapSource> sources(Path content, String productVersion) throws InputException {
    try {
      if (Files.isDirectory(content)) {
        List<ScapSource> out = new ArrayList<>();
        for (Generator.Output o : Generator.render(content, productVersion, null)) {
          byte[] ds = o.files().get(Generator.dataStreamFile(o.benchmark()));
          Document doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(ds));
          out.add(ScapSource.of(content.resolve(Generator.dataStreamFile(o.benchmark())), doc));
        }
        if (out.isEmpty()) throw new InputException(content + ": holds no benchmark");
        return out;
      }
      return List.of(ScapSource.open(content));
    } catch (ContentException e) {
      throw new InputException(e.getMessage());
    } catch (XmlInputException e) {
      throw new InputException(e.oneLine());
    } catch (SAXException | IOException e) {
      throw new InputException(content + ": " + e.getMessage());
    }
  }
}
