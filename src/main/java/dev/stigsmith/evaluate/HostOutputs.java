package dev.stigsmith.evaluate;

import dev.stigsmith.export.ChecklistGuard;
import dev.stigsmith.io.OutputSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one place a host's result files are written. The single-host path replaces files one by one
 * in an existing folder (each atomically); the fleet path builds the whole folder under a hidden
 * temporary name and renames it into place, so an interrupted run leaves finished hosts complete
 * and no half-written folder under its real name.
 */
public final class HostOutputs {
  /** Hidden folders of a set being written; left only by a killed run and removed by the next. */
  static final String PARTIAL = ".partial-";

  private HostOutputs() {}

  /**
   * Writes one result set into {@code dir}, all or nothing ({@link OutputSet}); a checklist there that
   * stigsmith did not write, or that was edited since, stops the set unless {@code force} (or it is
   * the {@code previous} checklist whose answers the new one carries).
   */
  public static Map<String, Path> write(Path dir, Map<String, byte[]> files, Path previous, boolean force)
      throws OutputSet.Refused {
    OutputSet set = OutputSet.in(dir).force(force);
    files.forEach((name, bytes) ->
        set.add(name, bytes, ChecklistGuard.isChecklist(name) ? ChecklistGuard.guard(previous) : null));
    Map<String, Path> written = new LinkedHashMap<>();
    for (Path p : set.commit()) written.put(p.getFileName().toString(), p);
    return written;
  }

  /**
   * Writes {@code files} (relative paths) as the complete content of {@code dir}: built beside it
   * under a hidden name, then renamed. A previous folder of that name is replaced as a whole.
   */
  public static void writeSet(Path dir, Map<String, byte[]> files) {
    try {
      writeSet(dir, files, null, true);
    } catch (OutputSet.Refused e) {
      throw new IllegalStateException(e);  // cannot happen with force
    }
  }

  /**
   * As {@link #writeSet(Path, Map)}; a checklist in the previous folder that stigsmith did not write
   * (or that was edited since) stops the replacement unless {@code force}. Each folder of the set gets
   * the {@link OutputSet#RECORD} of what was written, as a single-host run leaves it.
   */
  public static void writeSet(Path dir, Map<String, byte[]> files, Path previous, boolean force) throws OutputSet.Refused {
    if (!force) guardChecklists(dir, files, previous);
    Path parent = dir.toAbsolutePath().getParent();
    Path tmp = parent.resolve(PARTIAL + dir.getFileName() + "-" + Long.toHexString(System.nanoTime()));
    try {
      Files.createDirectories(tmp);
      Map<Path, Map<String, byte[]>> byFolder = new LinkedHashMap<>();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = tmp.resolve(f.getKey());
        if (!p.getParent().equals(tmp)) Files.createDirectories(p.getParent());
        OutputSet.write(p, f.getValue());
        byFolder.computeIfAbsent(p.getParent(), k -> new LinkedHashMap<>()).put(p.getFileName().toString(), f.getValue());
      }
      for (Map.Entry<Path, Map<String, byte[]>> f : byFolder.entrySet()) {
        OutputSet.write(f.getKey().resolve(OutputSet.RECORD), OutputSet.record(f.getValue()));
      }
      Path old = null;
      if (Files.exists(dir)) {
        old = parent.resolve(PARTIAL + dir.getFileName() + "-old-" + Long.toHexString(System.nanoTime()));
        move(dir, old);
      }
      move(tmp, dir);
      if (old != null) deleteTree(old);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void guardChecklists(Path dir, Map<String, byte[]> files, Path previous) throws OutputSet.Refused {
    OutputSet.Guard guard = ChecklistGuard.guard(previous);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      if (!ChecklistGuard.isChecklist(f.getKey()) || !Files.exists(target)) continue;
      boolean may;
      try {
        may = guard.mayReplace(target, f.getValue(), OutputSet.recorded(target.getParent()).get(target.getFileName().toString()));
      } catch (IOException e) {
        may = false;
      }
      if (!may) {
        throw new OutputSet.Refused(target + ": exists and was not written by stigsmith, or was changed since;"
            + " use --force to overwrite it");
      }
    }
  }

  /** Removes hidden partial folders a killed run left in {@code out}. */
  public static void removePartials(Path out) {
    if (!Files.isDirectory(out)) return;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, PARTIAL + "*")) {
      for (Path p : ds) deleteQuietly(p);
    } catch (IOException e) {
      // Leftovers are hidden and harmless; the run goes on.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteQuietly(Path p) {
    try {
      deleteTree(p);
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
    }
  }
}
