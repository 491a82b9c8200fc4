package dev.stigsmith.evaluate;

import dev.stigsmith.xml.XmlOutput;
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

  /** Writes each file atomically into {@code dir}, keeping other files there. */
  public static Map<String, Path> write(Path dir, Map<String, byte[]> files) {
    Map<String, Path> written = new LinkedHashMap<>();
    files.forEach((name, bytes) -> {
      Path p = dir.resolve(name);
      XmlOutput.writeAtomically(p, bytes);
      written.put(name, p);
    });
    return written;
  }

  /**
   * Writes {@code files} (relative paths) as the complete content of {@code dir}: built beside it
   * under a hidden name, then renamed. A previous folder of that name is replaced as a whole.
   */
  public static void writeSet(Path dir, Map<String, byte[]> files) {
    Path parent = dir.toAbsolutePath().getParent();
    Path tmp = parent.resolve(PARTIAL + dir.getFileName() + "-" + Long.toHexString(System.nanoTime()));
    try {
      Files.createDirectories(tmp);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = tmp.resolve(f.getKey());
        if (!p.getParent().equals(tmp)) Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
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
