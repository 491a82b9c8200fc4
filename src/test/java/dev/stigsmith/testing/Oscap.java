package dev.stigsmith.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSCAP's oscap as a second opinion; tests using it skip when it is not installed. */
public final class Oscap {
  private Oscap() {}

  public record Run(int exitCode, String output) {}

  public static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "oscap"))) return true;
    }
    return false;
  }

  public static void assumeAvailable() {
    assumeTrue(available(), "oscap is not installed");
  }

  public static Run run(Path workDir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("oscap");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("oscap timed out: " + cmd);
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run oscap: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
