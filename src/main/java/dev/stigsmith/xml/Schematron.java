package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.TransformerException;
import javax.xml.transform.URIResolver;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * Runs the Schematron rules that ship, compiled to XSLT, with the official SCAP schemas (Saxon-HE), and turns
 * each failed assertion into a {@link Problem} located by line where the node can be found again.
 */
final class Schematron {
  private static final String NS = "urn:dev.stigsmith:schematron-findings";
  private static final Processor SAXON = SafeXml.saxon();
  private static final Map<String, XsltExecutable> COMPILED = new ConcurrentHashMap<>();
  private static final URIResolver NOTHING = (href, base) -> {
    throw new TransformerException("stigsmith reads no further documents during validation: " + href);
  };

  private Schematron() {}

  /** Parses a user's file for Schematron (hardened parser, line numbers kept). */
  static XdmNode load(Path file) throws XmlInputException {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      org.xml.sax.InputSource src = new org.xml.sax.InputSource(in);
      src.setSystemId(file.toUri().toString());
      var reader = SafeXml.saxParserFactory().newSAXParser().getXMLReader();
      var builder = SAXON.newDocumentBuilder();
      builder.setLineNumbering(true);
      return builder.build(new javax.xml.transform.sax.SAXSource(reader, src));
    } catch (SaxonApiException e) {
      throw new XmlInputException(file, -1, -1, "not well-formed XML: " + e.getMessage());
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, "cannot read: " + e.getMessage());
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Problem> check(Path file, XdmNode doc, String stylesheet) {
    XsltExecutable exec = COMPILED.computeIfAbsent(stylesheet, Schematron::compile);
    Xslt30Transformer t = exec.load30();
    t.setURIResolver(NOTHING);
    XdmDestination out = new XdmDestination();
    try {
      t.applyTemplates(doc, out);
    } catch (SaxonApiException e) {
      return List.of(new Problem(file, 0, 0, Problem.Severity.ERROR,
          "Schematron " + stylesheet + " could not run: " + e.getMessage(), ""));
    }
    List<Problem> problems = new ArrayList<>();
    for (XdmNode finding : out.getXdmNode().children(n -> n.getNodeKind() == XdmNodeKind.ELEMENT
        && new QName(NS, "finding").equals(n.getNodeName()))) {
      String location = finding.attribute("location");
      String text = finding.getStringValue().replaceAll("\\s+", " ").trim();
      Problem.Severity severity = text.startsWith("Warning:") ? Problem.Severity.WARNING : Problem.Severity.ERROR;
      text = text.replaceFirst("^(Error|Warning): ", "");
      problems.add(new Problem(file, lineOf(doc, location), 0, severity, text, location));
    }
    return problems;
  }

  private static int lineOf(XdmNode doc, String location) {
    if (location == null || location.isEmpty()) return 0;
    try {
      XPathCompiler xp = SAXON.newXPathCompiler();
      XdmItem item = xp.evaluateSingle(location, doc);
      if (item instanceof XdmNode node) {
        if (node.getNodeKind() == XdmNodeKind.ATTRIBUTE) node = node.getParent();
        return Math.max(node.getLineNumber(), 0);
      }
    } catch (SaxonApiException e) {
      // an XPath we cannot evaluate leaves the finding with its location only
    }
    return 0;
  }

  private static XsltExecutable compile(String stylesheet) {
    URL official = ScapSchemas.resource(stylesheet);
    URL wrapper = Schematron.class.getResource("schematron-findings.xsl");
    try (InputStream sch = official.openStream(); InputStream wrap = wrapper.openStream()) {
      var compiler = SAXON.newXsltCompiler();
      compiler.setURIResolver(NOTHING);
      Xslt30Transformer instrument = compiler.compile(new StreamSource(wrap, wrapper.toString())).load30();
      XdmDestination instrumented = new XdmDestination();
      instrumented.setBaseURI(official.toURI());
      instrument.transform(new StreamSource(sch, official.toString()), instrumented);
      return compiler.compile(instrumented.getXdmNode().asSource());
    } catch (IOException | SaxonApiException | java.net.URISyntaxException e) {
      throw new IllegalStateException("official Schematron " + stylesheet + " does not compile: " + e.getMessage(), e);
    }
  }
}
