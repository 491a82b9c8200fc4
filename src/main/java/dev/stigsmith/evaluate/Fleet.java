package dev.stigsmith.evaluate;

import dev.stigsmith.export.ResultExports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Many hosts in one run: a pure map of {@link EvaluateJob.Prepared#evaluate} over host files, in
 * parallel. Workers take files in order; each host's folder name is claimed in file order (so two
 * files naming one host get the same folders on every run) and its summary row is emitted in file
 * order, while evaluation and writing run in parallel. A host's results are written as soon as it
 * is done and then dropped: memory holds only the hosts in flight.
 */
public final class Fleet {
  /** What a caller hears as hosts finish (called in file order, from worker threads). */
  public interface Progress {
    void started(int total);

    void hostDone(HostEntry entry, int done, int total);
  }

  /** One host file's outcome: evaluated (one row per benchmark), or an error entry with one line. */
  public record HostEntry(int index, Path file, String hostName, String folder, List<Row> rows, String error,
      String duplicateOf, boolean notApplicable) {
    public boolean failed() { return error != null; }

    /** For an error entry: {@code not-applicable} (no bundled benchmark is for it) or {@code unreadable}. */
    public String errorStatus() { return notApplicable ? "not-applicable" : "unreadable"; }

    public int exitCode() {
      if (error != null) return 1;
      int worst = 0;
      for (Row r : rows) worst = EvaluateJob.worse(worst, r.exitCode());
      return worst;
    }
  }

  /** One host × benchmark: its verdicts by STIG ID (in rule order), score and exit code. */
  public record Row(String benchmarkId, String folder, Map<String, String> results, double score, int exitCode,
      Map<String, Integer> counts) {}

  /** The run's totals. */
  public record Result(int hosts, int evaluated, int errors, int unreadable, int exitCode, boolean interrupted,
      Path summaryCsv, Path summaryJson, Path overview) {
    /** Host files with no applicable bundled benchmark. */
    public int notApplicable() { return errors - unreadable; }
  }

  private final EvaluateJob.Prepared prepared;
  private final Path out;
  private final int jobs;
  private final AtomicBoolean stop = new AtomicBoolean();

  private volatile boolean force;

  /** Replace checklists in existing host folders even if stigsmith did not write them (--force). */
  public Fleet force(boolean force) {
    this.force = force;
    return this;
  }

  public Fleet(EvaluateJob.Prepared prepared, Path out, int jobs) {
    this.prepared = prepared;
    this.out = out;
    this.jobs = Math.max(1, jobs);
  }

  /** Asks the run to finish the hosts in flight and start no more (an interrupt). */
  public void stop() { stop.set(true); }

