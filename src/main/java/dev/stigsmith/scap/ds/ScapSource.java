package dev.stigsmith.scap.ds;

import dev.stigsmith.xml.Ns;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * SCAP content as a user hands it to us: a source data stream, or a standalone XCCDF 1.2 benchmark
 * whose checks are files beside it. Resolves check and dictionary references the way a data stream
 * consumer must: through the component-ref's catalog, or relative to the benchmark file.
 */
public final class ScapSource {
  private final Path file;
  private final Document doc;
  private final Element benchmark;
  private final Element benchmarkRef;
  private final Map<String, Element> componentsById = new HashMap<>();
  private final Map<String, Element> componentRefsById = new HashMap<>();
  private final Map<Path, Document> siblings = new HashMap<>();

  private ScapSource(Path file, Document doc, Element benchmark, Element benchmarkRef) {
    this.file = file;
    this.doc = doc;
    this.benchmark = benchmark;
    this.benchmarkRef = benchmarkRef;
  }

  /** @throws XmlInputException when the file is not XML, not a data stream or benchmark, or is broken */
  public static ScapSource open(Path file) throws XmlInputException {
    if (!Files.isRegularFile(file)) throw new XmlInputException(file, -1, -1, "no such file");
    return of(file, SafeXml.parse(file));
  }

  /** Content already parsed (e.g. generated in memory); {@code file} names it in messages. */
  public static ScapSource of(Path file, Document doc) throws XmlInputException {
    Element root = doc.getDocumentElement();
    if (is(root, Ns.XCCDF12, "Benchmark")) return new ScapSource(file, doc, root, null);
    if (!is(root, Ns.DS, "data-stream-collection")) {
      throw new XmlInputException(file, -1, -1, "expected a SCAP source data stream or an XCCDF 1.2 Benchmark, found <"
          + root.getLocalName() + "> in " + root.getNamespaceURI());
    }
    ScapSource s = new ScapSource(file, doc, null, null);
    for (Element c : children(root, Ns.DS, "component")) s.componentsById.put(c.getAttribute("id"), c);
    NodeList refs = root.getElementsByTagNameNS(Ns.DS, "component-ref");
    for (int i = 0; i < refs.getLength(); i++) {
      Element r = (Element) refs.item(i);
      s.componentRefsById.put(r.getAttribute("id"), r);
    }
    Element stream = children(root, Ns.DS, "data-stream").stream().findFirst()
        .orElseThrow(() -> new XmlInputException(file, -1, -1, "data stream collection holds no data-stream"));
    Element checklists = children(stream, Ns.DS, "checklists").stream().findFirst()
        .orElseThrow(() -> new XmlInputException(file, -1, -1, "data stream has no checklists (no XCCDF benchmark)"));
    for (Element ref : children(checklists, Ns.DS, "component-ref")) {
      Element content = s.componentContent(ref);
      if (content != null && is(content, Ns.XCCDF12, "Benchmark")) {
        return new ScapSource(file, doc, content, ref).withIndexes(s);
      }
    }
    throw new XmlInputException(file, -1, -1, "data stream has no XCCDF 1.2 Benchmark component");
  }

  private ScapSource withIndexes(ScapSource other) {
    componentsById.putAll(other.componentsById);
    componentRefsById.putAll(other.componentRefsById);
    return this;
  }

  public Path file() { return file; }

  public Document document() { return doc; }

  public boolean isDataStream() { return benchmarkRef != null; }

  public Element benchmark() { return benchmark; }

  /** The document a check's {@code href} names, e.g. the OVAL definitions of a rule. */
  public Element resolveFromBenchmark(String href) throws XmlInputException {
    return resolve(benchmarkRef, href);
  }

  /** The CPE dictionary of the data stream (or the one the benchmark's folder holds), if any. */
  public Optional<Element> cpeDictionary() throws XmlInputException {
    if (isDataStream()) {
      Element stream = children(doc.getDocumentElement(), Ns.DS, "data-stream").get(0);
      for (Element dicts : children(stream, Ns.DS, "dictionaries")) {
        for (Element ref : children(dicts, Ns.DS, "component-ref")) {
          Element c = componentContent(ref);
          if (c != null && is(c, Ns.CPE_DICT, "cpe-list")) return Optional.of(c);
        }
      }
      return Optional.empty();
    }
    String name = file.getFileName().toString().replaceFirst("-xccdf\\.xml$", "-cpe-dictionary.xml");
    Path p = file.resolveSibling(name);
    return Files.isRegularFile(p) && !name.equals(file.getFileName().toString())
        ? Optional.of(sibling(p).getDocumentElement()) : Optional.empty();
  }

  /** The document a CPE dictionary check's {@code href} names. */
  public Element resolveFromDictionary(String href) throws XmlInputException {
    if (!isDataStream()) return resolve(null, href);
    Element stream = children(doc.getDocumentElement(), Ns.DS, "data-stream").get(0);
    for (Element dicts : children(stream, Ns.DS, "dictionaries")) {
      for (Element ref : children(dicts, Ns.DS, "component-ref")) {
        Element c = componentContent(ref);
        if (c != null && is(c, Ns.CPE_DICT, "cpe-list")) return resolve(ref, href);
      }
    }
    throw new XmlInputException(file, -1, -1, "no CPE dictionary to resolve '" + href + "' from");
  }

  private Element resolve(Element fromRef, String href) throws XmlInputException {
    if (fromRef == null) {
      Path p = file.resolveSibling(href).normalize();
      if (!Files.isRegularFile(p)) {
        throw new XmlInputException(file, -1, -1, "check file '" + href + "' is missing (looked for " + p + ")");
      }
      return sibling(p).getDocumentElement();
    }
    String target = null;
    for (Element cat : children(fromRef, Ns.CAT, "catalog")) {
      for (Element uri : children(cat, Ns.CAT, "uri")) {
        if (href.equals(uri.getAttribute("name"))) target = uri.getAttribute("uri");
      }
    }
    if (target == null && href.startsWith("#")) target = href;
    if (target == null) {
      throw new XmlInputException(file, -1, -1, "the data stream does not contain '" + href
          + "' (no catalog entry in component-ref " + fromRef.getAttribute("id") + ")");
    }
    Element ref = componentRefsById.get(target.substring(1));
    Element content = ref == null ? null : componentContent(ref);
    if (content == null) {
      throw new XmlInputException(file, -1, -1, "the data stream does not contain '" + href + "' (" + target + " not found)");
    }
    return content;
  }

  private Element componentContent(Element ref) {
    String href = ref.getAttributeNS(Ns.XLINK, "href");
    if (!href.startsWith("#")) return null;
    Element component = componentsById.get(href.substring(1));
    if (component == null) return null;
    for (Node n = component.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) return e;
    }
    return null;
  }

  private Document sibling(Path p) throws XmlInputException {
    Document d = siblings.get(p);
    if (d == null) {
      d = SafeXml.parse(p);
      siblings.put(p, d);
    }
    return d;
  }

  static boolean is(Element e, String ns, String local) {
    return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
  }

  public static java.util.List<Element> children(Element parent, String ns, String local) {
    java.util.List<Element> out = new java.util.ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && is(e, ns, local)) out.add(e);
    }
    return out;
  }

  public static Optional<Element> child(Element parent, String ns, String local) {
    return children(parent, ns, local).stream().findFirst();
  }

  public static String childText(Element parent, String ns, String local) {
    return child(parent, ns, local).map(Element::getTextContent).orElse(null);
  }
}
