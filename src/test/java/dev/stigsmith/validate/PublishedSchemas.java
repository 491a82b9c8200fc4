package dev.stigsmith.validate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The published report schemas the formats are checked against, which are not ours to commit: SARIF 2.1.0's
 * JSON schema (OASIS; shipped in the npm package @microsoft/jest-sarif) and the Apache Ant JUnit XML schema
 * (Windy Road, Apache-2.0; shipped inside the npm package junit-xml's test). They are fetched with
 * `npm pack` into target/published-schemas once; a machine without npm or the registry skips these tests.
 * STIGSMITH_SARIF_SCHEMA / STIGSMITH_JUNIT_XSD point at local copies instead.
 */
final class PublishedSchemas {
  private PublishedSchemas() {}

  private static final Path DIR = Path.of("target", "published-schemas");

  static Path sarif() throws Exception {
    String given = System.getenv("STIGSMITH_SARIF_SCHEMA");
    if (given != null) return Path.of(given);
    Path out = DIR.resolve("sarif-2.1.0-rtm.5.json");
    if (!Files.isRegularFile(out)) {
      Path pkg = unpack("@microsoft/jest-sarif@1.0.0-beta.0", "microsoft-jest-sarif-1.0.0-beta.0.tgz");
      Files.copy(pkg.resolve("package/lib/schemas/sarif-2.1.0-rtm.5.json"), out);
    }
    return out;
  }

  static Path junit() throws Exception {
    String given = System.getenv("STIGSMITH_JUNIT_XSD");
    if (given != null) return Path.of(given);
    Path out = DIR.resolve("ant-junit.xsd");
    if (!Files.isRegularFile(out)) {
      Path pkg = unpack("junit-xml@1.2.0", "junit-xml-1.2.0.tgz");
      String test = Files.readString(pkg.resolve("package/src/index.test.ts"), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("const antJunitSchema = '(.*?)';\\n", Pattern.DOTALL).matcher(test);
      assumeTrue(m.find(), "junit-xml no longer carries the Ant JUnit schema");
      Files.writeString(out, m.group(1), StandardCharsets.UTF_8);
    }
    return out;
  }

  private static Path unpack(String spec, String tarball) throws Exception {
    boolean npm = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "npm")));
    assumeTrue(npm, "npm is not on PATH: cannot fetch " + spec);
    Files.createDirectories(DIR);
    Path work = Files.createTempDirectory(DIR, "npm");
    assumeTrue(run(work, "npm", "pack", "--silent", spec), "npm pack " + spec + " failed (no registry?)");
    assumeTrue(run(work, "tar", "xzf", tarball), "cannot unpack " + tarball);
    return work;
  }

  private static boolean run(Path dir, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
