package dev.stigsmith.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates SCAP documents offline against the official XSDs (through the bundled catalog) and the
 * Schematron rules that ship with them. The file is parsed once: the same SAX events feed the XSD validator
 * and the tree that Schematron (and the reference checks in {@code dev.stigsmith.validate}) read.
 */
public final class ScapValidator {
  /** Rule id of a document that is not well-formed XML. */
  public static final String WELL_FORMED = "xml-well-formed";
  /** Rule id of a document that carries a DOCTYPE (refused: SCAP documents have none, we read no DTDs). */
  public static final String DOCTYPE = "xml-doctype";

  /** Schematron compiles and runs beside the parse; daemon threads, so a CLI run ends when main does. */
  private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "schematron");
        t.setDaemon(true);
        return t;
      });

  /** The tree side of side-by-side checks; a thread per document being checked that way. */
  private static final java.util.concurrent.ExecutorService TREES = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "xml-tree");
    t.setDaemon(true);
    return t;
  });

  static final String IDENTITY_CHECKING =
      "http://apache.org/xml/features/validation/identity-constraint-checking";

  private ScapValidator() {}

  /** What checking one XML document found, the parsed tree (null when not well-formed) and what
   * {@link Request#treeChecks()} found on it. */
  public record Checked(ValidationReport report, XdmNode document, List<Problem> treeProblems) {}

  /**
   * @throws XmlInputException when the file cannot be validated at all: unreadable, not well-formed,
   *     refused by the hardened parser (DOCTYPE), or not a known kind of SCAP document
   */
  public static ValidationReport validate(Path file) throws XmlInputException {
    DocumentKind kind = DocumentKind.detect(file);
    return validate(file, kind);
  }

  public static ValidationReport validate(Path file, DocumentKind kind) throws XmlInputException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, "cannot read: " + e.getMessage());
    }
    Checked c = check(file, bytes, kind, true, true);
    for (Problem p : c.report().problems()) {
      if (p.ruleId().equals(WELL_FORMED) || p.ruleId().equals(DOCTYPE)) {
        throw new XmlInputException(file, p.line(), p.column(), "not well-formed XML: " + p.message());
      }
    }
    return c.report();
  }

  /**
   * Compiles what checking these bytes as a document of {@code kind} will need: the schema with the OVAL
   * platforms they name and, when asked, the kind's Schematron (on the workers). A check that follows
   * finds them compiled, or waits for the compile under way rather than starting another.
   */
  public static void prepare(byte[] bytes, DocumentKind kind, boolean schematron) {
    if (schematron) compileSchematron(kind);
    ScapSchemas.schema(kind, ScapSchemas.platformNamespaces(new String(bytes, StandardCharsets.ISO_8859_1)));
  }

  private static void compileSchematron(DocumentKind kind) {
    for (String s : kind.schematrons()) CompletableFuture.runAsync(() -> Schematron.compiled(s), WORKERS);
  }

  /**
   * Parses {@code bytes} once, validating against the kind's schema and (when asked) running its Schematron
   * on the tree built from the same parse. Not well-formed input is a problem of the document
   * ({@link #WELL_FORMED}), not an exception.
   *
   * @param keepTree build the tree even without Schematron (for checks that read it)
   */
  public static Checked check(Path file, byte[] bytes, DocumentKind kind, boolean schematron, boolean keepTree) {
    return check(file, bytes, kind, new Request(schematron, keepTree, null, false));
  }

  /**
   * How to check one document.
   *
   * @param keepTree build the tree even without Schematron
   * @param treeChecks more checks over the tree, run as soon as it is built (null: none); their problems are
   *     {@link Checked#treeProblems()}
   * @param sideBySide parse twice on two threads, one parse feeding the schema validator and the other the
   *     tree and everything that reads it. Worth it when one document has the machine to itself: the tree
   *     side starts while the schema still compiles, and a large file's validation and tree checks overlap
   *     (a second scan of the bytes costs less than either). Not when other files keep the cores busy.
   */
  public record Request(boolean schematron, boolean keepTree, Function<XdmNode, List<Problem>> treeChecks,
                        boolean sideBySide) {}

  /** What reading the tree found: the tree (null when not well-formed), the own checks' problems and the
   * Schematron runs under way over it. */
  private record TreeSide(XdmNode doc, List<Problem> own, List<CompletableFuture<List<Problem>>> schematron) {
    static final TreeSide NONE = new TreeSide(null, List.of(), List.of());
  }

  public static Checked check(Path file, byte[] bytes, DocumentKind kind, Request request) {
    boolean schematron = request.schematron() && !kind.schematrons().isEmpty();
    // The Schematron stylesheets compile on another core while this one compiles the schema and parses.
    if (schematron) compileSchematron(kind);
    Set<String> platforms = ScapSchemas.platformNamespaces(new String(bytes, StandardCharsets.ISO_8859_1));
    boolean wantTree = request.keepTree() || schematron;
    CompletableFuture<XdmNode> built = new CompletableFuture<>();
    CompletableFuture<TreeSide> sideTree = wantTree && request.sideBySide()
        ? CompletableFuture.supplyAsync(() -> treeSide(file, bytes, kind, request, schematron, built), TREES)
        : null;
    Schema schema = ScapSchemas.schema(kind, platforms);
    List<Problem> problems = new ArrayList<>();
    ErrorHandler collect = new ErrorHandler() {
      @Override public void warning(SAXParseException e) {
        problems.add(schemaProblem(file, Problem.Severity.WARNING, e));
      }
      @Override public void error(SAXParseException e) {
        Problem p = schemaProblem(file, Problem.Severity.ERROR, e);
        // Xerces follows a facet failure with a second error about the same value; one is enough.
        if (FOLLOW_UPS.contains(p.ruleId()) && !problems.isEmpty()) {
          Problem last = problems.get(problems.size() - 1);
          if (last.line() == p.line() && last.column() == p.column()) return;
        }
        problems.add(p);
      }
      @Override public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }
    };
    BuildingContentHandler tree = null;
    try {
      if (sideTree != null) {
        // Nothing reads this parse's events, so the validator sits inside the parser: no round trip
        // through SAX events and back.
        SAXParserFactory f = SafeXml.saxParserFactory();
        f.setSchema(schema);
        XMLReader reader = newReader(f, collect);
        reader.setFeature(IDENTITY_CHECKING, false);
        // The compiled schema is complete and loads nothing more; should a hint in the document ever
        // ask for another schema or a DTD, the empty access lists refuse it.
        reader.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        reader.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.parse(source(file, bytes));
      } else {
        ValidatorHandler vh = schema.newValidatorHandler();
        vh.setResourceResolver(ScapSchemas.resolver());
        vh.setErrorHandler(collect);
        if (wantTree) {
          // With a tree at hand, identity constraints are checked over it with hash tables (see
          // IdentityConstraints for why).
          vh.setFeature(IDENTITY_CHECKING, false);
          tree = treeBuilder(file);
        }
        parse(file, bytes, tree == null ? vh : new TeeHandler(vh, tree));
      }
    } catch (SAXParseException e) {
      problems.add(wellFormedness(file, e));
      return new Checked(new ValidationReport(file, kind, problems), null, List.of());
    } catch (SAXException e) {
      problems.add(new Problem(file, 0, 0, Problem.Severity.ERROR, readable(e.getMessage()), "", WELL_FORMED));
      return new Checked(new ValidationReport(file, kind, problems), null, List.of());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TreeSide side = TreeSide.NONE;
    XdmNode doc = null;
    try {
      if (sideTree != null) {
        doc = built.join();
      } else if (tree != null) {
        doc = tree.getDocumentNode();
        side = readTree(file, doc, kind, request, schematron);
      }
    } catch (SaxonApiException e) {
      throw new IllegalStateException(e);
    }
    // On the side-by-side path this thread's parse is done: it checks the identity constraints while the
    // other reads the tree.
    if (doc != null) problems.addAll(ScapSchemas.identityConstraints(kind, platforms).check(file, doc));
    if (sideTree != null) side = sideTree.join();
    for (CompletableFuture<List<Problem>> r : side.schematron()) problems.addAll(r.join());
    return new Checked(new ValidationReport(file, kind, problems), side.doc(), side.own());
  }

  /** The tree side of a side-by-side check: its own parse, then the checks that read the tree. */
  private static TreeSide treeSide(Path file, byte[] bytes, DocumentKind kind, Request request, boolean schematron,
                                   CompletableFuture<XdmNode> built) {
    XdmNode doc = null;
    try {
      BuildingContentHandler tree = treeBuilder(file);
      parse(file, bytes, tree);
      doc = tree.getDocumentNode();
    } catch (SAXException e) {
      // The validating side's parse fails at the same place and reports it, in the same words.
    } catch (SaxonApiException | RuntimeException e) {
      built.completeExceptionally(e);
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      built.complete(doc);
    }
    return doc == null ? TreeSide.NONE : readTree(file, doc, kind, request, schematron);
  }

  private static TreeSide readTree(Path file, XdmNode doc, DocumentKind kind, Request request, boolean schematron) {
    // Each stylesheet runs on its own thread over the one (immutable) tree, beside the checks below.
    List<CompletableFuture<List<Problem>>> runs = new ArrayList<>();
    if (schematron) {
      for (String stylesheet : kind.schematrons()) {
        runs.add(CompletableFuture.supplyAsync(() -> Schematron.check(file, doc, stylesheet), WORKERS));
      }
    }
    List<Problem> own = request.treeChecks() == null ? List.of() : request.treeChecks().apply(doc);
    return new TreeSide(doc, own, runs);
  }

  static BuildingContentHandler treeBuilder(Path file) {
    var builder = Schematron.processor().newDocumentBuilder();
    builder.setLineNumbering(true);
    builder.setBaseURI(file.toUri());
    try {
      return builder.newBuildingContentHandler();
    } catch (SaxonApiException e) {
      throw new IllegalStateException(e);
    }
  }

  static void parse(Path file, byte[] bytes, org.xml.sax.ContentHandler handler) throws SAXException {
    XMLReader reader = newReader(SafeXml.saxParserFactory(), new ErrorHandler() {
      @Override public void warning(SAXParseException e) {}
      @Override public void error(SAXParseException e) {}
      @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
    });
    reader.setContentHandler(handler);
    try {
      reader.parse(source(file, bytes));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static XMLReader newReader(SAXParserFactory f, ErrorHandler errors) throws SAXException {
    try {
      XMLReader reader = f.newSAXParser().getXMLReader();
      reader.setErrorHandler(errors);
      return reader;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputSource source(Path file, byte[] bytes) {
    InputSource src = new InputSource(new ByteArrayInputStream(bytes));
    src.setSystemId(file.toUri().toString());
    return src;
  }

  /** A well-formedness failure as a problem of the document, in the user's terms. */
  public static Problem wellFormedness(Path file, SAXParseException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("disallow-doctype-decl") || m.contains("DOCTYPE")) {
      return new Problem(file, e.getLineNumber(), e.getColumnNumber(), Problem.Severity.ERROR,
          "a DOCTYPE declaration is not allowed: SCAP documents have none, and stigsmith reads no DTDs", "", DOCTYPE);
    }
    return new Problem(file, e.getLineNumber(), e.getColumnNumber(), Problem.Severity.ERROR,
        "not well-formed XML: " + readable(m), "", WELL_FORMED);
  }

  /** Removes parser feature names and other implementation detail from a parser message. */
  static String readable(String m) {
    if (m == null) return "invalid";
    return m.replaceAll("\\s*\\(?(when )?the feature \"?https?://[^\"\\s]+\"?[^.)]*\\)?", "")
        .replaceAll("https?://(apache\\.org|xml\\.org|javax\\.xml)[^\\s\"']*", "a parser setting");
  }

  private static final Set<String> FOLLOW_UPS = Set.of("cvc-attribute.3", "cvc-type.3.1.3", "cvc-complex-type.2.2",
      "cvc-elt.5.2.1");
  private static final Pattern CODE = Pattern.compile("^(cvc-[\\w.-]+): ");
  private static final Pattern QNAME = Pattern.compile("\\{?\"([^\"]+)\":([\\w.-]+)\\}?");

  private static Problem schemaProblem(Path file, Problem.Severity severity, SAXParseException e) {
    String m = e.getMessage() == null ? "invalid" : e.getMessage();
    String rule = "xsd";
    Matcher c = CODE.matcher(m);
    if (c.find()) {
      rule = c.group(1);
      m = m.substring(c.end());
    }
    m = shortNames(m);
    return new Problem(file, e.getLineNumber(), e.getColumnNumber(), severity, readable(m), "", rule);
  }

  /** {"http://checklists.nist.gov/xccdf/1.2":title} → xccdf:title, as people write it. */
  static String shortNames(String m) {
    Matcher q = QNAME.matcher(m);
    StringBuilder sb = new StringBuilder();
    while (q.find()) q.appendReplacement(sb, Matcher.quoteReplacement(Prefixes.of(q.group(1)) + q.group(2)));
    q.appendTail(sb);
    return sb.toString();
  }

  /** The customary prefixes of the SCAP namespaces, for messages. */
  public static final class Prefixes {
    private Prefixes() {}

    public static String of(String ns) {
      return switch (ns) {
        case DocumentKind.Ns.XCCDF12, DocumentKind.Ns.XCCDF11 -> "xccdf:";
        case DocumentKind.Ns.OVAL_DEFS -> "oval-def:";
        case DocumentKind.Ns.OVAL_COMMON -> "oval:";
        case DocumentKind.Ns.OVAL_SC -> "oval-sc:";
        case DocumentKind.Ns.OVAL_RESULTS -> "oval-res:";
        case DocumentKind.Ns.OVAL_VARIABLES -> "oval-var:";
        case DocumentKind.Ns.CPE_DICT -> "cpe-dict:";
        case DocumentKind.Ns.CPE_LANG -> "cpe-lang:";
        case DocumentKind.Ns.OCIL -> "ocil:";
        case DocumentKind.Ns.SDS -> "ds:";
        case DocumentKind.Ns.ARF -> "arf:";
        case DocumentKind.Ns.AI -> "ai:";
        case DocumentKind.Ns.CORE -> "core:";
        case "http://www.w3.org/1999/xlink" -> "xlink:";
        case "http://www.w3.org/2000/09/xmldsig#" -> "ds-sig:";
        case "urn:oasis:names:tc:entity:xmlns:xml:catalog" -> "cat:";
        default -> {
          int hash = ns.indexOf("-5#");
          // OVAL platform namespaces: …-definitions-5#windows → windows-def:, …-characteristics-5#windows → windows-sc:
          if (hash > 0) yield ns.substring(hash + 3) + (ns.contains("definitions") ? "-def:" : "-sc:");
          yield "{" + ns + "}";
        }
      };
    }
  }
}
