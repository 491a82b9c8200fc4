package dev.stigsmith.cli;

import dev.stigsmith.evaluate.Fleet;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Fleet progress: a bar on a terminal, plain lines otherwise, nothing but errors when quiet. */
abstract class FleetProgress implements Fleet.Progress, AutoCloseable {
  protected final PrintWriter err;

  FleetProgress(PrintWriter err) {
    this.err = err;
  }

  static FleetProgress choose(boolean quiet, PrintWriter out, PrintWriter err) {
    if (quiet) return new Quiet(err);
    if (System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"))) return new Bar(err);
    return new Lines(out, err);
  }

  @Override
  public void hostDone(Fleet.HostEntry e, int done, int total) {
    if (e.failed()) {
      err.println("error: " + e.error());
      err.flush();
    } else if (e.duplicateOf() != null) {
      err.println("note: " + e.file() + " names host " + e.hostName() + " as " + e.duplicateOf() + " does; its results are in "
          + e.folder());
      err.flush();
    }
    step(done, total);
  }

  abstract void step(int done, int total);

  @Override
  public void close() {}

  private static final class Quiet extends FleetProgress {
    Quiet(PrintWriter err) {
      super(err);
    }

    @Override
    public void started(int total) {}

    @Override
    void step(int done, int total) {}
  }

  /** One line about every second (and at the end): done/total, rate, ETA. */
  private static final class Lines extends FleetProgress {
    private final PrintWriter out;
    private long start;
    private long lastLine;

    Lines(PrintWriter out, PrintWriter err) {
      super(err);
      this.out = out;
    }

    @Override
    public void started(int total) {
      start = System.nanoTime();
      lastLine = start;
    }

    @Override
    void step(int done, int total) {
      long now = System.nanoTime();
      if (done < total && now - lastLine < 1_000_000_000L) return;
      lastLine = now;
      double secs = Math.max(1e-9, (now - start) / 1e9);
      double rate = done / secs;
      long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      out.printf(Locale.ROOT, "evaluated %d/%d hosts (%.0f hosts/s, ETA %ds)%n", done, total, rate, eta);
      out.flush();
    }
  }

  private static final class Bar extends FleetProgress {
    private ProgressBar bar;

    Bar(PrintWriter err) {
      super(err);
    }

    @Override
    public void started(int total) {
      bar = new ProgressBarBuilder().setTaskName("hosts").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(200).showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
          .setUnit(" hosts", 1).setMaxRenderedLength(100).build();
    }

    @Override
    void step(int done, int total) {
      bar.stepTo(done);
    }

    @Override
    public void close() {
      if (bar != null) bar.close();
    }
  }
}
