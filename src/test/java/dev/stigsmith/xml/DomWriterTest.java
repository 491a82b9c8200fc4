package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.evaluate.SyntheticFleet;
import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct writer against the JDK serialiser it replaces: every document of a generate run over
 * all content and of evaluate runs (every sample, a synthetic estate, every result format) is
 * serialised both ways and must come out byte for byte the same.
 */
class DomWriterTest {
  @TempDir Path tmp;

  @AfterEach
  void off() {
    XmlOutput.crossCheck = false;
  }

  /** Shapes and characters our builders rarely or never make: whichever path takes them, the bytes are the JDK's. */
  @Test
  void awkwardShapesComeOutAsTheJdkSerialiserWritesThem() {
    String[] texts = {"plain", "a & b < c > d \"q\" 'a'", "two\nlines", "tab\there", "cr\rhere", "\u0001", "\u007f\u0085",
        "caf\u00e9 \u2019quoted\u2019 \u2028", "\ud83d\ude00", " ", "", "-- dash", "]]>",
        // long enough to grow the writer's buffer in the middle of escaping
        "\"".repeat(40_000), "\u00e9&\u20ac<".repeat(20_000) + "x", "a".repeat(70_000) + "\u0001"};
    for (String t : texts) {
      for (int shape = 0; shape < 6; shape++) {
        org.w3c.dom.Document d = SafeXml.newDocument();
        if (shape == 5) d.appendChild(d.createComment(t.replace("--", "- -")));
        org.w3c.dom.Element root = d.createElementNS("urn:a", "a:root");
        d.appendChild(root);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:a", "urn:a");
        org.w3c.dom.Element child = d.createElementNS("urn:b", "child");
        root.appendChild(child);
        switch (shape) {
          case 0 -> child.appendChild(d.createTextNode(t));
          case 1 -> child.setAttribute("v", t);
          case 2 -> {
            child.appendChild(d.createTextNode(t));
            child.appendChild(d.createElement("inner"));
          }
          case 3 -> child.appendChild(d.createCDATASection(t.replace("]]>", "")));
          case 4 -> {
            child.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
            child.setAttributeNS("urn:c", "c:x", t);
            child.appendChild(d.createElementNS("urn:b", "grandchild")).appendChild(d.createTextNode(t));
          }
          default -> root.appendChild(d.createComment("inside"));
        }
        assertThat(new String(XmlOutput.toBytes(d), StandardCharsets.UTF_8)).as("shape %d, text %s", shape, t)
            .isEqualTo(new String(XmlOutput.viaTransformer(d), StandardCharsets.UTF_8));
      }
    }
  }

  /** Random mixes of plain runs, markup, newlines and non-ASCII characters, in text and attributes alike. */
  @Test
  void randomTextsComeOutAsTheJdkSerialiserWritesThem() {
    char[] alphabet = {'a', 'Z', '0', ' ', '&', '<', '>', '"', '\'', '\n', '\t', '=', '\u00e9', '\u2019', '\u0085', '\u007f'};
    java.util.Random random = new java.util.Random(17);
    for (int k = 0; k < 400; k++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(k % 10 == 0 ? 300 : 12);
      for (int i = 0; i < len; i++) {
        // Mostly plain characters, so runs of every length occur between the special ones.
        sb.append(random.nextInt(4) > 0 ? alphabet[random.nextInt(4)] : alphabet[random.nextInt(alphabet.length)]);
      }
      String t = sb.toString();
      org.w3c.dom.Document d = SafeXml.newDocument();
      org.w3c.dom.Element root = d.createElementNS(null, "root");
      d.appendChild(root);
      root.setAttribute("v", t);
      root.appendChild(d.createElement("text")).appendChild(d.createTextNode(t));
      assertThat(new String(XmlOutput.toBytes(d), StandardCharsets.UTF_8)).as("text %s", t)
          .isEqualTo(new String(XmlOutput.viaTransformer(d), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyDocumentOfGenerateAndEvaluateRunsIsWrittenAsTheJdkSerialiserWritesIt() throws Exception {
    XmlOutput.mismatch.set(null);
    XmlOutput.crossCheck = true;
    long before = XmlOutput.written.get();

    Cli.Result g = Cli.run("generate", "--content", Content.root().toString(), "--out", tmp.resolve("gen").toString(),
        "--timestamp", "2024-02-01T00:00:00Z");
    assertThat(g.exitCode()).as(g.err()).isZero();
    Cli.Result d = Cli.run("generate", "--content", Content.root().toString(), "--out", tmp.resolve("disa").toString(),
        "--format", "disa-xccdf", "--timestamp", "2024-02-01T00:00:00Z");
    assertThat(d.exitCode()).as(d.err()).isZero();
    try (Stream<Path> samples = Files.list(Content.root().resolve("samples"))) {
      for (Path s : samples.sorted().toList()) {
        Cli.Result r = Cli.run("evaluate", "--host-data", s.toString(), "--content", Content.root().toString(),
            "--out", tmp.resolve("one").resolve(s.getFileName().toString()).toString(),
            "--format", "all", "--timestamp", "2024-02-01T00:00:00Z");
        assertThat(r.exitCode()).as(s + ": " + r.err()).isIn(0, 1, 2, 3);
      }
    }
    SyntheticFleet.generate(Content.root().resolve("samples/edge-noncompliant.json"), tmp.resolve("fleet"), 25, 0, 11);
    Cli.Result f = Cli.run("evaluate", "--hosts", tmp.resolve("fleet/hosts").toString(), "--out", tmp.resolve("out").toString(),
        "--format", "xccdf,ckl,junit", "--jobs", "2", "--quiet", "--timestamp", "2024-02-01T00:00:00Z");
    assertThat(f.exitCode()).as(f.err()).isIn(0, 2);

    byte[][] m = XmlOutput.mismatch.get();
    if (m != null) {
      String ours = new String(m[0], StandardCharsets.UTF_8);
      String jdk = new String(m[1], StandardCharsets.UTF_8);
      int at = 0;
      while (at < ours.length() && at < jdk.length() && ours.charAt(at) == jdk.charAt(at)) at++;
      int from = Math.max(0, at - 300);
      assertThat(ours.substring(from, Math.min(ours.length(), at + 200)))
          .as("first difference at char %d", at).isEqualTo(jdk.substring(from, Math.min(jdk.length(), at + 200)));
    }
    assertThat(XmlOutput.written.get() - before).as("documents the direct writer handled").isGreaterThan(100);
  }
}
