package dev.stigsmith.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The bundled content and copies of it that tests may break. */
public final class Content {
  private Content() {}

  /** The project's content folder (tests run with the project root as working directory). */
  public static Path root() {
    return Path.of("content").toAbsolutePath();
  }

  public static Path edge() {
    return root().resolve("exchange-2016-edge");
  }

  /** Copies content/ (benchmarks and cci.yaml, not samples) to {@code dir}/content. */
  public static Path copyTo(Path dir) {
    Path target = dir.resolve("content");
    copyTree(edge(), target.resolve("exchange-2016-edge"));
    try {
      Files.copy(root().resolve("cci.yaml"), target.resolve("cci.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  public static void copyTree(Path from, Path to) {
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(d).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
          Files.copy(f, to.resolve(from.relativize(f).toString()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
