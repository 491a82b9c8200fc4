package dev.stigsmith.evaluate;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.generate.Generator;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.xccdf.engine.EvaluationException;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.Ns;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import dev.stigsmith.xml.XmlOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The benchmarks that ship inside the jar: the build generates every benchmark of {@code content/}
 * into SCAP source data streams under {@code bundled/} (listed in {@code bundled/index.txt}), so
 * {@code evaluate} without {@code --content} needs neither the content folder nor YAML parsing. Beside
 * each data stream the build also writes the result parts every host shares ({@link Prebuilt}).
 */
public final class BundledContent {
  static final String DIR = "bundled/";
  static final String INDEX = DIR + "index.txt";
  /** Beside each data stream, written by the build: its XCCDF "results inside benchmark" frame ... */
  static final String FRAME = ".results-frame.xml";
  /** ... and its OVAL definitions as they stand in OVAL results. */
  static final String OVAL_DEFINITIONS = ".results-definitions.xml";
  /** ... and the part of it a benchmark's platform is checked from. */
  static final String PLATFORM_PART = ".platform.xml";

  private BundledContent() {}

  /** Every bundled benchmark's data stream, in index order. */
  public static List<ScapSource> sources() throws EvaluateJob.InputException {
    List<ScapSource> out = new ArrayList<>();
    for (Bundled b : load()) out.add(b.source());
    return out;
  }

  /**
   * What the build serialised beforehand for one benchmark, so a run need not: {@link
   * ResultDocuments#benchmarkFrame} and {@link ResultDocuments#ovalDefinitionsPart}; null parts the
   * run makes itself.
   */
  record Prebuilt(byte[] resultsFrame, byte[] ovalDefinitions) {
    static final Prebuilt NONE = new Prebuilt(null, null);
  }

  /** A bundled data stream, by its name in the jar, read when first asked for. */
  static final class Bundled {
    private final String name;
    private ScapSource source;

    private Bundled(String name) {
      this.name = name;
    }

    String name() { return name; }

    /** The whole data stream, parsed once. */
    synchronized ScapSource source() throws EvaluateJob.InputException {
      if (source == null) {
        try (InputStream in = resource(DIR + name)) {
          if (in == null) throw new EvaluateJob.InputException("bundled content: " + name + " is missing from the jar");
          source = parse(in);
        } catch (IOException e) {
          throw new EvaluateJob.InputException("bundled content: " + name + ": " + e.getMessage());
        }
      }
      return source;
    }

    /** {@link #source()} for {@link Evaluator.Platform#prepare}. */
    ScapSource whole() throws EvaluationException {
      try {
        return source();
      } catch (EvaluateJob.InputException e) {
        throw new EvaluationException(e.getMessage());
      }
    }

    /** Whether the whole data stream has been read. */
    synchronized boolean wholeRead() { return source != null; }

    /**
     * What the benchmark's platform is checked from: the part the build wrote ({@link #platformPart(ScapSource)}),
     * or the whole data stream in a jar without one. It names the data stream in messages.
     */
    ScapSource platformPart() throws EvaluateJob.InputException {
      try (InputStream in = resource(DIR + name + PLATFORM_PART)) {
        return in == null ? source() : parse(in);
      } catch (IOException e) {
        throw new EvaluateJob.InputException("bundled content: " + name + PLATFORM_PART + ": " + e.getMessage());
      }
    }

    Prebuilt prebuilt() {
      return new Prebuilt(bytes(DIR + name + FRAME), bytes(DIR + name + OVAL_DEFINITIONS));
    }

    /** A data stream of this benchmark's, named as the data stream in messages. */
    private ScapSource parse(InputStream in) throws EvaluateJob.InputException {
      try {
        return ScapSource.of(Path.of(name), SafeXml.documentBuilder().parse(in));
      } catch (IOException | SAXException e) {
        throw new EvaluateJob.InputException("bundled content: " + name + ": " + e.getMessage());
      } catch (XmlInputException e) {
        throw new EvaluateJob.InputException(e.oneLine());
      }
    }

    private static byte[] bytes(String resource) {
      try (InputStream in = resource(resource)) {
        return in == null ? null : in.readAllBytes();
      } catch (IOException e) {
        return null;  // made by the run instead
      }
    }
  }

  /** The bundled benchmarks, in index order, none of them read yet. */
  static List<Bundled> load() throws EvaluateJob.InputException {
    List<Bundled> out = new ArrayList<>();
    for (String name : names()) {
      if (BundledContent.class.getClassLoader().getResource(DIR + name) == null) {
        throw new EvaluateJob.InputException("bundled content: " + name + " is listed but missing from the jar");
      }
      out.add(new Bundled(name));
    }
    if (out.isEmpty()) throw new EvaluateJob.InputException("this build bundles no content; name content with --content");
    return out;
  }

