package dev.stigsmith.export;

import dev.stigsmith.model.Rule;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.RuleResult;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlOutput;
import java.nio.file.Path;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML (the de-facto Ant/Surefire shape CI servers read): one testcase per current rule; fail is a
 * {@code failure}, error an {@code error}, pass passes, and everything else — not applicable, not checked,
 * manual rules never evaluated — is {@code skipped}. Times are 0: a rule check has no duration worth reporting
 * and wall-clock numbers would make the file differ run to run.
 */
public final class JUnitWriter {
  public void write(TestResult tr, Path file) {
    XmlOutput.writeAtomically(file, toBytes(tr));
  }

  public byte[] toBytes(TestResult tr) {
    Document d;
    d = SafeXml.newDocument();
    d.setXmlStandalone(true);
    String suiteName = tr.benchmark().id() + " " + tr.benchmark().versionRelease();
    Map<Rule, RuleResult> rows = Checklist.currentResults(tr);
    int failures = 0, errors = 0, skipped = 0;
    for (RuleResult rr : rows.values()) {
      ResultType r = rr == null ? ResultType.NOTCHECKED : rr.effectiveResult();
      if (r == ResultType.FAIL) failures++;
      else if (r == ResultType.ERROR) errors++;
      else if (r != ResultType.PASS) skipped++;
    }
    Element suites = d.createElement("testsuites");
    d.appendChild(suites);
    suites.setAttribute("name", "stigsmith");
    suites.setAttribute("tests", String.valueOf(rows.size()));
    suites.setAttribute("failures", String.valueOf(failures));
    suites.setAttribute("errors", String.valueOf(errors));
    suites.setAttribute("skipped", String.valueOf(skipped));
    Element suite = child(d, suites, "testsuite");
    suite.setAttribute("name", suiteName);
    suite.setAttribute("tests", String.valueOf(rows.size()));
    suite.setAttribute("failures", String.valueOf(failures));
    suite.setAttribute("errors", String.valueOf(errors));
    suite.setAttribute("skipped", String.valueOf(skipped));
    suite.setAttribute("time", "0");
    String host = tr.target() == null ? "" : tr.target().hostName();
    suite.setAttribute("hostname", host);
    if (tr.endTime() != null) suite.setAttribute("timestamp", StigManagerXccdfWriter.time(tr.endTime()).replace("Z", ""));
    Element props = child(d, suite, "properties");
    property(d, props, "benchmark", tr.benchmark().id());
    property(d, props, "release", tr.benchmark().releaseInfo());
    if (tr.profileId() != null) property(d, props, "profile", tr.profileId());
    for (Map.Entry<Rule, RuleResult> e : rows.entrySet()) {
      Rule rule = e.getKey();
      RuleResult rr = e.getValue();
      Element tc = child(d, suite, "testcase");
      tc.setAttribute("classname", tr.benchmark().id() + "." + host);
      tc.setAttribute("name", rule.stigId() + " " + rule.ruleId() + " " + rule.title());
      tc.setAttribute("time", "0");
      ResultType r = rr == null ? null : rr.effectiveResult();
      String details = rr == null ? "" : rr.message();
      if (r == ResultType.FAIL) {
        outcome(d, tc, "failure", rule.severity().catLabel() + ": " + rule.title(), "fail", details);
      } else if (r == ResultType.ERROR) {
        outcome(d, tc, "error", "the check could not be evaluated", "error", details);
      } else if (r != ResultType.PASS) {
        Element s = child(d, tc, "skipped");
        s.setAttribute("message", r == null ? "not evaluated (manual review)" : r.xccdf());
      }
      if (rr != null && r != ResultType.FAIL && r != ResultType.ERROR && !details.isEmpty()) {
        child(d, tc, "system-out").appendChild(d.createTextNode(details));
      }
    }
    return XmlOutput.toBytes(d);
  }

  private static void outcome(Document d, Element tc, String kind, String message, String type, String text) {
    Element f = child(d, tc, kind);
    f.setAttribute("message", message);
    f.setAttribute("type", type);
    if (!text.isEmpty()) f.appendChild(d.createTextNode(text));
  }

  private static void property(Document d, Element props, String name, String value) {
    Element p = child(d, props, "property");
    p.setAttribute("name", name);
    p.setAttribute("value", value);
  }

  private static Element child(Document d, Element parent, String name) {
    Element e = d.createElement(name);
    parent.appendChild(e);
    return e;
  }
}
