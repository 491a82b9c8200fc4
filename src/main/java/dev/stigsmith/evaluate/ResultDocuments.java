package dev.stigsmith.evaluate;

import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.model.Rule;
import dev.stigsmith.oval.engine.OvalResults;
import dev.stigsmith.oval.engine.OvalResultsWriter;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.scap.arf.ArfRenderer;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.scap.xccdf.TestResultRenderer;
import dev.stigsmith.scap.xccdf.XccdfBenchmarkReader;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.Bytes;
import dev.stigsmith.xml.Ns;
import dev.stigsmith.xml.XmlBuilder;
import dev.stigsmith.xml.XmlOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The SCAP result documents (XCCDF, OVAL, ARF) of one benchmark, with what every host shares
 * serialised once. XCCDF "results inside benchmark" is the whole benchmark plus a TestResult, and OVAL
 * results carry the whole definitions document: those parts are written to bytes at preparation
 * and each host's own part is serialised alone and spliced in, giving the same bytes as rendering the
 * whole document (a test holds that) for a fraction of the work. The shared DOM is read only under
 * a lock, since a DOM is not safe to read from several threads.
 */
final class ResultDocuments {
  private static final String MARK = "stigsmith-host-part";

  private final Evaluator.Prepared prepared;
  private final Set<ResultFormat> formats;
  private final TestResultRenderer.CheckRefs refs;
  private final String benchmarkHref;
  private final Object domLock = new Object();
  /** The benchmark's root element as plain data, so each host can recreate its namespace context. */
  private final RootShape benchmarkRoot;
  private final Splice insideBenchmark;
  /** The benchmark's root binds "xccdf" to XCCDF 1.2, so a TestResult inside it declares nothing itself. */
  private final boolean rootDeclaresXccdf;
  private volatile Splice ovalResults;
  /** {@link #ovalDefinitionsPart} of the prepared definitions, made by the build; null: made here. */
  private final byte[] prebuiltDefinitions;
  private volatile String ovalKey;

  private ResultDocuments(Evaluator.Prepared prepared, Set<ResultFormat> formats, BundledContent.Prebuilt prebuilt) {
    this.prepared = prepared;
    this.formats = formats;
    this.prebuiltDefinitions = prebuilt.ovalDefinitions();
    XccdfBenchmarkReader.Loaded loaded = prepared.loaded();
    this.refs = new TestResultRenderer.CheckRefs() {
      @Override
      public String href(Rule r) {
        var ref = loaded.ovalChecks().get(r.ruleId());
        return ref == null ? null : ref.href();
      }

      @Override
      public String name(Rule r) {
        return loaded.ovalChecks().get(r.ruleId()).definitionId();
      }
    };
    ScapSource source = prepared.source();
    this.benchmarkHref = source.file().getFileName().toString();
    if (formats.contains(ResultFormat.XCCDF)) {
      synchronized (domLock) {
        Element benchmark = source.benchmark();
        this.benchmarkRoot = RootShape.of(benchmark);
        this.rootDeclaresXccdf = Ns.XCCDF12.equals(benchmark.getAttributeNS("http://www.w3.org/2000/xmlns/", "xccdf"));
        this.insideBenchmark = Splice.around(prebuilt.resultsFrame() != null ? prebuilt.resultsFrame() : benchmarkFrame(benchmark));
      }
    } else {
      this.benchmarkRoot = null;
      this.insideBenchmark = null;
      this.rootDeclaresXccdf = false;
    }
  }

  static ResultDocuments prepare(Evaluator.Prepared prepared, Set<ResultFormat> formats) {
    return prepare(prepared, formats, BundledContent.Prebuilt.NONE);
  }

  /** @param prebuilt parts serialised beforehand (the build does it for the bundled benchmarks) */
  static ResultDocuments prepare(Evaluator.Prepared prepared, Set<ResultFormat> formats, BundledContent.Prebuilt prebuilt) {
    return new ResultDocuments(prepared, formats, prebuilt);
  }

