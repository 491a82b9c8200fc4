package dev.stigsmith.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.generate.Generator;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.testing.Cli;
import dev.stigsmith.testing.Content;
import dev.stigsmith.xml.SafeXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --content, evaluate picks the bundled benchmarks whose platform the host is. */
class AutoPickTest {
  static final Instant TIME = Instant.parse("2024-02-01T00:00:00Z");
  @TempDir Path tmp;

  /** The jar's bundled benchmarks plus a second, tiny Mailbox benchmark from the test fixtures. */
  private static List<ScapSource> candidates() throws Exception {
    List<ScapSource> all = new ArrayList<>(BundledContent.sources());
    for (Generator.Output o : Generator.render(Path.of("src/test/resources/fixtures/bundle"), "test", null)) {
      byte[] ds = o.files().get(Generator.dataStreamFile(o.benchmark()));
      all.add(ScapSource.of(Path.of(Generator.dataStreamFile(o.benchmark())),
          SafeXml.documentBuilder().parse(new ByteArrayInputStream(ds))));
    }
    return all;
  }

  private List<EvaluateJob.Outcome> run(Path host) throws Exception {
    return EvaluateJob.runAll(new EvaluateJob.Options(null, host, null, null, tmp.resolve("out"), null, TIME, "test",
        EnumSet.of(ResultFormat.XCCDF, ResultFormat.CKL), null, null), candidates());
  }

  /** Only what the jar bundles: Edge 2016, Mailbox 2016 and Edge 2019. */
  private List<EvaluateJob.Outcome> runBundled(Path host) throws Exception {
    return EvaluateJob.runAll(new EvaluateJob.Options(null, host, null, null, tmp.resolve("out"), null, TIME, "test",
        EnumSet.of(ResultFormat.XCCDF, ResultFormat.CKL), null, null), BundledContent.sources());
  }

  @Test
  void theJarBundlesEveryBenchmarkOfTheContentFolder() throws Exception {
    List<String> ids = BundledContent.sources().stream().map(s -> s.benchmark().getAttribute("id")).toList();
    assertThat(ids).contains("xccdf_dev.stigsmith_benchmark_MS_Exchange_2016_Edge_Transport_Server_STIG");
    assertThat(ids).hasSize(dev.stigsmith.content.ContentLoader.benchmarkDirs(Content.root()).size());
  }

  @Test
  void edgeHostGetsEdgeResultsAndMailboxHostMailboxResults() throws Exception {
    List<EvaluateJob.Outcome> edge = run(Content.root().resolve("samples/edge-noncompliant.json"));
    assertThat(edge).hasSize(1);
    assertThat(edge.get(0).testResult().benchmark().id()).isEqualTo("MS_Exchange_2016_Edge_Transport_Server_STIG");
    assertThat(edge.get(0).hostDir()).isEqualTo(tmp.resolve("out/EDGE02"));

    List<EvaluateJob.Outcome> mbx = runBundled(Content.root().resolve("samples/mailbox-noncompliant.json"));
    assertThat(mbx).hasSize(1);
    assertThat(mbx.get(0).testResult().benchmark().id()).isEqualTo("MS_Exchange_2016_Mailbox_Server_STIG");
    assertThat(mbx.get(0).hostDir()).isEqualTo(tmp.resolve("out/MBX01"));
    assertThat(tmp.resolve("out/MBX01/MBX01.ckl")).isRegularFile();
    assertThat(Files.readString(tmp.resolve("out/MBX01/MBX01.ckl"))).contains("EX16-MB-000010").doesNotContain("EX16-ED-");
  }

