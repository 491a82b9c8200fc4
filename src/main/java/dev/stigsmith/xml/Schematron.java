package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.TransformerException;
import javax.xml.transform.URIResolver;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.Serializer;
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

  static Processor processor() {
    return SAXON;
  }

  /** The stylesheet, compiled on first use (thread-safe: parallel files share one compilation). */
  static XsltExecutable compiled(String stylesheet) {
    return COMPILED.computeIfAbsent(stylesheet, s -> compile(s, true));
  }

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
    return check(file, doc, stylesheet, compiled(stylesheet));
  }

  /** As {@link #check(Path, XdmNode, String)} with a stylesheet compiled by {@link #compile(String, boolean)}. */
  static List<Problem> check(Path file, XdmNode doc, String stylesheet, XsltExecutable exec) {
    Xslt30Transformer t = exec.load30();
    t.setURIResolver(NOTHING);
    XdmDestination out = new XdmDestination();
    try {
      t.applyTemplates(doc, out);
    } catch (SaxonApiException e) {
      return List.of(new Problem(file, 0, 0, Problem.Severity.ERROR,
          "Schematron " + stylesheet + " could not run: " + e.getMessage(), "", ruleId(stylesheet)));
    }
    List<Problem> problems = new ArrayList<>();
    for (XdmNode finding : out.getXdmNode().children(n -> n.getNodeKind() == XdmNodeKind.ELEMENT
        && new QName(NS, "finding").equals(n.getNodeName()))) {
      String location = finding.attribute("location");
      String text = finding.getStringValue().replaceAll("\\s+", " ").trim();
      Problem.Severity severity = text.startsWith("Warning:") ? Problem.Severity.WARNING : Problem.Severity.ERROR;
      text = text.replaceFirst("^(Error|Warning): ", "");
      String rule = ruleId(stylesheet);
      Matcher id = SCAP_REQUIREMENT.matcher(text);
      if (id.matches()) {
        // The SCAP 1.3 rules print only a requirement id and the item: "SRC-251-1|xccdf:Rule xccdf_…".
        rule = id.group(1);
        text = ScapRequirements.explain(rule) + " (" + id.group(2).trim() + ")";
      }
      problems.add(new Problem(file, lineOf(doc, location), 0, severity, text, location, rule));
    }
    return problems;
  }

  private static final java.util.regex.Pattern SCAP_REQUIREMENT =
      java.util.regex.Pattern.compile("^((?:SRC|A)-\\d+-\\d+)\\|(.*)$");

  /** "xccdf/1.2/xccdf_1.2-schematron.xsl" → "schematron:xccdf_1.2". */
  static String ruleId(String stylesheet) {
    String name = stylesheet.substring(stylesheet.lastIndexOf('/') + 1).replaceFirst("\\.xsl$", "")
        .replaceFirst("-schematron$", "");
    return "schematron:" + name;
  }

  // One step of the stylesheets' own "full path": *[local-name()='x' and namespace-uri()='ns'][n], x[n], or @….
  private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile(
      "/(?:\\*\\[local-name\\(\\)='([^']*)' and namespace-uri\\(\\)='([^']*)'\\]|([^/\\[@*']+))(?:\\[(\\d+)\\])?");

  /**
   * Follows the path step by step (a data stream can have thousands of findings; compiling an XPath for each
   * costs more than the Schematron run). Null when the path has a shape it does not know.
   */
  static XdmNode walk(XdmNode doc, String location) {
    net.sf.saxon.om.NodeInfo root = doc.getUnderlyingNode();
    net.sf.saxon.om.NodeInfo node = root;
    net.sf.saxon.om.NamePool pool = root.getConfiguration().getNamePool();
    Matcher m = STEP.matcher(location);
    int pos = 0;
    while (pos < location.length()) {
      if (location.startsWith("/@", pos)) break;
      m.region(pos, location.length());
      if (!m.lookingAt()) return null;
      String local = m.group(1) != null ? m.group(1) : m.group(3);
      String ns = m.group(1) != null ? m.group(2) : "";
      int n = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      // A name test on the tiny tree compares integer name codes: thousands of findings among thousands of
      // siblings stay cheap.
      var it = node.iterateAxis(net.sf.saxon.om.AxisInfo.CHILD, new net.sf.saxon.pattern.NameTest(
          net.sf.saxon.type.Type.ELEMENT, net.sf.saxon.om.NamespaceUri.of(ns), local, pool));
      net.sf.saxon.om.NodeInfo found = null;
      for (net.sf.saxon.om.NodeInfo c; (c = (net.sf.saxon.om.NodeInfo) it.next()) != null; ) {
        if (--n == 0) {
          found = c;
          break;
        }
      }
      if (found == null) return null;
      node = found;
      pos = m.end();
    }
    return node == root ? null : new XdmNode(node);
  }

  private static int lineOf(XdmNode doc, String location) {
    if (location == null || location.isEmpty()) return 0;
    XdmNode walked = walk(doc, location);
    if (walked != null) return Math.max(walked.getLineNumber(), 0);
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

  /**
   * The official stylesheet, instrumented to locate its findings; with {@code keyed}, its whole-document id
   * scans replaced by key lookups (see schematron-findings.xsl).
   */
  static XsltExecutable compile(String stylesheet, boolean keyed) {
    try {
      var compiler = SAXON.newXsltCompiler();
      compiler.setURIResolver(NOTHING);
      URL prebuilt = keyed ? Schematron.class.getResource(PREBUILT + stylesheet) : null;
      if (prebuilt != null) {
        try (InputStream in = prebuilt.openStream()) {
          return compiler.compile(new StreamSource(in, ScapSchemas.resource(stylesheet).toString()));
        }
      }
      return compiler.compile(instrumented(stylesheet, keyed).asSource());
    } catch (SaxonApiException | IOException e) {
      throw new IllegalStateException("official Schematron " + stylesheet + " does not compile: " + e.getMessage(), e);
    }
  }

  /**
   * Where the build puts each official stylesheet already instrumented ({@link #main}): instrumenting
   * took longer than compiling on a cold start, three times per data stream.
   */
  static final String PREBUILT = "schematron-instrumented/";

  /** Build step ({@link SchematronBuildStep}): every stylesheet a document kind runs, instrumented and keyed, under {@code args[0]}. */
  static void prebuild(String[] args) throws Exception {
    java.nio.file.Path out = java.nio.file.Path.of(args[0]);
    java.util.Set<String> stylesheets = new java.util.TreeSet<>();
    for (DocumentKind k : DocumentKind.values()) stylesheets.addAll(k.schematrons());
    for (String s : stylesheets) {
      java.nio.file.Path f = out.resolve(s);
      java.nio.file.Files.createDirectories(f.getParent());
      Serializer ser = SAXON.newSerializer(f.toFile());
      ser.setOutputProperty(Serializer.Property.METHOD, "xml");
      ser.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
      ser.serializeNode(instrumented(s, true));
    }
    System.out.println("schematron: " + stylesheets.size() + " official stylesheets instrumented into " + out);
  }

  private static volatile XsltExecutable wrapper;

  /** The instrumenting stylesheet, compiled once. */
  private static XsltExecutable wrapper() throws SaxonApiException, IOException {
    XsltExecutable w = wrapper;
    if (w == null) {
      URL url = Schematron.class.getResource("schematron-findings.xsl");
      try (InputStream in = url.openStream()) {
        var compiler = SAXON.newXsltCompiler();
        compiler.setURIResolver(NOTHING);
        w = compiler.compile(new StreamSource(in, url.toString()));
      }
      wrapper = w;
    }
    return w;
  }

  /** The official stylesheet after schematron-findings.xsl, before compilation. */
  static XdmNode instrumented(String stylesheet, boolean keyed) {
    URL official = ScapSchemas.resource(stylesheet);
    try (InputStream sch = official.openStream()) {
      Xslt30Transformer instrument = wrapper().load30();
      instrument.setStylesheetParameters(java.util.Map.of(new net.sf.saxon.s9api.QName("keyed"),
          new net.sf.saxon.s9api.XdmAtomicValue(keyed)));
      XdmDestination instrumented = new XdmDestination();
      instrumented.setBaseURI(official.toURI());
      instrument.transform(new StreamSource(sch, official.toString()), instrumented);
      return instrumented.getXdmNode();
    } catch (IOException | SaxonApiException | java.net.URISyntaxException e) {
      throw new IllegalStateException("official Schematron " + stylesheet + " does not compile: " + e.getMessage(), e);
    }
  }
}