  /**
   * "Results inside benchmark" without the results: the benchmark as a document of its own, with a
   * marker comment where each host's TestResult goes.
   */
  static byte[] benchmarkFrame(Element benchmark) {
    XmlBuilder xml = XmlBuilder.document(Map.of("xccdf", Ns.XCCDF12));
    Document doc = xml.document();
    Element copy = (Element) doc.importNode(benchmark, true);
    doc.appendChild(copy);
    copy.appendChild(doc.createComment(MARK));
    return XmlOutput.toBytes(doc);
  }

  /**
   * OVAL results' shared part from the definitions on (definitions, marker, end of root): the
   * definitions document copied into a results root, cut after a comment put before it. Preceded by
   * the bytes of the root, generator and directives cut the same way, it gives the bytes of the whole
   * shared part: each child is written the same whatever its siblings (a test holds that).
   */
  static byte[] ovalDefinitionsPart(Element definitions) {
    Document doc = OvalResultsWriter.emptyRoot();
    Element root = doc.getDocumentElement();
    root.appendChild(doc.createComment(DEFINITIONS_FOLLOW));
    root.appendChild(doc.importNode(definitions, true));
    root.appendChild(doc.createComment(MARK));
    return Splice.around(XmlOutput.toBytes(doc), DEFINITIONS_FOLLOW).tail();
  }

  private static final String DEFINITIONS_FOLLOW = "stigsmith-definitions-follow";

  /** The result documents of one host's evaluation (whose results may carry answers), by file name. */
  Map<String, byte[]> render(Evaluator.Evaluation ev, TestResult tr) {
    if (!formats.contains(ResultFormat.XCCDF) && !formats.contains(ResultFormat.ARF)) return Map.of();
    TestResultRenderer.IdScheme ids = TestResultRenderer.IdScheme.ours(tr);
    Map<String, byte[]> docs = new LinkedHashMap<>();
    if (formats.contains(ResultFormat.XCCDF)) {
      // Streamed without a DOM when the content allows, and the TestResult inside the benchmark made from
      // the standalone one's bytes (the same bytes either way: StreamedResultsTest).
      byte[] standalone = standaloneBytes(tr, ids);
      byte[] inner = standalone == null ? null : nested(standalone);
      if (inner == null) {
        byte[] wrapped = testResultInBenchmarkRootBytes(tr, ids);
        inner = wrapped != null ? Splice.inner(wrapped) : Splice.inner(testResultInBenchmarkRoot(tr, ids));
      }
      docs.put("xccdf-results.xml", insideBenchmark.fill(inner));
      docs.put("xccdf-testresult.xml", standalone != null ? standalone : XmlOutput.toBytes(standalone(tr, ids)));
      if (ev.ovalResults() != null) docs.put("oval-results.xml", ovalResults(ev.ovalResults()));
    }
    if (formats.contains(ResultFormat.ARF)) {
      Document standalone = standalone(tr, ids);
      synchronized (domLock) {
        Document oval = ev.ovalResults() == null ? null : OvalResultsWriter.toDocument(ev.ovalResults());
        docs.put("arf.xml", XmlOutput.toBytes(ArfRenderer.render(tr.target(), prepared.source().document().getDocumentElement(),
            standalone.getDocumentElement(), oval == null ? null : oval.getDocumentElement())));
      }
    }
    return docs;
  }

  Document standalone(TestResult tr, TestResultRenderer.IdScheme ids) {
    return TestResultRenderer.standalone(tr, ids, refs, benchmarkHref);
  }

  /** {@link #standalone}'s bytes, streamed; null when its content needs the DOM. */
  byte[] standaloneBytes(TestResult tr, TestResultRenderer.IdScheme ids) {
    return TestResultRenderer.standaloneBytes(tr, ids, refs, benchmarkHref);
  }

