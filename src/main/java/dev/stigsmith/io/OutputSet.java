package dev.stigsmith.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The files of one result set (one host's results, one benchmark's content), written all or
 * nothing: every file is first written in full to a staging folder inside the target folder, then
 * each existing file is moved aside and the new one renamed into place; if anything fails, the
 * files moved aside are put back and the staging folder removed, so the previous outputs stay as
 * they were and no partial file is left.
 *
 * <p>A file may carry a {@link Guard}: before anything is replaced, each guarded file that exists
 * is asked whether it may be; one that may not (a checklist someone else wrote or edited) stops the
 * whole set unless {@link #force} was given. The set records a SHA-256 of what it wrote in
 * {@value #RECORD}, so a guard can tell "still exactly what stigsmith wrote" from "edited since".
 *
 * <pre>{@code
 * OutputSet set = OutputSet.in(hostDir).force(options.force());
 * set.add("xccdf-results.xml", bytes);
 * set.add("EDGE01.ckl", cklBytes, OutputSet.checklistGuard(previous));
 * List<Path> written = set.commit();   // throws OutputSet.Refused or UncheckedIOException
 * }</pre>
 */
public final class OutputSet {
  /** Hidden file in the target folder: "sha256 name" per file the last commit wrote. */
  public static final String RECORD = ".stigsmith-outputs";

  /** Whether an existing file may be replaced by the one this set would write. */
  @FunctionalInterface
  public interface Guard {
    /** @param recordedSha256 what stigsmith last wrote at this path, or null when not recorded */
    boolean mayReplace(Path existing, byte[] replacement, String recordedSha256) throws IOException;
  }

  /** A guarded file may not be replaced; nothing was written. The message is one line. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  private record Entry(byte[] bytes, Guard guard) {}

  /** Test seam: called before each file is moved into place; a test makes it throw to fail halfway. */
  static java.util.function.Consumer<String> beforeMove = name -> { };

  private final Path dir;
  private final Map<String, Entry> files = new LinkedHashMap<>();
  private boolean force;
  private String why = "was not written by stigsmith, or was changed since";

  private OutputSet(Path dir) {
    this.dir = dir;
  }

  public static OutputSet in(Path dir) {
    return new OutputSet(dir);
  }

  /** Replace guarded files all the same (the CLI's --force). */
  public OutputSet force(boolean force) {
    this.force = force;
    return this;
  }

  public OutputSet add(String name, byte[] bytes) {
    return add(name, bytes, null);
  }

  public OutputSet add(String name, byte[] bytes, Guard guard) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".") || name.equals(RECORD)) {
      throw new IllegalArgumentException("not a plain file name: " + name);
    }
    files.put(name, new Entry(bytes, guard));
    return this;
  }

  public Path dir() {
    return dir;
  }

  /** The record file's text for these files (name → bytes), in the order given. */
  public static byte[] record(Map<String, byte[]> files) {
    StringBuilder rec = new StringBuilder();
    files.forEach((name, bytes) -> rec.append(sha256(bytes)).append("  ").append(name).append('\n'));
    return rec.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the set; on return every file is in place, on any exception none of the set's targets changed. */
  public List<Path> commit() throws Refused {
    Map<String, String> recorded = readRecord();
    for (Map.Entry<String, Entry> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      Guard g = f.getValue().guard();
      if (g == null || force || !Files.exists(target)) continue;
      boolean may;
      try {
        may = g.mayReplace(target, f.getValue().bytes(), recorded.get(f.getKey()));
      } catch (IOException e) {
        may = false;
      }
      if (!may) {
        throw new Refused(target + ": exists and " + why + "; pass it as --previous to keep its answers,"
            + " or use --force to overwrite it");
      }
    }
    boolean createdDir = !Files.isDirectory(dir);
    Path stage = null;
    List<Path> placed = new ArrayList<>();
    Map<Path, Path> movedAside = new LinkedHashMap<>();
    boolean committed = false;
    try {
      Files.createDirectories(dir);
      stage = Files.createDirectory(dir.resolve(".stigsmith-staging-" + UUID.randomUUID()));
      Map<String, String> record = new LinkedHashMap<>(recorded);
      for (Map.Entry<String, Entry> f : files.entrySet()) {
        write(stage.resolve(f.getKey()), f.getValue().bytes());
        record.put(f.getKey(), sha256(f.getValue().bytes()));
      }
      StringBuilder rec = new StringBuilder();
      record.forEach((name, sha) -> rec.append(sha).append("  ").append(name).append('\n'));
      write(stage.resolve(RECORD), rec.toString().getBytes(StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>(files.keySet());
      names.add(RECORD);
      Path aside = Files.createDirectory(stage.resolve(".previous"));
      for (String name : names) {
        Path target = dir.resolve(name);
        try {
          beforeMove.accept(name);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        if (Files.exists(target)) {
          Path keep = aside.resolve(name);
          move(target, keep);
          movedAside.put(target, keep);
        }
        move(stage.resolve(name), target);
        placed.add(target);
      }
      placed.remove(dir.resolve(RECORD));
      committed = true;
      return placed;
    } catch (IOException e) {
      // Undo: remove what was placed, put back what was moved aside.
      for (Path p : placed) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort; reported below
        }
      }
      movedAside.forEach((target, keep) -> {
        try {
          move(keep, target);
        } catch (IOException ignored) {
          // best effort; reported below
        }
      });
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage() + " (nothing was changed)", e);
    } finally {
      if (stage != null) deleteTree(stage);
      if (createdDir && !committed) {
        try {
          Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException ignored) {
          // someone else's file appeared meanwhile: leave the folder
        } catch (IOException ignored) {
          // nothing of ours is in it
        }
      }
    }
  }

  private Map<String, String> readRecord() {
    return recorded(dir);
  }

  /** What the last set written in {@code dir} recorded, by file name; empty when there is no record. */
  public static Map<String, String> recorded(Path dir) {
    Map<String, String> m = new LinkedHashMap<>();
    Path rec = dir.resolve(RECORD);
    if (!Files.isRegularFile(rec)) return m;
    try {
      for (String line : Files.readAllLines(rec, StandardCharsets.UTF_8)) {
        int sp = line.indexOf("  ");
        if (sp == 64) m.put(line.substring(sp + 2), line.substring(0, sp));
      }
    } catch (IOException e) {
      // an unreadable record protects nothing: every guarded file counts as not recorded
    }
    return m;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A new file with these bytes, handed to the kernel in one write (Files.write makes one per 8 KB).
   * Created without attributes, so the file gets the user's umask (createTempFile would make it 0600).
   */
  public static void write(Path p, byte[] bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(bytes);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path p) {
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
    } catch (IOException ignored) {
      // a leftover hidden staging folder is harmless and never read
    }
  }
}
