package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Dom;
import dev.stigsmith.oval.model.Message;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.oval.model.XmlOut;
import java.nio.file.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes OVAL 5.11.2 results: directives "full" for every result, the evaluated definitions
 * document, and one system with definition results, test results and the system characteristics.
 */
public final class OvalResultsWriter {
  private static final String[] DIRECTIVES = {
    "definition_true", "definition_false", "definition_unknown", "definition_error",
    "definition_not_evaluated", "definition_not_applicable"
  };

  private OvalResultsWriter() {}

  public static void write(OvalResults results, Path file) {
    XmlOut.writeAtomically(toDocument(results), file);
  }

  public static Document toDocument(OvalResults results) {
    Document doc = sharedPart(results);
    appendResults(doc.getDocumentElement(), results);
    return doc;
  }

  /**
   * What hosts evaluated with the same definitions at the same time share: the root, generator,
   * directives and the definitions document ({@link #toDocument} = this + {@link #appendResults}).
   */
  public static Document sharedPart(OvalResults results) {
    Document doc = XmlOut.newDocument();
    Element root = root(doc);
    SystemCharacteristicsWriter.generator(root, "generator", results.generator());
    Element directives = Dom.add(root, OvalNs.RES, "directives");
    for (String d : DIRECTIVES) {
      Element e = Dom.add(directives, OvalNs.RES, d);
      e.setAttribute("reported", "true");
      e.setAttribute("content", "full");
    }
    root.appendChild(doc.importNode(results.definitions().source(), true));
    return doc;
  }

  /** A root like {@link #toDocument}'s holding only the host's own part (its results element). */
  public static Document hostPart(OvalResults results) {
    Document doc = XmlOut.newDocument();
    appendResults(root(doc), results);
    return doc;
  }

  /**
   * The bytes of {@link #hostPart}'s document, streamed without building it (a fleet writes one per host);
   * null when its content needs the DOM path ({@link dev.stigsmith.xml.XmlStream}).
   */
  public static byte[] hostPartBytes(OvalResults results) {
    var x = new dev.stigsmith.xml.XmlStream();
    x.start(OvalNs.RES, "oval_results");
    x.attr(OvalNs.XMLNS, "xmlns", OvalNs.RES);
    x.attr(OvalNs.XMLNS, "xmlns:oval", OvalNs.COMMON);
    x.attr(OvalNs.XMLNS, "xmlns:xsi", OvalNs.XSI);
    x.start(OvalNs.RES, "results").start(OvalNs.RES, "system");
    if (!results.definitionResults().isEmpty()) {
      x.start(OvalNs.RES, "definitions");
      for (DefinitionResult d : results.definitionResults()) {
        x.start(OvalNs.RES, "definition").attr("definition_id", d.definitionId()).attr("version", d.version());
        if (d.definitionClass() != null && !d.definitionClass().isEmpty()) x.attr("class", d.definitionClass());
        x.attr("result", d.result().xml());
        d.messages().forEach(m -> message(x, m));
        if (d.criteria() != null) criteria(x, d.criteria());
        x.end();
      }
      x.end();
    }
    if (!results.testResults().isEmpty()) {
      x.start(OvalNs.RES, "tests");
      for (TestResult t : results.testResults()) {
        x.start(OvalNs.RES, "test").attr("test_id", t.testId()).attr("version", t.version())
            .attr("check_existence", t.checkExistence()).attr("check", t.check())
            .attr("state_operator", t.stateOperator()).attr("result", t.result().xml());
        t.messages().forEach(m -> message(x, m));
        for (TestedItem ti : t.items()) {
          x.start(OvalNs.RES, "tested_item").attr("item_id", Long.toString(ti.item().id())).attr("result", ti.result().xml());
          if (ti.result() != OvalResult.TRUE) {
            for (var c : ti.comparisons()) if (c.result() != OvalResult.TRUE) message(x, Message.info(c.describe()));
          }
          x.end();
        }
        for (CollectedObject.VariableValue v : t.variables()) {
          x.start(OvalNs.RES, "tested_variable").attr("variable_id", v.variableId()).text(v.value()).end();
        }
        x.end();
      }
      x.end();
    }
    SystemCharacteristicsWriter.stream(results.systemCharacteristics(), x);
    x.end().end().end();
    return x.toBytes();
  }