  static List<String> names() throws EvaluateJob.InputException {
    try (InputStream in = resource(INDEX)) {
      if (in == null) return List.of();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new EvaluateJob.InputException("bundled content: " + e.getMessage());
    }
  }

  private static InputStream resource(String name) {
    return BundledContent.class.getClassLoader().getResourceAsStream(name);
  }

  private static ScapSource readBack(byte[] dataStream) throws IOException {
    try {
      return ScapSource.of(Path.of("bundled.xml"), SafeXml.documentBuilder().parse(new ByteArrayInputStream(dataStream)));
    } catch (SAXException | XmlInputException e) {
      throw new IOException("generated data stream does not read back: " + e.getMessage(), e);
    }
  }

  /**
   * What {@link Bundled#platformPart} reads: the data stream with only what {@link Evaluator#platform}
   * looks at, that is the benchmark's title and platform, the CPE dictionary and the documents its
   * checks name. A one-host run parses this for each bundled benchmark instead of every data stream
   * whole (each is half a megabyte).
   */
  static byte[] platformPart(ScapSource whole) throws IOException {
    try {
      ScapSource s = ScapSource.of(whole.file(), (Document) whole.document().cloneNode(true));
      Set<Node> keep = new HashSet<>();
      keep.add(s.benchmark().getParentNode());
      Optional<Element> dict = s.cpeDictionary();
      if (dict.isPresent()) {
        keep.add(dict.get().getParentNode());
        var checks = dict.get().getElementsByTagNameNS(Ns.CPE_DICT, "check");
        for (int i = 0; i < checks.getLength(); i++) {
          keep.add(s.resolveFromDictionary(((Element) checks.item(i)).getAttribute("href")).getParentNode());
        }
      }
      removeChildren(s.benchmark(), n -> n instanceof Element e && Ns.XCCDF12.equals(e.getNamespaceURI())
          && (e.getLocalName().equals("title") || e.getLocalName().equals("platform")));
      removeChildren(s.document().getDocumentElement(), n -> !(n instanceof Element e)
          || !Ns.DS.equals(e.getNamespaceURI()) || !e.getLocalName().endsWith("component") || keep.contains(n));
      return XmlOutput.toBytes(s.document());
    } catch (XmlInputException e) {
      throw new IOException("generated data stream has no platform part: " + e.oneLine(), e);
    }
  }

  private static void removeChildren(Node parent, Predicate<Node> kept) {
    for (Node n = parent.getFirstChild(); n != null; ) {
      Node next = n.getNextSibling();
      if (!kept.test(n)) parent.removeChild(n);
      n = next;
    }
  }

  /** What {@link Bundled#prebuilt} reads, made from the data stream as a run reads it. */
  static Prebuilt prebuild(ScapSource s) throws IOException {
    try {
      var defs = Evaluator.prepare(s, new Evaluator.Request(null, null, Instant.EPOCH, "", "")).definitions();
      return new Prebuilt(ResultDocuments.benchmarkFrame(s.benchmark()),
          defs == null ? null : ResultDocuments.ovalDefinitionsPart(defs.source()));
    } catch (EvaluationException e) {
      throw new IOException("generated data stream cannot be evaluated: " + e.getMessage(), e);
    }
  }

  /**
   * Build step: renders every benchmark under a content folder into {@code outDir} (data streams,
   * each with the result parts every host shares, and an index), stamped with each benchmark's own
   * date so the jar is reproducible. The parts are made from the data stream as written, read back the
   * way a run reads it. Arguments: CONTENT_DIR OUT_DIR PRODUCT_VERSION.
   */
  public static void main(String[] args) throws ContentException, IOException {
    Path content = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    StringBuilder index = new StringBuilder("# SCAP source data streams generated from content/ at build time\n");
    for (Generator.Output o : Generator.render(content, args[2], null)) {
      String name = Generator.dataStreamFile(o.benchmark());
      byte[] ds = o.files().get(name);
      XmlOutput.writeAtomically(out.resolve(name), ds);
      ScapSource back = readBack(ds);
      Prebuilt p = prebuild(back);
      XmlOutput.writeAtomically(out.resolve(name + FRAME), p.resultsFrame());
      if (p.ovalDefinitions() != null) XmlOutput.writeAtomically(out.resolve(name + OVAL_DEFINITIONS), p.ovalDefinitions());
      XmlOutput.writeAtomically(out.resolve(name + PLATFORM_PART), platformPart(back));
      index.append(name).append('\n');
    }
    XmlOutput.writeAtomically(out.resolve("index.txt"), index.toString().getBytes(StandardCharsets.UTF_8));
  }
}
