package dev.stigsmith.scap.xccdf;

import static dev.stigsmith.scap.ds.ScapSource.child;
import static dev.stigsmith.scap.ds.ScapSource.childText;
import static dev.stigsmith.scap.ds.ScapSource.children;
import static dev.stigsmith.xml.Ns.XCCDF12;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import dev.stigsmith.model.RuleId;
import dev.stigsmith.results.Override;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.Target;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads XCCDF 1.2 results (a Benchmark holding its rules and a TestResult — ours, our STIG Manager
 * variant, or another tool's with DISA rule ids) back into a {@link TestResult}, so existing results
 * can be turned into checklists and reports.
 */
public final class TestResultReader {
  private TestResultReader() {}

  private static ResultType result(Path file, String idref, String text) throws XmlInputException {
    if (text == null || text.isBlank()) {
      throw new XmlInputException(file, -1, -1, "rule-result " + idref + " has no result — expected one of "
          + java.util.Arrays.stream(ResultType.values()).map(ResultType::xccdf).toList());
    }
    try {
      return ResultType.parse(text);
    } catch (IllegalArgumentException e) {
      throw new XmlInputException(file, -1, -1, "rule-result " + idref + ": unknown result '" + text.trim()
          + "' — expected one of " + String.join(", ", java.util.Arrays.stream(ResultType.values()).map(ResultType::xccdf).toList()));
    }
  }

  public static TestResult read(Path file) throws XmlInputException {
    Element root = SafeXml.parse(file).getDocumentElement();
    if (!XCCDF12.equals(root.getNamespaceURI()) || !"Benchmark".equals(root.getLocalName())) {
      throw new XmlInputException(file, -1, -1, "expected XCCDF 1.2 results (a Benchmark holding a TestResult), found <"
          + root.getLocalName() + "> in " + root.getNamespaceURI());
    }
    List<Element> trs = children(root, XCCDF12, "TestResult");
    if (trs.isEmpty()) throw new XmlInputException(file, -1, -1, "the benchmark holds no TestResult");
    Element t = trs.get(trs.size() - 1);
    Benchmark b;
    try {
      b = XccdfBenchmarkReader.read(root).benchmark();
    } catch (java.time.format.DateTimeParseException e) {
      throw new XmlInputException(file, -1, -1, "\"" + e.getParsedString() + "\" is not a date — expected YYYY-MM-DD");
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new XmlInputException(file, -1, -1, e.getMessage());
    }
    Instant start = time(file, t.getAttribute("start-time"));
    Instant end = time(file, t.getAttribute("end-time"));
    List<RuleResult> results = new ArrayList<>();
    for (Element rr : children(t, XCCDF12, "rule-result")) {
      String idref = rr.getAttribute("idref");
      String stripped = XccdfBenchmarkReader.strip(idref);
      if (!RuleId.isRuleId(stripped)) continue;
      Rule rule = b.rule(RuleId.parse(stripped)).orElse(null);
      if (rule == null) throw new XmlInputException(file, -1, -1, "rule-result " + idref + " names no rule of the benchmark");
      ResultType result = result(file, idref, childText(rr, XCCDF12, "result"));
      Override override = null;
      Element ov = child(rr, XCCDF12, "override").orElse(null);
      if (ov != null) {
        override = new Override(result(file, idref, childText(ov, XCCDF12, "old-result")),
            result(file, idref, childText(ov, XCCDF12, "new-result")), ov.getAttribute("authority"),
            time(file, ov.getAttribute("time")), childText(ov, XCCDF12, "remark"));
        result = override.oldResult();
      }
      String message = childText(rr, XCCDF12, "message");
      List<String> evidence = message == null || message.isBlank() ? List.of() : Arrays.asList(message.split("\n"));
      Instant at = rr.getAttribute("time").isEmpty() ? end : time(file, rr.getAttribute("time"));
      results.add(new RuleResult(rule, result, at, evidence, override, null));
    }
    List<String> ips = new ArrayList<>();
    for (Element a : children(t, XCCDF12, "target-address")) ips.add(a.getTextContent().trim());
    List<Target.Fact> facts = new ArrayList<>();
    String fqdn = null;
    List<String> macs = new ArrayList<>();
    for (Element tf : children(t, XCCDF12, "target-facts")) {
      for (Element f : children(tf, XCCDF12, "fact")) {
        String name = f.getAttribute("name");
        String value = f.getTextContent().trim();
        facts.add(new Target.Fact(name, f.getAttribute("type").isEmpty() ? "string" : f.getAttribute("type"), value));
        if (name.endsWith(":fqdn")) fqdn = value;
        if (name.endsWith(":mac") && !macs.contains(value)) macs.add(value);
      }
    }
    Target target = new Target(childText(t, XCCDF12, "target"), fqdn, ips, macs, facts);
    String profile = child(t, XCCDF12, "profile").map(p -> XccdfBenchmarkReader.strip(p.getAttribute("idref"))).orElse(null);
    double score = 0.0;
    var scoreElement = child(t, XCCDF12, "score");
    if (scoreElement.isPresent()) {
      String text = scoreElement.get().getTextContent().trim();
      try {
        score = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new XmlInputException(file, -1, -1, "TestResult score '" + text + "' is not a number — expected a decimal such as 87.5");
      }
    }
    String identity = childText(t, XCCDF12, "identity");
    return new TestResult(b, profile, target, start, end, t.getAttribute("test-system"), identity, results, score, 100.0);
  }

  private static Instant time(Path file, String text) throws XmlInputException {
    if (text == null || text.isEmpty()) return Instant.EPOCH;
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new XmlInputException(file, -1, -1, "'" + text + "' is not an xs:dateTime");
      }
    }
  }
}
