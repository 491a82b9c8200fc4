package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XsltExecutable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official XCCDF Schematron with its id scans replaced by keys (schematron-findings.xsl) finds exactly
 * what the stylesheet as shipped finds, on every XCCDF and data-stream corpus document and on benchmarks
 * broken in each way those lookups judge: a Profile selecting a missing item, a set-value naming a missing
 * Value, an extends naming the wrong kind, a sub naming nothing, a rule-result naming a missing Rule, a
 * check selector a Rule lacks, a select by cluster-id.
 */
class SchematronKeysTest {
  private static final String XCCDF = "xccdf/1.2/xccdf_1.2-schematron.xsl";
  private static final XsltExecutable KEYED = Schematron.compile(XCCDF, true);
  private static final XsltExecutable SHIPPED = Schematron.compile(XCCDF, false);

  static Stream<CorpusCase> cases() throws Exception {
    Path corpus = CorpusCase.corpus();
    List<CorpusCase> out = CorpusCase.files(name -> name.matches("(xccdf12|sds)-.*"));
    Path file = corpus.resolve("xccdf12-valid.xml");
    String b = Files.readString(file);
    String value = "<Value id=\"xccdf_dev.stigsmith_value_v\" type=\"string\"><title>V</title><value>a</value></Value>";
    String rule = "<Rule id=\"xccdf_dev.stigsmith_rule_one\"";
    mutate(out, file, "select of a missing rule", b, "<select idref=\"xccdf_dev.stigsmith_rule_one\"",
        "<select idref=\"xccdf_dev.stigsmith_rule_gone\"");
    mutate(out, file, "select by cluster-id", b, rule, rule + " cluster-id=\"c1\"",
        "<select idref=\"xccdf_dev.stigsmith_rule_one\"", "<select idref=\"c1\"");
    mutate(out, file, "set-value of a missing value", b, "<Group ", value + "<Group ",
        "selected=\"true\"/>", "selected=\"true\"/><set-value idref=\"xccdf_dev.stigsmith_value_gone\">x</set-value>");
    mutate(out, file, "set-value of a present value", b, "<Group ", value + "<Group ",
        "selected=\"true\"/>", "selected=\"true\"/><set-value idref=\"xccdf_dev.stigsmith_value_v\">x</set-value>");
    mutate(out, file, "rule extends a group", b, rule, "<Rule extends=\"xccdf_dev.stigsmith_group_one\" id=\"xccdf_dev.stigsmith_rule_one\"");
    mutate(out, file, "rule extends nothing", b, rule, "<Rule extends=\"xccdf_dev.stigsmith_rule_gone\" id=\"xccdf_dev.stigsmith_rule_one\"");
    mutate(out, file, "sub names a value and nothing", b, "<Group ", value + "<Group ",
        "<description>Send connectors must use domain security.</description>",
        "<description>Set <sub idref=\"xccdf_dev.stigsmith_value_v\"/> and <sub idref=\"xccdf_dev.stigsmith_value_gone\"/>.</description>");
    String testResult = "<TestResult id=\"xccdf_dev.stigsmith_testresult_t\" start-time=\"2026-01-01T00:00:00\""
        + " end-time=\"2026-01-01T00:00:01\"><target>edge01</target>"
        + "<rule-result idref=\"xccdf_dev.stigsmith_rule_one\"><result>pass</result><check system=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\" selector=\"other\"><check-content-ref href=\"oval.xml\"/></check></rule-result>"
        + "<rule-result idref=\"xccdf_dev.stigsmith_rule_gone\"><result>pass</result><check system=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\"><check-content-ref href=\"oval.xml\"/></check></rule-result>"
        + "<score>100.0</score></TestResult></Benchmark>";
    mutate(out, file, "test results naming a missing rule and a missing selector", b, "</Benchmark>", testResult);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void keyedFindsWhatTheShippedStylesheetFinds(CorpusCase c) throws Exception {
    var tree = ScapValidator.check(c.file(), c.bytes(), DocumentKind.detect(c.file()), false, true).document();
    assertThat(tree).as(c.name()).isNotNull();
    List<String> keyed = render(Schematron.check(c.file(), tree, XCCDF, KEYED));
    List<String> shipped = render(Schematron.check(c.file(), tree, XCCDF, SHIPPED));
    assertThat(keyed).as(c.name()).isEqualTo(shipped);
  }

  @Test
  void theMutationsExerciseTheLookups() throws Exception {
    // Without this the comparison above could pass on documents where no keyed lookup ever fails.
    long failing = 0;
    for (CorpusCase c : cases().filter(x -> !x.name().endsWith(".xml")).toList()) {
      var tree = ScapValidator.check(c.file(), c.bytes(), DocumentKind.detect(c.file()), false, true).document();
      failing += Schematron.check(c.file(), tree, XCCDF, SHIPPED).stream()
          .filter(p -> p.message().matches("(?s).*(must match|should match|must extend|should have a matching).*")).count();
    }
    assertThat(failing).isGreaterThanOrEqualTo(6);
  }

  @Test
  void noWholeDocumentScanIsLeft() {
    // A new release of the official file spelling a lookup differently would silently lose its key.
    List<String> scans = new ArrayList<>();
    List<String> keyed = new ArrayList<>();
    for (var e : Schematron.instrumented(XCCDF, true).select(net.sf.saxon.s9api.streams.Steps.descendant()).toList()) {
      String test = e.attribute("test");
      if (test == null) continue;
      if (test.contains("/*//") || test.contains("ancestor::xccdf:Benchmark//")) scans.add(test);
      if (test.contains("key('sv-")) keyed.add(test);
    }
    assertThat(scans).isEmpty();
    assertThat(keyed).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void theBuildsPrebuiltStylesheetsAreWhatInstrumentingGivesNow() throws Exception {
    // validate compiles the build's copies; a stale copy would run rules other than the ones tested here.
    java.util.Set<String> all = new java.util.TreeSet<>();
    for (DocumentKind k : DocumentKind.values()) all.addAll(k.schematrons());
    for (String s : all) {
      var url = Schematron.class.getResource(Schematron.PREBUILT + s);
      assertThat(url).as(s).isNotNull();
      var out = new java.io.StringWriter();
      var ser = Schematron.processor().newSerializer(out);
      ser.setOutputProperty(net.sf.saxon.s9api.Serializer.Property.METHOD, "xml");
      ser.setOutputProperty(net.sf.saxon.s9api.Serializer.Property.ENCODING, "UTF-8");
      ser.serializeNode(Schematron.instrumented(s, true));
      try (var in = url.openStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(s).isEqualTo(out.toString());
      }
    }
  }

  private static List<String> render(List<Problem> problems) {
    return problems.stream().map(p -> p.severity() + " " + p.ruleId() + "@" + p.line() + ":" + p.column() + " " + p.message())
        .toList();
  }

  private static void mutate(List<CorpusCase> out, Path file, String name, String text, String... findReplace) {
    String s = text;
    for (int i = 0; i < findReplace.length; i += 2) {
      if (!s.contains(findReplace[i])) throw new IllegalStateException(name + ": fixture text not found: " + findReplace[i]);
      s = s.replaceFirst(Pattern.quote(findReplace[i]), Matcher.quoteReplacement(findReplace[i + 1]));
    }
    out.add(new CorpusCase(name, file, s.getBytes(StandardCharsets.UTF_8)));
  }
}
