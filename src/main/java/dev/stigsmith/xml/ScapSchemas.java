package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The official SCAP schemas bundled in the jar under {@code /scap-schemas/} (copied at build time from
 * OpenSCAP's tree) and the XML catalog beside them. Every schema document is found through the catalog or
 * inside the bundled tree; nothing is ever fetched from the network.
 */
public final class ScapSchemas {
  private static final String ROOT = "/scap-schemas/";
  private static final String CATALOG = ROOT + "catalog.xml";
  private static final String DTD_TYPE = "http://www.w3.org/TR/REC-xml";

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  /** The schema files each compiled schema was built from, for {@link IdentityConstraints}. */
  private static final Map<String, List<String>> FILES = new ConcurrentHashMap<>();
  private static final java.util.regex.Pattern PLATFORM_NS =
      java.util.regex.Pattern.compile("http://oval\\.mitre\\.org/XMLSchema/oval-(?:definitions|system-characteristics)-5#[A-Za-z0-9_]+");
  private static volatile CatalogResolver catalog;

  private ScapSchemas() {}

  /** The bundled file at {@code path} (e.g. "xccdf/1.2/xccdf_1.2.xsd"). */
  public static URL resource(String path) {
    URL url = ScapSchemas.class.getResource(ROOT + path);
    if (url == null) {
      throw new IllegalStateException("official SCAP schema file missing from this build: " + path
          + " (the build copies them from OpenSCAP; see src/build/scap-schemas.sh)");
    }
    return url;
  }

  public static CatalogResolver catalog() {
    CatalogResolver c = catalog;
    if (c == null) {
      try {
        URI uri = resource("catalog.xml").toURI();
        CatalogFeatures features = CatalogFeatures.builder()
            .with(CatalogFeatures.Feature.PREFER, "system")
            .with(CatalogFeatures.Feature.RESOLVE, "continue")
            .build();
        c = catalog = CatalogManager.catalogResolver(features, uri);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return c;
  }

  /** The schema document defining {@code namespace}, as the catalog maps it. */
  public static URL schemaFor(String namespace) {
    Source s = catalog().resolve(namespace, null);
    if (s == null || s.getSystemId() == null) {
      throw new IllegalStateException("no schema for namespace " + namespace + " in " + CATALOG);
    }
    return toUrl(s.getSystemId());
  }

  /** The compiled, immutable schema for one document kind, with every OVAL platform; built once per process. */
  public static Schema schema(DocumentKind kind) {
    return schema(kind, null);
  }

  /**
   * The schema for one document kind with only the OVAL platform schemas named in {@code platforms} (null:
   * all of them). OVAL's core schemas import all twenty-odd platform schemas, which are most of the compile
   * time; a document that names only the Windows and independent namespaces never needs the others, so
   * those imports get an empty schema of the same namespace instead.
   */
  public static Schema schema(DocumentKind kind, java.util.Set<String> platforms) {
    java.util.SortedSet<String> keep = platforms == null ? null : new java.util.TreeSet<>(platforms);
    String key = kind.name() + (keep == null ? "" : keep.toString());
    return SCHEMAS.computeIfAbsent(key, k -> build(kind.schemaNamespaces(), keep, k));
  }

  /** The identity constraints (key, keyref, unique) of the schema {@link #schema(DocumentKind, java.util.Set)} gives. */
  public static IdentityConstraints identityConstraints(DocumentKind kind, java.util.Set<String> platforms) {
    java.util.SortedSet<String> keep = platforms == null ? null : new java.util.TreeSet<>(platforms);
    String key = kind.name() + (keep == null ? "" : keep.toString());
    schema(kind, platforms);
    return IdentityConstraints.of(FILES.get(key));
  }

  /** OVAL platform namespaces (…-5#windows and the like) that occur anywhere in {@code text}. */
  public static java.util.Set<String> platformNamespaces(CharSequence text) {
    java.util.Set<String> found = new java.util.TreeSet<>();
    var m = PLATFORM_NS.matcher(text);
    while (m.find()) found.add(m.group());
    return found;
  }

  /**
   * A schema the user names (DISA's checklist XSD given with --schema-dir): compiled from that one
   * file, with no DTD or schema fetched from anywhere else.
   */
  public static Schema compileFile(java.nio.file.Path xsd) throws org.xml.sax.SAXException {
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return sf.newSchema(xsd.toFile());
  }

  private static Schema build(List<String> namespaces, java.util.Set<String> keepPlatforms, String key) {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      // The schemas are our own bundled files; what must never happen is a fetch, which the resolver and
      // the empty access lists rule out. (Secure processing's limits reject OVAL's large schemas.)
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, false);
      // Full checking tests the schemas themselves (particle restrictions, unique attribution) and builds
      // every content model up front to do it; these schemas are fixed and pass it (SchemaDocumentationTest
      // compiles OpenSCAP's files with it on), so a run only builds the content models its document meets.
      f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    LSResourceResolver all = resolver();
    java.util.Set<String> files = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    f.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
      if (keepPlatforms != null && namespace != null && PLATFORM_NS.matcher(namespace).matches()
          && !keepPlatforms.contains(namespace)) {
        return new Input(publicId, "stub:" + namespace, baseUri, new StringReader(
            "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='" + namespace + "'/>"));
      }
      LSInput in = all.resolveResource(type, namespace, publicId, systemId, baseUri);
      if (in != null && in.getSystemId() != null && !DTD_TYPE.equals(type)) files.add(in.getSystemId());
      return in;
    });
    Source[] sources = namespaces.stream().map(ns -> {
      URL url = schemaFor(ns);
      files.add(url.toString());
      return (Source) new StreamSource(open(url), url.toString());
    }).toArray(Source[]::new);
    try {
      Schema compiled = f.newSchema(sources);
      FILES.put(key, List.copyOf(files));
      return compiled;
    } catch (SAXException e) {
      throw new IllegalStateException("bundled SCAP schemas do not compile: " + e.getMessage(), e);
    }
  }

  /**
   * Resolves schema imports: canonical URLs through the catalog, relative locations inside the bundled
   * tree, and anything else by namespace. What cannot be resolved so fails rather than being fetched.
   */
  public static LSResourceResolver resolver() {
    return (type, namespace, publicId, systemId, baseUri) -> {
      if (DTD_TYPE.equals(type)) {
        // OpenSCAP's xml.xsd names the XML Schema DTD; schemas are validated as schemas, not by DTD.
        return new Input(publicId, systemId, baseUri, new StringReader(""));
      }
      String found = locate(namespace, publicId, systemId, baseUri);
      if (found == null) {
        return null; // the factory's empty access lists turn this into an error, never a fetch
      }
      return new Input(publicId, found, baseUri, null);
    };
  }

  static String locate(String namespace, String publicId, String systemId, String baseUri) {
    CatalogResolver c = catalog();
    if (systemId != null) {
      InputSource byCatalog = c.resolveEntity(publicId, systemId);
      if (byCatalog != null && byCatalog.getSystemId() != null) return byCatalog.getSystemId();
      String absolute = absolute(systemId, baseUri);
      if (absolute != null) {
        InputSource bySuffix = c.resolveEntity(publicId, absolute);
        if (bySuffix != null && bySuffix.getSystemId() != null) return bySuffix.getSystemId();
        if (insideBundle(absolute) && exists(absolute)) return absolute;
      }
    }
    if (namespace != null) {
      Source byNamespace = c.resolve(namespace, null);
      if (byNamespace != null && byNamespace.getSystemId() != null) return byNamespace.getSystemId();
    }
    return null;
  }

  private static String absolute(String systemId, String baseUri) {
    try {
      return baseUri == null ? new URL(systemId).toString() : new URL(new URL(baseUri), systemId).toString();
    } catch (MalformedURLException e) {
      return null;
    }
  }

  private static boolean insideBundle(String url) {
    String root = resource("catalog.xml").toString();
    root = root.substring(0, root.length() - "catalog.xml".length());
    return url.startsWith(root) && !url.substring(root.length()).contains("..");
  }

  private static boolean exists(String url) {
    try (InputStream in = toUrl(url).openStream()) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static URL toUrl(String s) {
    try {
      return new URL(s);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  static InputStream open(URL url) {
    try {
      return url.openStream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled schema " + url, e);
    }
  }

  /** An LSInput over a schema file (opened when asked for) or over given characters. */
  static final class Input implements LSInput {
    private String publicId;
    private String systemId;
    private String baseUri;
    private Reader characters;

    Input(String publicId, String systemId, String baseUri, Reader characters) {
      this.publicId = publicId;
      this.systemId = systemId;
      this.baseUri = baseUri;
      this.characters = characters;
    }

    @Override public Reader getCharacterStream() { return characters; }
    @Override public void setCharacterStream(Reader r) { characters = r; }
    @Override public InputStream getByteStream() { return characters == null ? open(toUrl(systemId)) : null; }
    @Override public void setByteStream(InputStream in) {}
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) {}
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String s) { systemId = s; }
    @Override public String getPublicId() { return publicId; }
    @Override public void setPublicId(String s) { publicId = s; }
    @Override public String getBaseURI() { return baseUri; }
    @Override public void setBaseURI(String s) { baseUri = s; }
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) {}
  }
}
