package dev.stigsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens in a real browser without console errors. Runs where Debian's chromium is
 * installed (apt-get install chromium); skips elsewhere.
 */
class HtmlReportBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir Path tmp;

  @Test
  void reportOpensWithoutConsoleMessages() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    Cli.Result r = Cli.run("evaluate", "--content", Content.edge().toString(), "--host-data",
        Content.root().resolve("samples/edge-noncompliant.json").toString(), "--out", tmp.resolve("out").toString(),
        "--format", "html", "--timestamp", "2024-02-01T00:00:00Z");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    Path report = tmp.resolve("out/EDGE02/report.html");
    String html = Files.readString(report);
    assertThat(html).doesNotContainPattern("(src|href)=\"https?://");

    // The check can see console messages at all: a page that logs and throws is caught.
    Path bad = tmp.resolve("bad.html");
    Files.writeString(bad, "<html><body><script>console.error('boom'); missing();</script></body></html>");
    assertThat(consoleLines(bad)).isNotEmpty();

    assertThat(consoleLines(report)).isEmpty();
  }

  private List<String> consoleLines(Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium");
    Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(err, StandardCharsets.UTF_8).lines().filter(l -> l.contains(":CONSOLE")).toList();
  }
}
