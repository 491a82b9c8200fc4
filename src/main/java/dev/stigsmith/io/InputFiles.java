package dev.stigsmith.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/** Reads a user's file whole, refusing one larger than {@link InputLimits#fileBytes()} before reading it. */
public final class InputFiles {
  private InputFiles() {}

  /** A file over the size limit; its message is the whole problem, without the file name. */
  public static final class TooLarge extends IOException {
    public TooLarge(long size, long limit) {
      super("file is " + size + " bytes, more than the limit of " + limit + " (-Dstigsmith.limit.file-bytes)");
    }
  }

  public static byte[] read(Path file) throws IOException {
    long limit = InputLimits.current().fileBytes();
    if (Files.isRegularFile(file)) {
      long size = Files.size(file);
      if (size > limit) throw new TooLarge(size, limit);
    }
    // Also bounded for what is not a regular file (a pipe, /dev/zero): read at most limit + 1 bytes.
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (b.length > limit) throw new TooLarge(b.length, limit);
      return b;
    }
  }

  /** The one-line problem for a failed read (without the file name, which the caller's exception carries). */
  public static String problem(IOException e) {
    if (e instanceof TooLarge) return e.getMessage();
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "cannot read: permission denied";
    return "cannot read: " + e.getMessage();
  }
}