  private static void criteria(dev.stigsmith.xml.XmlStream x, CriteriaResult c) {
    x.start(OvalNs.RES, c.kind());
    if (c.applicabilityCheck() != null) x.attr("applicability_check", c.applicabilityCheck().toString());
    switch (c.kind()) {
      case "criteria" -> x.attr("operator", c.operator());
      case "criterion" -> x.attr("test_ref", c.ref());
      default -> x.attr("definition_ref", c.ref());
    }
    if (!"criteria".equals(c.kind())) x.attr("version", c.refVersion() == null ? "0" : c.refVersion());
    if (c.negate()) x.attr("negate", "true");
    x.attr("result", c.result().xml());
    c.children().forEach(ch -> criteria(x, ch));
    x.end();
  }

  private static void message(dev.stigsmith.xml.XmlStream x, Message m) {
    x.start(OvalNs.RES, "message").attr("level", m.level()).text(m.text()).end();
  }

  /** Equal for results whose {@link #sharedPart} is equal. */
  public static String sharedKey(OvalResults results) {
    return System.identityHashCode(results.definitions()) + " " + results.generator();
  }

  private static Element root(Document doc) {
    Element root = doc.createElementNS(OvalNs.RES, "oval_results");
    doc.appendChild(root);
    root.setAttributeNS(OvalNs.XMLNS, "xmlns", OvalNs.RES);
    root.setAttributeNS(OvalNs.XMLNS, "xmlns:oval", OvalNs.COMMON);
    root.setAttributeNS(OvalNs.XMLNS, "xmlns:xsi", OvalNs.XSI);
    return root;
  }

  private static void appendResults(Element root, OvalResults results) {
    Document doc = root.getOwnerDocument();
    Element system = Dom.add(Dom.add(root, OvalNs.RES, "results"), OvalNs.RES, "system");
    if (!results.definitionResults().isEmpty()) {
      Element defs = Dom.add(system, OvalNs.RES, "definitions");
      results.definitionResults().forEach(d -> definition(defs, d));
    }
    if (!results.testResults().isEmpty()) {
      Element tests = Dom.add(system, OvalNs.RES, "tests");
      results.testResults().forEach(t -> test(tests, t));
    }
    system.appendChild(SystemCharacteristicsWriter.toElement(results.systemCharacteristics(), doc));
  }

  private static void definition(Element parent, DefinitionResult d) {
    Element e = Dom.add(parent, OvalNs.RES, "definition");
    e.setAttribute("definition_id", d.definitionId());
    e.setAttribute("version", d.version());
    if (d.definitionClass() != null && !d.definitionClass().isEmpty()) e.setAttribute("class", d.definitionClass());
    e.setAttribute("result", d.result().xml());
    d.messages().forEach(m -> message(e, m));
    if (d.criteria() != null) criteria(e, d.criteria());
  }

  private static void criteria(Element parent, CriteriaResult c) {
    Element e = Dom.add(parent, OvalNs.RES, c.kind());
    if (c.applicabilityCheck() != null) e.setAttribute("applicability_check", c.applicabilityCheck().toString());
    switch (c.kind()) {
      case "criteria" -> e.setAttribute("operator", c.operator());
      case "criterion" -> e.setAttribute("test_ref", c.ref());
      default -> e.setAttribute("definition_ref", c.ref());
    }
    if (!"criteria".equals(c.kind())) e.setAttribute("version", c.refVersion() == null ? "0" : c.refVersion());
    if (c.negate()) e.setAttribute("negate", "true");
    e.setAttribute("result", c.result().xml());
    c.children().forEach(ch -> criteria(e, ch));
  }

  private static void test(Element parent, TestResult t) {
    Element e = Dom.add(parent, OvalNs.RES, "test");
    e.setAttribute("test_id", t.testId());
    e.setAttribute("version", t.version());
    e.setAttribute("check_existence", t.checkExistence());
    e.setAttribute("check", t.check());
    e.setAttribute("state_operator", t.stateOperator());
    e.setAttribute("result", t.result().xml());
    t.messages().forEach(m -> message(e, m));
    for (TestedItem ti : t.items()) {
      Element i = Dom.add(e, OvalNs.RES, "tested_item");
      i.setAttribute("item_id", Long.toString(ti.item().id()));
      i.setAttribute("result", ti.result().xml());
      if (ti.result() != OvalResult.TRUE) {
        ti.comparisons().stream()
            .filter(c -> c.result() != OvalResult.TRUE)
            .forEach(c -> message(i, Message.info(c.describe())));
      }
    }
    for (CollectedObject.VariableValue v : t.variables()) {
      Dom.addText(e, OvalNs.RES, "tested_variable", v.value()).setAttribute("variable_id", v.variableId());
    }
  }

  private static void message(Element parent, Message m) {
    Dom.addText(parent, OvalNs.RES, "message", m.text()).setAttribute("level", m.level());
  }
}
