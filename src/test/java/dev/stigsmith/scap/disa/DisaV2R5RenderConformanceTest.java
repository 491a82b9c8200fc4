package dev.stigsmith.scap.disa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.importer.DisaBenchmarkImporter;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.testing.Fixtures;
import dev.stigsmith.xml.SafeXml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.Difference;

@Tag("conformance")
class DisaV2R5RenderConformanceTest {
  @Test
  void importRenderImportGivesTheSameModel(@TempDir Path tmp) throws Exception {
    DisaBenchmarkImporter.Result first = DisaBenchmarkImporter.read(Fixtures.disaV2R5(), Map.of());
    Path out = DisaXccdfRendererTest.render(first.benchmark(), tmp);
    Benchmark again = DisaBenchmarkImporter.read(out, first.benchmark().ccis()).benchmark();
    assertThat(again).isEqualTo(first.benchmark());
    Xccdf11Validation.assertOscapValid(out);
  }

  /**
   * Our rendering of DISA's file is XMLUnit-similar to DISA's file. The documented differences, the
   * only ones ignored:
   * <ol>
   *   <li>{@code plain-text id="generator"}: DISA's tool version ("3.4.1.22916"), ours "stigsmith";
   *   <li>whitespace between elements (we indent; DISA writes one line) — text content is compared exactly;
   *   <li>namespace prefixes/declaration order and attribute order (XML-equivalent).
   * </ol>
   */
  @Test
  void renderingIsSimilarToDisasFile(@TempDir Path tmp) throws Exception {
    Benchmark b = DisaBenchmarkImporter.read(Fixtures.disaV2R5(), Map.of()).benchmark();
    Path out = DisaXccdfRendererTest.render(b, tmp);
    List<String> real = differences(SafeXml.parse(out));
    assertThat(real).isEmpty();

    // The comparison does see text changes: a rule title edited by one character is reported.
    Benchmark edited = new Benchmark(b.id(), b.title() + "!", b.description(), b.version(), b.release(), b.benchmarkDate(),
        b.status(), b.statusDate(), b.notice(), b.source(), b.classification(), b.reference(), b.platform(), b.profiles(),
        b.values(), b.rules(), b.ccis());
    assertThat(differences(DisaXccdfRenderer.render(edited))).hasSize(1).first().asString().contains("Security Technical Implementation Guide!");
  }

  private static List<String> differences(org.w3c.dom.Document ours) throws Exception {
    Diff diff = DiffBuilder.compare(SafeXml.parse(Fixtures.disaV2R5()))
        .withTest(ours)
        .ignoreElementContentWhitespace()
        .checkForSimilar()
        .withNodeFilter(n -> !isGeneratorText(n))
        .build();
    List<String> real = new ArrayList<>();
    for (Difference d : diff.getDifferences()) {
      if (d.getResult() == ComparisonResult.DIFFERENT) real.add(d.toString());
    }
    return real;
  }

  private static boolean isGeneratorText(Node n) {
    Node el = n.getNodeType() == Node.TEXT_NODE ? n.getParentNode() : n;
    return el != null && el.getNodeType() == Node.ELEMENT_NODE && "plain-text".equals(el.getLocalName())
        && "generator".equals(((org.w3c.dom.Element) el).getAttribute("id"));
  }
}
