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
      streamed++;
    }
    assertThat(streamed).isEqualTo(files.size());
  }

  private static void same(String what, byte[] streamed, byte[] dom) {
    assertThat(streamed).as(what + ": streamed (null: it fell back to the DOM)").isNotNull();
    assertThat(new String(streamed, StandardCharsets.UTF_8)).as(what).isEqualTo(new String(dom, StandardCharsets.UTF_8));
  }
}
