package dev.stigsmith.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.oval.engine.OvalResult;
import dev.stigsmith.xccdf.engine.Evaluator;
import java.io.InputStream;
import java.util.ArrayList;
import dev.stigsmith.oval.engine.OvalResultsWriter;
import dev.stigsmith.testing.Content;
import dev.stigsmith.xml.XmlOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build serialises each bundled benchmark's shared result parts (the XCCDF results frame, the OVAL
 * definitions as they stand in OVAL results) into the jar so that a run need not. Those bytes must be
 * what a run would make, and the files put together from them what writing each whole document gives.
 */
class PrebuiltResultPartsTest {
  static final Instant TIME = Instant.parse("2024-02-01T00:00:00Z");
  @TempDir Path tmp;

  @Test
  void theJarsPartsAreWhatARunWouldMake() throws Exception {
    List<BundledContent.Bundled> bundled = BundledContent.load();
    assertThat(bundled).hasSizeGreaterThanOrEqualTo(3);
    for (BundledContent.Bundled b : bundled) {
      BundledContent.Prebuilt inJar = b.prebuilt();
      BundledContent.Prebuilt now = BundledContent.prebuild(b.source());
      assertThat(inJar.resultsFrame()).as(b.name() + " results frame").isNotNull().isEqualTo(now.resultsFrame());
      assertThat(inJar.ovalDefinitions()).as(b.name() + " OVAL definitions").isNotNull().isEqualTo(now.ovalDefinitions());
    }
  }

  /**
   * A bundled benchmark's platform is checked from the small part of its data stream the build wrote:
   * that part is what the build would write now, it gives the same title and the same verdict, with
   * the same explanation, for every sample host as the whole data stream, and checking it reads no data
   * stream in full.
   */
  @Test
  void thePlatformPartChecksAsTheWholeDataStream() throws Exception {
    Evaluator.Request req = new Evaluator.Request(null, null, TIME, "", "");
    List<HostData> hosts = new ArrayList<>();
    try (var files = Files.list(Content.root().resolve("samples"))) {
      for (Path f : files.sorted().toList()) hosts.add(HostDataReader.read(f));
    }
    assertThat(hosts).hasSizeGreaterThanOrEqualTo(6);
    for (BundledContent.Bundled b : BundledContent.load()) {
      Evaluator.Platform viaPart = Evaluator.platform(b.platformPart(), req, b::whole);
      assertThat(b.wholeRead()).as(b.name() + " read in full for its platform check").isFalse();
      byte[] inJar;
      try (InputStream in = BundledContent.class.getClassLoader()
          .getResourceAsStream(BundledContent.DIR + b.name() + BundledContent.PLATFORM_PART)) {
        assertThat(in).as(b.name() + " platform part in the jar").isNotNull();
        inJar = in.readAllBytes();
      }
      assertThat(inJar).as(b.name() + " platform part").isEqualTo(BundledContent.platformPart(b.source()));
      assertThat(inJar.length).as(b.name() + " platform part size").isLessThan(50_000);
      Evaluator.Platform viaWhole = Evaluator.platform(b.source(), req);
      assertThat(viaPart.title()).isEqualTo(viaWhole.title());
      int applies = 0;
      for (HostData h : hosts) {
        Evaluator.Applicability a = viaPart.applicability(h);
        assertThat(a).as(b.name() + " on " + h.source()).isEqualTo(viaWhole.applicability(h));
        if (a.result() == OvalResult.TRUE) applies++;
      }
      assertThat(applies).as(b.name() + " applies to some sample host").isPositive();
    }
  }

  /** One host of each bundled benchmark, through the jar's parts and through parts made on the spot. */
  @Test
  void filesFromThePartsAreTheWholeDocuments() throws Exception {
    for (String sample : List.of("edge-noncompliant.json", "mailbox-compliant.json", "edge2019-noncompliant.json")) {
      Path host = Content.root().resolve("samples/" + sample);
      EvaluateJob.Outcome viaJar = EvaluateJob.runAll(options(host, "jar")).get(0);
      EvaluateJob.Outcome madeNow = EvaluateJob.runAll(options(host, "now"), BundledContent.sources()).get(0);
      for (String f : List.of("xccdf-results.xml", "xccdf-testresult.xml", "oval-results.xml")) {
        assertThat(Files.readAllBytes(viaJar.hostDir().resolve(f))).as(sample + " " + f)
            .isEqualTo(Files.readAllBytes(madeNow.hostDir().resolve(f)));
      }
      String whole = new String(XmlOutput.toBytes(OvalResultsWriter.toDocument(viaJar.evaluation().ovalResults())),
          StandardCharsets.UTF_8);
      assertThat(Files.readString(viaJar.hostDir().resolve("oval-results.xml"))).as(sample + " OVAL results").isEqualTo(whole);
    }
  }

  private EvaluateJob.Options options(Path host, String out) {
    return new EvaluateJob.Options(null, host, null, null, tmp.resolve(out), null, TIME, "test",
        EnumSet.of(ResultFormat.XCCDF), null, null);
  }
}
