package dev.stigsmith.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.generate.Generator;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.oval.engine.OvalResultsWriter;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.testing.Content;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlOutput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-host result documents streamed without a DOM (the host part of OVAL results, the XCCDF
 * TestResult on its own and inside the benchmark's root) are byte for byte the DOM's written by the direct
 * writer, on synthetic hosts with 5 to 40 connectors of random settings (every item, entity, message and
 * tested-item shape the Edge content produces) and on the bundled samples.
 */
class StreamedResultsTest {
  @TempDir Path dir;

  @Test
  void streamedHostPartIsTheDomsBytes() throws Exception {
    Generator.Output out = Generator.render(Content.root(), "0.1.0", null).get(0);
    byte[] ds = out.files().get(Generator.dataStreamFile(out.benchmark()));
    ScapSource source = ScapSource.of(Path.of("ds.xml"), SafeXml.documentBuilder().parse(new ByteArrayInputStream(ds)));
    List<SyntheticFleet.Host> hosts = SyntheticFleet.generate(Path.of("content/samples/edge-compliant.json"), dir, 25, 0, 11);
    List<Path> files = new java.util.ArrayList<>(hosts.stream().map(SyntheticFleet.Host::file).toList());
    files.add(Path.of("content/samples/edge-noncompliant.json"));
    files.add(Path.of("content/samples/edge-compliant.json"));
    Evaluator.Prepared prepared = Evaluator.prepare(source,
        new Evaluator.Request(null, null, Instant.parse("2024-02-01T00:00:00Z"), "cpe:/a:stigsmith:stigsmith:test", null));
    ResultDocuments docs = ResultDocuments.prepare(prepared, java.util.Set.of(dev.stigsmith.export.ResultFormat.XCCDF));
    int streamed = 0;
    for (Path f : files) {
      Evaluator.Evaluation ev = prepared.evaluate(HostDataReader.read(f));
      same(f + " OVAL results", OvalResultsWriter.hostPartBytes(ev.ovalResults()),
          XmlOutput.toBytes(OvalResultsWriter.hostPart(ev.ovalResults())));
      var tr = ev.testResult();
      var ids = dev.stigsmith.scap.xccdf.TestResultRenderer.IdScheme.ours(tr);
      same(f + " TestResult inside the benchmark root", docs.testResultInBenchmarkRootBytes(tr, ids),
          XmlOutput.toBytes(docs.testResultInBenchmarkRoot(tr, ids)));
      same(f + " TestResult", docs.standaloneBytes(tr, ids), XmlOutput.toBytes(docs.standalone(tr, ids)));
      assertThat(sameNested(f.toString(), docs, tr)).as(f + " compared").isTrue();
      streamed++;
      if (f == files.get(0)) first = ev;
    }
    assertThat(streamed).isEqualTo(files.size());

    // Messages of every awkward shape: lines that are empty, blank, start or end with spaces, look like
    // markup or end in a newline. The nested copy keeps them as they are and indents only the element lines.
    String[] pieces = {"", " ", "  ", "x", "  <b>", "a & b", "</xccdf:message>", "\n", "end  ", " > ", "caf\u00e9"};
    java.util.Random random = new java.util.Random(3);
    var base = first.testResult();
    for (int round = 0; round < 60; round++) {
      List<dev.stigsmith.results.RuleResult> changed = new java.util.ArrayList<>();
      for (var rr : base.ruleResults()) {
        List<String> evidence = new java.util.ArrayList<>();
        int lines = random.nextInt(4);
        for (int i = 0; i < lines; i++) {
          StringBuilder line = new StringBuilder();
          for (int k = random.nextInt(3) + 1; k > 0; k--) line.append(pieces[random.nextInt(pieces.length)]);
          evidence.add(line.toString());
        }
        // A blank message sends both streams to the DOM; keep every message either empty or not blank.
        if (!evidence.isEmpty() && String.join("\n", evidence).isBlank()) evidence.add("x");
        changed.add(new dev.stigsmith.results.RuleResult(rr.rule(), rr.result(), rr.time(), evidence, rr.override(), rr.comment()));
      }
      assertThat(sameNested("round " + round, docs, base.withRuleResults(changed))).as("round %d compared", round).isTrue();
    }
  }

  private Evaluator.Evaluation first;

  /** The TestResult inside the benchmark made from the standalone one's bytes is the one rendered there. */
  private static boolean sameNested(String what, ResultDocuments docs, dev.stigsmith.results.TestResult tr) {
    var ids = dev.stigsmith.scap.xccdf.TestResultRenderer.IdScheme.ours(tr);
    byte[] standalone = docs.standaloneBytes(tr, ids);
    byte[] rendered = docs.testResultInBenchmarkRootBytes(tr, ids);
    if (standalone == null || rendered == null) {
      // Text the stream leaves to the DOM (blank messages): nothing to derive from.
      assertThat(standalone).as(what + ": both streams fall back together").isNull();
      return false;
    }
    byte[] nested = docs.nested(standalone);
    assertThat(nested).as(what + ": nested copy made").isNotNull();
    assertThat(new String(nested, StandardCharsets.UTF_8)).as(what)
        .isEqualTo(new String(ResultDocuments.Splice.inner(rendered), StandardCharsets.UTF_8));
    return true;
  }

  private static void same(String what, byte[] streamed, byte[] dom) {
    assertThat(streamed).as(what + ": streamed (null: it fell back to the DOM)").isNotNull();
    assertThat(new String(streamed, StandardCharsets.UTF_8)).as(what).isEqualTo(new String(dom, StandardCharsets.UTF_8));
  }
}
