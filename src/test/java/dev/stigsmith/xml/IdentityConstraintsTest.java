package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our hash-table identity-constraint check against the schema validator's own, which stays the reference: on
 * every corpus document and on documents broken in each way the SCAP schemas constrain (duplicate ids, dangling
 * references, defaulted attributes, unique fields inside local elements, element-content keys), both must
 * report the same rules for the same values.
 */
class IdentityConstraintsTest {
  static Stream<CorpusCase> cases() throws Exception {
    Path corpus = CorpusCase.corpus();
    // doctype.xml is refused before any schema is involved
    List<CorpusCase> out = CorpusCase.files(name -> !name.equals("doctype.xml"));
    String defs = read(corpus, "oval-defs-valid.xml");
    mutate(out, corpus, "oval definition id twice", defs, "</definitions>",
        defs.substring(defs.indexOf("<definition "), defs.indexOf("</definition>") + 13) + "</definitions>");
    mutate(out, corpus, "oval test_ref dangling", defs, "test_ref=\"oval:dev.stigsmith.exchange:tst:1\"",
        "test_ref=\"oval:dev.stigsmith.exchange:tst:9\"");
    mutate(out, corpus, "cmdlet select field named twice", defs, "<field name=\"domainsecureenabled\"/>",
        "<field name=\"domainsecureenabled\"/><field name=\"domainsecureenabled\"/>");
    mutate(out, corpus, "cmdlet state value field named twice", defs, "datatype=\"boolean\">true</field>",
        "datatype=\"boolean\">true</field><field name=\"domainsecureenabled\" datatype=\"boolean\">false</field>");
    String ocil = read(corpus, "ocil-valid.xml");
    mutate(out, corpus, "ocil test_action_ref (element content) dangling", ocil,
        "<test_action_ref>ocil:dev.stigsmith.exchange:testaction:1", "<test_action_ref>ocil:dev.stigsmith.exchange:testaction:7");
    mutate(out, corpus, "ocil question id twice", ocil, "</questions>",
        "<boolean_question id=\"ocil:dev.stigsmith.exchange:question:1\"><question_text>Again?</question_text></boolean_question></questions>");
    String sc = read(corpus, "oval-sc-valid.xml");
    mutate(out, corpus, "sc object twice, variable_instance defaulted on one", sc, "</collected_objects>",
        "<object id=\"oval:dev.stigsmith.exchange:obj:1\" version=\"1\" variable_instance=\"1\" flag=\"complete\"/></collected_objects>");
    mutate(out, corpus, "sc object twice, distinct variable_instance", sc, "</collected_objects>",
        "<object id=\"oval:dev.stigsmith.exchange:obj:1\" version=\"1\" variable_instance=\"2\" flag=\"complete\"/></collected_objects>");
    String xccdf = read(corpus, "xccdf12-valid.xml");
    String value = "<Value id=\"xccdf_dev.stigsmith_value_v\" type=\"string\"><title>V</title><value>a</value>%s</Value>";
    mutate(out, corpus, "xccdf value twice with the default selector", xccdf, "<Group ",
        String.format(value, "<value>b</value>") + "<Group ");
    mutate(out, corpus, "xccdf value with an explicit and a default selector", xccdf, "<Group ",
        String.format(value, "<value selector=\"\">b</value>") + "<Group ");
    mutate(out, corpus, "xccdf value with distinct selectors", xccdf, "<Group ",
        String.format(value, "<value selector=\"x\">b</value>") + "<Group ");
    mutate(out, corpus, "xccdf rule id twice", xccdf, "</Group>",
        "<Rule id=\"xccdf_dev.stigsmith_rule_one\"><title>Again</title></Rule></Group>");
    mutate(out, corpus, "xccdf rule extends dangling", xccdf, "<Rule id=\"xccdf_dev.stigsmith_rule_one\"",
        "<Rule extends=\"xccdf_dev.stigsmith_rule_gone\" id=\"xccdf_dev.stigsmith_rule_one\"");
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithTheSchemaValidator(CorpusCase c) throws Exception {
    DocumentKind kind = DocumentKind.detect(c.file());
    // Without a tree the validator checks identity constraints itself; with one, IdentityConstraints does.
    var reference = ScapValidator.check(c.file(), c.bytes(), kind, false, false).report().problems();
    var ours = ScapValidator.check(c.file(), c.bytes(), kind, false, true).report().problems();
    assertThat(identity(ours)).as(c.name()).isEqualTo(identity(reference));
    assertThat(rest(ours)).as(c.name()).isEqualTo(rest(reference));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyMutationBreaksAnIdentityConstraint(CorpusCase c) throws Exception {
    // Guards the mutations themselves: each "twice"/"dangling" case must break something.
    if (c.file().getFileName().toString().equals(c.name()) || c.name().contains("distinct")) return;
    DocumentKind kind = DocumentKind.detect(c.file());
    var reference = ScapValidator.check(c.file(), c.bytes(), kind, false, false).report().problems();
    assertThat(identity(reference)).as(c.name()).isNotEmpty();
  }

  private static final Pattern VALUE = Pattern.compile("(?:\\[([^\\]]*)\\]|with value '([^']*)')");

  /** Identity findings as rule → the values they name, which both checkers state (locations differ by design). */
  private static TreeMap<String, List<String>> identity(List<Problem> problems) {
    TreeMap<String, List<String>> m = new TreeMap<>();
    for (Problem p : problems) {
      if (!p.ruleId().startsWith("cvc-identity-constraint")) continue;
      Matcher v = VALUE.matcher(p.message());
      String value = v.find() ? (v.group(1) != null ? v.group(1) : v.group(2)) : "";
      m.computeIfAbsent(p.ruleId(), k -> new ArrayList<>()).add(value);
    }
    m.values().forEach(l -> l.sort(null));
    return m;
  }

  private static List<String> rest(List<Problem> problems) {
    return problems.stream().filter(p -> !p.ruleId().startsWith("cvc-identity-constraint"))
        .map(p -> p.ruleId() + "@" + p.line() + ":" + p.column()).sorted().toList();
  }

  private static String read(Path dir, String name) throws Exception {
    return Files.readString(dir.resolve(name));
  }

  private static void mutate(List<CorpusCase> out, Path dir, String name, String text, String find, String replace) {
    if (!text.contains(find)) throw new IllegalStateException(name + ": fixture text not found: " + find);
    // The file name only steers kind detection and messages; bytes are what gets validated.
    out.add(new CorpusCase(name, dir.resolve("oval-defs-valid.xml").resolveSibling(kindFile(text)),
        text.replaceFirst(Pattern.quote(find), Matcher.quoteReplacement(replace)).getBytes(StandardCharsets.UTF_8)));
  }

  private static String kindFile(String text) {
    if (text.contains("<ocil ")) return "ocil-valid.xml";
    if (text.contains("<oval_system_characteristics")) return "oval-sc-valid.xml";
    if (text.contains("<Benchmark")) return "xccdf12-valid.xml";
    return "oval-defs-valid.xml";
  }
}