  @Test
  void aHostWithTwoRolesGetsOneFolderPerBenchmark() throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode host = (ObjectNode) m.readTree(Content.root().resolve("samples/mailbox-server.json").toFile());
    ((ObjectNode) host.get("registry")).set("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole",
        m.createObjectNode().put("ConfiguredVersion", "15.1.2507.6"));
    Path file = tmp.resolve("both.json");
    m.writeValue(file.toFile(), host);
    List<EvaluateJob.Outcome> both = runBundled(file);
    assertThat(both).extracting(o -> o.testResult().benchmark().id())
        .containsExactly("MS_Exchange_2016_Edge_Transport_Server_STIG", "MS_Exchange_2016_Mailbox_Server_STIG");
    assertThat(both.get(0).hostDir()).isEqualTo(tmp.resolve("out/MBX01/MS_Exchange_2016_Edge_Transport_Server_STIG"));
    assertThat(both.get(1).hostDir()).isEqualTo(tmp.resolve("out/MBX01/MS_Exchange_2016_Mailbox_Server_STIG"));
    assertThat(both.get(1).hostDir().resolve("xccdf-results.xml")).isRegularFile();
  }

  @Test
  void aHostNoBundledBenchmarkAppliesToIsToldSoAndNothingIsWritten() throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode host = (ObjectNode) m.readTree(Content.root().resolve("samples/mailbox-server.json").toFile());
    ((ObjectNode) host.get("registry").get("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup")).put("MsiProductMinor", 2);
    Path file = tmp.resolve("ex2019.json");
    m.writeValue(file.toFile(), host);
    assertThatThrownBy(() -> run(file)).isInstanceOf(EvaluateJob.NotApplicableException.class)
        .hasMessageContaining("host MBX01: no bundled benchmark applies");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void theShortCommandEvaluatesTheBundledBenchmarkThatApplies() {
    Cli.Result r = Cli.run("evaluate", "--host-data", Content.root().resolve("samples/edge-noncompliant.json").toString(),
        "--out", tmp.resolve("cli").toString(), "--timestamp", "2024-02-01T00:00:00Z");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).contains("Microsoft Exchange 2016 Edge Transport Server").contains("on EDGE02");
    assertThat(tmp.resolve("cli/EDGE02/EDGE02.ckl")).isRegularFile();
  }

  @Test
  void everySampleGetsOnlyTheBenchmarksForItsRole() throws Exception {
    try (var samples = Files.list(Content.root().resolve("samples"))) {
      for (Path s : samples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        Path out = tmp.resolve("s-" + s.getFileName());
        Cli.Result r = Cli.run("evaluate", "--host-data", s.toString(), "--out", out.toString(), "--format", "ckl",
            "--timestamp", "2024-02-01T00:00:00Z");
        String name = s.getFileName().toString();
        if (r.exitCode() == 3) {
          // Until the bundle has this role's benchmark: a clear message and nothing written.
          assertThat(r.err()).as(name).contains("no bundled benchmark applies");
          assertThat(out).doesNotExist();
          continue;
        }
        // 1 = a rule evaluated to error (e.g. a minimal sample lacks a registry value a rule reads), never bad input.
        assertThat(r.exitCode()).as(name + ": " + r.err()).isIn(0, 1, 2);
        assertThat(r.err()).as(name).doesNotContain("error:");
        assertThat(r.out()).as(name).doesNotContain("Not applicable: the host is not");
        if (name.startsWith("mailbox")) assertThat(r.out()).as(name).doesNotContain("Edge Transport");
        if (name.startsWith("edge-")) assertThat(r.out()).as(name).contains("2016 Edge Transport");
      }
    }
  }

  @Test
  void aContentFolderOfSeveralBenchmarksIsPickedFromLikeTheBundle() {
    Path content = Content.copyTo(tmp);
    Content.copyTree(Path.of("src/test/resources/fixtures/bundle/test-mailbox"), content.resolve("test-mailbox"));
    Cli.Result r = Cli.run("evaluate", "--content", content.toString(), "--host-data",
        Content.root().resolve("samples/mailbox-server.json").toString(), "--out", tmp.resolve("cf").toString(),
        "--format", "ckl", "--timestamp", "2024-02-01T00:00:00Z");
    assertThat(r.exitCode()).as(r.err()).isIn(0, 2);
    assertThat(r.out()).contains("Test fixture benchmark for Exchange 2016 Mailbox servers").doesNotContain("Edge Transport");
    assertThat(tmp.resolve("cf/MBX01/MBX01.ckl")).isRegularFile();
  }

  /**
   * A one-host run reads in full only the benchmark its host is for: a bundled benchmark that cannot
   * be prepared (here: its rules point at two OVAL documents) is no obstacle to a host it does not apply
   * to, and is reported, as one line, for a host it does. A fleet run prepares every benchmark up front.
   */
  @Test
  void aOneHostRunPreparesOnlyTheBenchmarkThatApplies() throws Exception {
    List<ScapSource> bundled = BundledContent.sources();
    ScapSource mailbox = bundled.stream().filter(s -> s.benchmark().getAttribute("id").contains("Mailbox")).findFirst().orElseThrow();
    org.w3c.dom.Element ref = (org.w3c.dom.Element) mailbox.benchmark()
        .getElementsByTagNameNS(dev.stigsmith.xml.Ns.XCCDF12, "check-content-ref").item(0);
    ref.setAttribute("href", "another-oval.xml");
    EvaluateJob.Options edgeHost = new EvaluateJob.Options(null, Content.root().resolve("samples/edge-noncompliant.json"),
        null, null, tmp.resolve("edge"), null, TIME, "test", EnumSet.of(ResultFormat.XCCDF), null, null);
    EvaluateJob.Options mailboxHost = new EvaluateJob.Options(null, Content.root().resolve("samples/mailbox-noncompliant.json"),
        null, null, tmp.resolve("mbx"), null, TIME, "test", EnumSet.of(ResultFormat.XCCDF), null, null);

    List<EvaluateJob.Outcome> edge = EvaluateJob.runAll(edgeHost, bundled);
    assertThat(edge).singleElement().satisfies(o ->
        assertThat(o.testResult().benchmark().id()).isEqualTo("MS_Exchange_2016_Edge_Transport_Server_STIG"));

    assertThatThrownBy(() -> EvaluateJob.runAll(mailboxHost, bundled)).isInstanceOf(EvaluateJob.InputException.class)
        .hasMessageContaining("rules use several OVAL documents").hasMessageNotContaining("\n");
    assertThat(tmp.resolve("mbx")).doesNotExist();

    assertThatThrownBy(() -> EvaluateJob.prepare(edgeHost.settings(), bundled)).isInstanceOf(EvaluateJob.InputException.class)
        .hasMessageContaining("rules use several OVAL documents");
  }
}