  private static final byte[] STANDALONE_START = ("<xccdf:TestResult xmlns:xccdf=\"" + Ns.XCCDF12 + "\"")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] NESTED_START = "  <xccdf:TestResult".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BENCHMARK_LINE = "  <xccdf:benchmark ".getBytes(StandardCharsets.UTF_8);

  /**
   * The lines {@code Splice.inner(testResultInBenchmarkRootBytes(…))} would give, made from the
   * standalone TestResult's bytes instead of rendering it a second time: without the declaration, the
   * namespace declaration the benchmark's root already makes and the benchmark reference, and one level
   * deeper. Null when this benchmark's root does not declare the prefix so (render it then).
   *
   * <p>Only newlines that indent get the extra level, not those inside a message's text. In what
   * {@link dev.stigsmith.xml.XmlStream} writes, an indenting newline follows a tag's '>' and comes before
   * spaces and a '<'. A newline inside text never does both: text holds no raw '<', so one that follows
   * the start tag's '>' (the text begins with it) could only come before spaces and the end tag if the
   * rest of the text were blank, and the stream refuses blank text. Attributes never hold one.
   */
  byte[] nested(byte[] standalone) {
    if (!rootDeclaresXccdf) return null;
    byte[] s = standalone;
    int start = Bytes.indexOf(s, (byte) '\n', 0) + 1;
    if (!Bytes.startsWith(s, start, STANDALONE_START)) return null;
    int lineEnd = Bytes.indexOf(s, (byte) '\n', start);
    if (lineEnd < 0) return null;
    int rest = lineEnd;
    if (benchmarkHref != null) {
      // The benchmark reference is the root's first child, on a line of its own.
      if (!Bytes.startsWith(s, lineEnd + 1, BENCHMARK_LINE)) return null;
      rest = Bytes.indexOf(s, (byte) '\n', lineEnd + 1);
      if (rest < 0 || s[rest - 1] != '>' || s[rest - 2] != '/') return null;
    }
    int[] cuts = new int[256];
    int count = 0;
    for (int i = rest; i < s.length; i++) {
      if (s[i] != '\n' || !indents(s, i)) continue;
      if (count == cuts.length) cuts = Arrays.copyOf(cuts, count * 2);
      cuts[count++] = i + 1;
    }
    int attrs = start + STANDALONE_START.length;
    byte[] out = new byte[NESTED_START.length + (lineEnd - attrs) + (s.length - rest) + 2 * count];
    System.arraycopy(NESTED_START, 0, out, 0, NESTED_START.length);
    int n = NESTED_START.length;
    System.arraycopy(s, attrs, out, n, lineEnd - attrs);
    n += lineEnd - attrs;
    int from = rest;
    for (int k = 0; k < count; k++) {
      System.arraycopy(s, from, out, n, cuts[k] - from);
      n += cuts[k] - from;
      out[n++] = ' ';
      out[n++] = ' ';
      from = cuts[k];
    }
    System.arraycopy(s, from, out, n, s.length - from);
    return out;
  }

  /** Whether the newline at {@code i} indents (see {@link #nested}). */
  private static boolean indents(byte[] s, int i) {
    if (i == 0 || s[i - 1] != '>') return false;
    int j = i + 1;
    while (j < s.length && s[j] == ' ') j++;
    return j < s.length && s[j] == '<';
  }

  /** {@link #testResultInBenchmarkRoot}'s bytes, streamed; null when its content needs the DOM. */
  byte[] testResultInBenchmarkRootBytes(TestResult tr, TestResultRenderer.IdScheme ids) {
    var x = new dev.stigsmith.xml.XmlStream();
    x.start(benchmarkRoot.ns(), benchmarkRoot.qname());
    for (String[] a : benchmarkRoot.attrs()) x.attr(a[0], a[1], a[2]);
    var root = x.sink(TestResultRenderer.STREAM_PREFIXES);
    TestResultRenderer.fill(root.add(Ns.XCCDF12, "TestResult"), tr, ids, refs, null);
    return x.endAll().toBytes();
  }

  /** A document whose root looks like the benchmark's (same name and namespace declarations) holding only the TestResult. */
  Document testResultInBenchmarkRoot(TestResult tr, TestResultRenderer.IdScheme ids) {
    XmlBuilder xml = XmlBuilder.document(Map.of("xccdf", Ns.XCCDF12));
    Document doc = xml.document();
    Element root = benchmarkRoot.create(doc);
    doc.appendChild(root);
    TestResultRenderer.fill(xml.wrap(root).add(Ns.XCCDF12, "TestResult"), tr, ids, refs, null);
    return doc;
  }

  /**
   * OVAL results: directives, definitions and generator are the same for every host of a run (one
   * evaluation time), so the shared part is made from the first host's results and reused.
   */
  private byte[] ovalResults(OvalResults results) {
    Splice s = ovalResults;
    String key = OvalResultsWriter.sharedKey(results);
    if (s == null || !key.equals(ovalKey)) {
      synchronized (domLock) {
        Document head = OvalResultsWriter.sharedHead(results);
        head.getDocumentElement().appendChild(head.createComment(DEFINITIONS_FOLLOW));
        byte[] before = Splice.around(XmlOutput.toBytes(head), DEFINITIONS_FOLLOW).head();
        byte[] definitions = prebuiltDefinitions != null && results.definitions() == prepared.definitions()
            ? prebuiltDefinitions : ovalDefinitionsPart(results.definitions().source());
        byte[] whole = Arrays.copyOf(before, before.length + definitions.length);
        System.arraycopy(definitions, 0, whole, before.length, definitions.length);
        s = Splice.around(whole);
        ovalKey = key;
        ovalResults = s;
      }
    }
    // Streamed without a DOM when it can be (the same bytes: StreamedOvalResultsTest); the DOM otherwise.
    byte[] streamed = OvalResultsWriter.hostPartBytes(results);
    return s.fill(streamed != null ? Splice.inner(streamed) : Splice.inner(OvalResultsWriter.hostPart(results)));
  }

  /** An element's name, namespace and attributes (namespace declarations included), detached from its DOM. */
  private record RootShape(String ns, String qname, List<String[]> attrs) {
    static RootShape of(Element e) {
      List<String[]> attrs = new ArrayList<>();
      NamedNodeMap m = e.getAttributes();
      for (int i = 0; i < m.getLength(); i++) {
        Attr a = (Attr) m.item(i);
        attrs.add(new String[] {a.getNamespaceURI(), a.getName(), a.getValue()});
      }
      return new RootShape(e.getNamespaceURI(), e.getTagName(), attrs);
    }

    Element create(Document doc) {
      Element e = doc.createElementNS(ns, qname);
      for (String[] a : attrs) e.setAttributeNS(a[0], a[1], a[2]);
      return e;
    }
  }

  /** Serialised bytes cut at a marker line: what goes before a host's part and what goes after. */
  record Splice(byte[] head, byte[] tail) {
    static Splice around(byte[] doc) {
      return around(doc, MARK);
    }

    /** Cut at the line holding the comment {@code marker}, which belongs to neither part. */
    static Splice around(byte[] doc, String marker) {
      byte[] mark = ("<!--" + marker + "-->").getBytes(StandardCharsets.UTF_8);
      int at = Bytes.indexOf(doc, mark, 0);
      if (at < 0) throw new IllegalStateException("splice marker lost in serialisation");
      int lineStart = at;
      while (lineStart > 0 && doc[lineStart - 1] != '\n') lineStart--;
      int lineEnd = at + mark.length;
      while (lineEnd < doc.length && doc[lineEnd] != '\n') lineEnd++;
      return new Splice(Arrays.copyOfRange(doc, 0, lineStart), Arrays.copyOfRange(doc, Math.min(doc.length, lineEnd + 1), doc.length));
    }

    /** The lines between a serialised document's root start and end tags (its children, as indented there). */
    static byte[] inner(Document wrapper) {
      return inner(XmlOutput.toBytes(wrapper));
    }

    /** As {@link #inner(Document)}, of a document already written. */
    static byte[] inner(byte[] b) {
      int first = 0;
      for (int lines = 0; lines < 2; first++) if (b[first] == '\n') lines++;
      int last = b.length - 1; // the final newline
      while (last > 0 && b[last - 1] != '\n') last--;
      return Arrays.copyOfRange(b, first, last);
    }

    byte[] fill(byte[] part) {
      byte[] out = new byte[head.length + part.length + tail.length];
      System.arraycopy(head, 0, out, 0, head.length);
      System.arraycopy(part, 0, out, head.length, part.length);
      System.arraycopy(tail, 0, out, head.length + part.length, tail.length);
      return out;
    }
  }
}
