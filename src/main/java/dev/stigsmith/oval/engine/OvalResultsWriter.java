package dev.stigsmith.oval.engine;

import dev.stigsmith.oval.model.CollectedObject;
import dev.stigsmith.oval.model.Dom;
import dev.stigsmith.oval.model.Message;
import dev.stigsmith.oval.model.OvalNs;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.oval.model.XmlOut;
import dev.stigsmith.xml.DomEvents;
import dev.stigsmith.xml.XmlEvents;
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
    Document doc = sharedHead(results);
    doc.getDocumentElement().appendChild(doc.importNode(results.definitions().source(), true));
    return doc;
  }

  /** {@link #sharedPart} up to the definitions: the root, generator and directives. */
  public static Document sharedHead(OvalResults results) {
    Document doc = XmlOut.newDocument();
    Element root = root(doc);
    SystemCharacteristicsWriter.generator(new DomEvents(doc, root), OvalNs.RES, "generator", results.generator());
    Element directives = Dom.add(root, OvalNs.RES, "directives");
    for (String d : DIRECTIVES) {
      Element e = Dom.add(directives, OvalNs.RES, d);
      e.setAttribute("reported", "true");
      e.setAttribute("content", "full");
    }
    return doc;
  }

  /** An empty results root, for the definitions to be imported into (see {@link #sharedHead}). */
  public static Document emptyRoot() {
    Document doc = XmlOut.newDocument();
    root(doc);
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
    startRoot(x);
    results(x, results);
    x.end();
    return x.toBytes();
  }

  /** The host's own part: its results element (definitions, tests and system characteristics). */
  private static void results(XmlEvents x, OvalResults results) {
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
    SystemCharacteristicsWriter.write(results.systemCharacteristics(), x);
    x.end().end();
  }

  private static void criteria(XmlEvents x, CriteriaResult c) {
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

  private static void message(XmlEvents x, Message m) {
    x.start(OvalNs.RES, "message").attr("level", m.level()).text(m.text()).end();
  }

  /** Equal for results whose {@link #sharedPart} is equal. */
  public static String sharedKey(OvalResults results) {
    return System.identityHashCode(results.definitions()) + " " + results.generator();
  }

  private static Element root(Document doc) {
    DomEvents d = new DomEvents(doc, null);
    startRoot(d);
    doc.appendChild(d.root());
    return d.root();
  }

  private static void startRoot(XmlEvents x) {
    x.start(OvalNs.RES, "oval_results");
    x.attr(OvalNs.XMLNS, "xmlns", OvalNs.RES);
    x.attr(OvalNs.XMLNS, "xmlns:oval", OvalNs.COMMON);
    x.attr(OvalNs.XMLNS, "xmlns:xsi", OvalNs.XSI);
  }

  private static void appendResults(Element root, OvalResults results) {
    results(new DomEvents(root.getOwnerDocument(), root), results);
  }
}