  /**
   * The host files a {@code --hosts} argument names: a folder's entries (each file one host, each
   * subfolder one host's exports), or a glob such as {@code data/*.json}; sorted, hidden names skipped.
   */
  public static List<Path> hostFiles(String dirOrGlob) throws EvaluateJob.InputException {
    Path asPath = glob(dirOrGlob) ? null : Path.of(dirOrGlob);
    List<Path> found = new ArrayList<>();
    try {
      if (asPath != null) {
        if (!Files.isDirectory(asPath)) {
          if (Files.isRegularFile(asPath)) return List.of(asPath);
          throw new EvaluateJob.InputException(dirOrGlob + ": no such folder or file");
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(asPath)) {
          for (Path p : ds) if (!p.getFileName().toString().startsWith(".")) found.add(p);
        }
      } else {
        String[] parts = dirOrGlob.replace('\\', '/').split("/");
        int firstGlob = 0;
        while (firstGlob < parts.length && !glob(parts[firstGlob])) firstGlob++;
        String baseText = String.join("/", java.util.Arrays.copyOfRange(parts, 0, firstGlob));
        Path base = Path.of(baseText.isEmpty() ? (dirOrGlob.startsWith("/") ? "/" : ".") : baseText);
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, firstGlob, parts.length));
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(base)) throw new EvaluateJob.InputException(dirOrGlob + ": no such folder " + base);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - firstGlob;
        final Path b = base;
        try (Stream<Path> s = Files.walk(base, depth)) {
          s.filter(p -> !p.equals(b) && m.matches(b.relativize(p)) && !p.getFileName().toString().startsWith("."))
              .forEach(found::add);
        }
      }
    } catch (IOException e) {
      throw new EvaluateJob.InputException(dirOrGlob + ": " + e.getMessage());
    }
    found.sort(null);
    if (found.isEmpty()) throw new EvaluateJob.InputException(dirOrGlob + ": no host files");
    return found;
  }

  private static boolean glob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }

  public Result run(List<Path> files, Progress progress) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    HostOutputs.removePartials(out);
    FleetSummary summary = new FleetSummary(out, prepared);
    int total = files.size();
    progress.started(total);
    AtomicInteger next = new AtomicInteger();
    Turnstile claims = new Turnstile();
    Turnstile rows = new Turnstile();
    Map<String, Integer> folders = new HashMap<>();
    Map<String, Path> firstFileOfHost = new HashMap<>();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "stigsmith-host");
      t.setDaemon(true);
      return t;
    });
    List<Throwable> failures = new ArrayList<>();
    for (int w = 0; w < jobs; w++) {
      pool.execute(() -> {
        while (true) {
          int i = next.getAndIncrement();
          if (i >= total) return;
          if (stop.get()) {
            // Let the files after this one go on claiming and emitting in order.
            claims.await(i);
            claims.pass(i);
            rows.await(i);
            rows.pass(i);
            continue;
          }
          Path file = files.get(i);
          EvaluateJob.HostRun run = null;
          String error = null;
          boolean notApplicable = false;
          try {
            run = prepared.evaluate(file);
          } catch (EvaluateJob.NotApplicableException e) {
            error = e.getMessage();
            notApplicable = true;
          } catch (EvaluateJob.InputException e) {
            error = e.getMessage();
          } catch (RuntimeException | StackOverflowError e) {
            error = file + ": could not be evaluated: " + e;
          }
          String host = run == null ? null : run.hostName();
          String folder;
          String duplicateOf = null;
          claims.await(i);
          try {
            String base = ResultExports.safeFileName(host != null ? host : stem(file));
            int n = folders.merge(base, 1, Integer::sum);
            folder = n == 1 ? base : base + "~" + n;
            if (host != null) {
              Path first = firstFileOfHost.putIfAbsent(host, file);
              if (first != null) duplicateOf = first.toString();
            }
          } finally {
            claims.pass(i);
          }
          HostEntry entry;
          try {
            entry = write(i, file, host, folder, run, error, duplicateOf, notApplicable);
          } catch (UncheckedIOException e) {
            entry = new HostEntry(i, file, host, folder, List.of(), e.getMessage(), duplicateOf, false);
          }
          run = null;
          rows.await(i);
          try {
            summary.add(entry);
            progress.hostDone(entry, done.incrementAndGet(), total);
          } catch (RuntimeException e) {
            synchronized (failures) {
              failures.add(e);
            }
          } finally {
            rows.pass(i);
          }
        }
      });
    }
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // waiting for the workers; stop() makes them drain quickly
      }
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
    }
    if (!failures.isEmpty()) throw new IllegalStateException("fleet summary: " + failures.get(0).getMessage(), failures.get(0));
    FleetSummary.Totals t = summary.finish(stop.get());
    return new Result(total, t.evaluated(), t.errors(), t.unreadable(), t.exitCode(), stop.get(), summary.csv(),
        summary.json(), summary.html());
  }

  private HostEntry write(int i, Path file, String host, String folder, EvaluateJob.HostRun run, String error,
      String duplicateOf, boolean notApplicable) {
    Path dir = out.resolve(folder);
    if (run == null) {
      HostOutputs.writeSet(dir, Map.of("error.txt", (file + ": " + oneLine(error) + "\n").getBytes(StandardCharsets.UTF_8)));
      return new HostEntry(i, file, null, folder, List.of(), oneLine(error), duplicateOf, notApplicable);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Row> rows = new ArrayList<>();
    for (EvaluateJob.BenchmarkRun b : run.runs()) {
      String prefix = b.subdir().isEmpty() ? "" : b.subdir() + "/";
      b.files().forEach((name, bytes) -> files.put(prefix + name, bytes));
      Map<String, String> results = new LinkedHashMap<>();
      b.testResult().ruleResults().forEach(r -> results.put(r.rule().stigId(), r.effectiveResult().xccdf()));
      Map<String, Integer> counts = new LinkedHashMap<>();
      b.testResult().counts().forEach((k, v) -> counts.put(k.xccdf(), v));
      rows.add(new Row(b.testResult().benchmark().id(), b.subdir().isEmpty() ? folder : folder + "/" + b.subdir(),
          results, b.testResult().score(), b.exitCode(), counts));
    }
    try {
      HostOutputs.writeSet(dir, files, null, force);
    } catch (dev.stigsmith.io.OutputSet.Refused e) {
      // Someone's checklist is kept; this host's new results are not written.
      return new HostEntry(i, file, host, folder, List.of(), oneLine(e.getMessage()), duplicateOf, false);
    }
    return new HostEntry(i, file, host, folder, List.copyOf(rows), null, duplicateOf, false);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** Lets index i through only after every index before it has passed. */
  private static final class Turnstile {
    private int next;

    synchronized void await(int i) {
      while (next != i) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }

    synchronized void pass(int i) {
      next = i + 1;
      notifyAll();
    }
  }
}
