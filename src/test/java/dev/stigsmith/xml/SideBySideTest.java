package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A side-by-side check (one parse validating with the schema inside the parser, another building the
 * tree) must find exactly what the single teed parse finds: the same problems in the same order, the same
 * tree checks, a tree exactly when there was one. Over every corpus document, the identity-constraint
 * mutations, and documents that break off or carry a DOCTYPE, with and without Schematron.
 */
class SideBySideTest {
  static Stream<CorpusCase> cases() throws Exception {
    List<CorpusCase> out = new ArrayList<>(IdentityConstraintsTest.cases().toList());
    CorpusCase defs = CorpusCase.files(name -> name.equals("oval-defs-valid.xml")).get(0);
    String text = new String(defs.bytes(), StandardCharsets.UTF_8);
    out.add(new CorpusCase("oval definitions cut off mid-element", defs.file(),
        text.substring(0, text.indexOf("</definition>") + 5).getBytes(StandardCharsets.UTF_8)));
    out.add(new CorpusCase("oval definitions with a schema error, then cut off", defs.file(),
        text.replaceFirst("version=\"\\d+\"", "version=\"x\"").substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8)));
    out.add(new CorpusCase("oval definitions with a DOCTYPE", defs.file(),
        text.replaceFirst("<oval_definitions", "<!DOCTYPE oval_definitions [<!ENTITY e \"x\">]><oval_definitions")
            .getBytes(StandardCharsets.UTF_8)));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsWhatOneParseFinds(CorpusCase c) throws Exception {
    DocumentKind kind = DocumentKind.detect(c.file());
    for (boolean schematron : new boolean[] {false, true}) {
      var one = check(c, kind, schematron, false);
      var two = check(c, kind, schematron, true);
      assertThat(two.report().problems()).as(c.name() + " schematron=" + schematron)
          .containsExactlyElementsOf(one.report().problems());
      assertThat(two.treeProblems()).as(c.name()).containsExactlyElementsOf(one.treeProblems());
      assertThat(two.document() == null).as(c.name() + ": tree").isEqualTo(one.document() == null);
    }
  }

  private static ScapValidator.Checked check(CorpusCase c, DocumentKind kind, boolean schematron, boolean sideBySide) {
    // A tree check whose findings depend on the tree's content and lines.
    var treeChecks = (java.util.function.Function<net.sf.saxon.s9api.XdmNode, List<Problem>>) doc -> {
      List<Problem> out = new ArrayList<>();
      for (var n : doc.select(net.sf.saxon.s9api.streams.Steps.descendant().where(
          net.sf.saxon.s9api.streams.Predicates.hasAttribute("id"))).toList()) {
        out.add(new Problem(c.file(), n.getLineNumber(), n.getColumnNumber(), Problem.Severity.WARNING,
            n.getAttributeValue(new net.sf.saxon.s9api.QName("id")), "", "test"));
      }
      return out;
    };
    return ScapValidator.check(c.file(), c.bytes(), kind, new ScapValidator.Request(schematron, true, treeChecks, sideBySide));
  }
}
