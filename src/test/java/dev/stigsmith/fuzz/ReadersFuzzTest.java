package dev.stigsmith.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.export.ChecklistInputException;
import dev.stigsmith.export.ChecklistReader;
import dev.stigsmith.hostdata.HostDataException;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.importer.DisaBenchmarkImporter;
import dev.stigsmith.importer.ImportException;
import dev.stigsmith.scap.xccdf.TestResultReader;
import dev.stigsmith.xml.XmlInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzz targets for every reader of user input. Each takes arbitrary bytes as the
 * file a user would hand us; the only acceptable outcomes are a value or the reader's own one-line
 * bad-input exception. Anything else (a RuntimeException, a StackOverflowError, a message over
 * several lines) is a finding.
 *
 * <p>{@code mvn test} replays the seed corpus in {@code src/test/resources/dev/stigsmith/fuzz/
 * ReadersFuzzTestInputs/<method>/} (and every finding saved there); {@code JAZZER_FUZZ=1 mvn test
 * -Dtest='ReadersFuzzTest#clixml' -Djazzer.max_duration=5m} fuzzes one target.
 */
@Tag("fuzz")
class ReadersFuzzTest {
  private static final Path DIR = tempDir();

  private static Path tempDir() {
    try {
      Path d = Files.createTempDirectory("stigsmith-fuzz-");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(String name, byte[] data) {
    try {
      return Files.write(DIR.resolve(name), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs one read with stderr captured: a library that prints there (the JDK's StAX parser prints
   * "[Fatal Error]" for bad bytes) breaks the CLI's one-line rule, so that is a finding too.
   */
  private static void quietly(Runnable read) {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      read.run();
    } finally {
      System.setErr(saved);
    }
    // Jazzer logs its own instrumentation of lazily loaded classes there ("INFO: Instrumented ...").
    String ours = captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
        .filter(l -> !l.startsWith("INFO: ") && !l.startsWith("WARN: ")).reduce("", (a, b) -> a + b + "\n");
    if (!ours.isEmpty()) throw new AssertionError("the reader wrote to stderr: " + ours);
  }

  /** A refusal must be what a user can read: one line. */
  private static void oneLine(String message) {
    if (message == null || message.isBlank() || message.contains("\n")) {
      throw new AssertionError("bad-input message is not one line: " + message);
    }
  }

  private static void hostData(String name, byte[] data) {
    quietly(() -> {
      try {
        HostDataReader.read(write(name, data));
      } catch (HostDataException e) {
        oneLine(e.getMessage());
      }
    });
  }

  @FuzzTest(maxDuration = "25s")
  void clixml(byte[] data) {
    hostData("Get-SendConnector.xml", data);
  }

  @FuzzTest(maxDuration = "25s")
  void hostJson(byte[] data) {
    hostData("host.json", data);
  }

  @FuzzTest(maxDuration = "25s")
  void hostCsv(byte[] data) {
    hostData("Get-ReceiveConnector.csv", data);
  }

  private static final Path BENCHMARK = benchmarkDir();

  private static Path benchmarkDir() {
    try {
      Path b = Files.createDirectories(DIR.resolve("content/fuzz"));
      Files.createDirectories(b.resolve("rules"));
      Files.writeString(DIR.resolve("content/cci.yaml"),
          "ccis:\n  - id: CCI-001184\n    nist: [SC-23]\n    definition: Protects the authenticity of sessions.\n");
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "25s")
  void contentLoader(byte[] data) {
    quietly(() -> {
      try {
        Files.write(BENCHMARK.resolve("benchmark.yaml"), data);
        ContentLoader.load(BENCHMARK);
      } catch (ContentException e) {
        oneLine(e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @FuzzTest(maxDuration = "25s")
  void disaImporter(byte[] data) {
    quietly(() -> {
      try {
        DisaBenchmarkImporter.read(write("stig-xccdf.xml", data));
      } catch (ImportException e) {
        oneLine(e.getMessage());
      }
    });
  }

  @FuzzTest(maxDuration = "25s")
  void checklist(byte[] data) {
    quietly(() -> {
      try {
        ChecklistReader.read(write("previous.ckl", data));
      } catch (ChecklistInputException e) {
        oneLine(e.getMessage());
      }
    });
  }

  @FuzzTest(maxDuration = "25s")
  void xccdfResults(byte[] data) {
    quietly(() -> {
      try {
        TestResultReader.read(write("xccdf-results.xml", data));
      } catch (XmlInputException e) {
        oneLine(e.oneLine());
      }
    });
  }
}
