package dev.stigsmith.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.hostdata.HostDataException;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.xml.DocumentKind;
import dev.stigsmith.xml.Problem;
import dev.stigsmith.xml.Problem.Severity;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.ScapValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates many inputs at once: SCAP XML of every kind, STIG Viewer checklists (CKL, CKLB), our collector's
 * JSON and our content folders. Each file is read and parsed once; files are validated in parallel and
 * reported in the order given.
 */
public final class Validation {
  public static final String CKL_XSD = "U_Checklist_Schema_V2.xsd";
  public static final String CKLB_SCHEMA = "SV3_CKLB_1_0_JSON_SCHEMA.json";
  private static final String HOSTDATA_SCHEMA = "/schemas/hostdata/stigsmith-hostdata-1.schema.json";
  /** Made on the first JSON file: an XML-only run need not pay for a Jackson mapper (~45 ms cold). */
  private static final class JsonReading {
    static final ObjectMapper MAPPER = dev.stigsmith.io.SafeJson.mapper();
  }
  private static final Map<String, Object> SCHEMA_CACHE = new ConcurrentHashMap<>();

  private Validation() {}

  /** Options of validate that take a value: the word after one names no file to validate. */
  private static final Set<String> VALUED = Set.of("-o", "--output", "--format", "--schema-dir", "-j", "--jobs",
      "--max-warnings");

  /**
   * A head start for a validate command line, taken while it is still being parsed: on a background thread,
   * the first XML file it names has its schema (and, without --no-schematron, its Schematron) compiled
   * into the caches the run then uses. The command line is only read, not interpreted: a word that is no
   * readable SCAP document is passed over, and nothing is reported from here; the run meets and reports
   * whatever is wrong.
   */
  public static void headStart(String[] validateArgs) {
    Path file = headStartFile(validateArgs);
    if (file == null || !Files.isRegularFile(file)) return;
    boolean schematron = !java.util.Arrays.asList(validateArgs).contains("--no-schematron");
    Thread t = new Thread(() -> {
      try {
        byte[] bytes = Files.readAllBytes(file);
        String[] root = rootElement(bytes);
        DocumentKind kind = root[1] == null ? null : DocumentKind.of(root[0], root[1]).orElse(null);
        if (kind != null) ScapValidator.prepare(bytes, kind, schematron);
      } catch (SAXException | IOException | RuntimeException e) {
        // the run reads the file again and reports it
      }
    }, "validate-head-start");
    t.setDaemon(true);
    t.start();
  }

  /** The first .xml file a validate command line names, skipping the values of its options; null if none. */
  static Path headStartFile(String[] validateArgs) {
    for (int i = 0; i < validateArgs.length; i++) {
      String a = validateArgs[i];
      if (a.equals("--")) return i + 1 < validateArgs.length && validateArgs[i + 1].endsWith(".xml") ? Path.of(validateArgs[i + 1]) : null;
      if (VALUED.contains(a)) {
        i++;
      } else if (!a.startsWith("-") && a.endsWith(".xml")) {
        return Path.of(a);
      }
    }
    return null;
  }

  /** The root element's namespace ("" for none) and local name; both null when there is no element. */
  private static String[] rootElement(byte[] bytes) throws SAXException, IOException {
    String[] root = new String[2];
    try {
      SafeXml.saxParserFactory().newSAXParser().parse(new ByteArrayInputStream(bytes), new DefaultHandler() {
        @Override public void startElement(String uri, String local, String q, Attributes a) throws SAXException {
          root[0] = uri == null ? "" : uri;
          root[1] = local;
          throw new RootSeen();
        }
      });
    } catch (RootSeen seen) {
      // enough
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return root;
  }

  /** An input: a file, or a content folder (one holding benchmark.yaml). {@code explicit}: named by the user. */
  record Input(Path path, boolean explicit) {}

  public static List<FileReport> run(List<Path> inputs, Options options) {
    List<Input> expanded = new ArrayList<>();
    List<FileReport> early = new ArrayList<>();
    for (Path p : inputs) {
      try {
        expanded.addAll(expand(p));
      } catch (IOException e) {
        early.add(FileReport.cannotRun(p, "cannot read: " + e.getMessage()));
      }
    }
    List<FileReport> out = new ArrayList<>(early);
    if (expanded.size() <= 1 || options.jobs() <= 1) {
      // One file with cores to spare: its schema validation and its tree checks run side by side.
      boolean sideBySide = expanded.size() == 1 && options.jobs() > 1;
      for (Input in : expanded) addIfKnown(out, one(in, options, sideBySide));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), expanded.size()), r -> {
      Thread t = new Thread(r, "validate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FileReport>> futures = new ArrayList<>();
      for (Input in : expanded) futures.add(pool.submit(() -> one(in, options, false)));
      for (Future<FileReport> f : futures) {
        try {
          addIfKnown(out, f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private static void addIfKnown(List<FileReport> out, FileReport r) {
    if (r != null) out.add(r);
  }

  /** Files under a folder that may be SCAP, checklists or host data; content folders as one input each. */
  static List<Input> expand(Path p) throws IOException {
    if (!Files.isDirectory(p)) return List.of(new Input(p, true));
    if (Files.isRegularFile(p.resolve(ContentLoader.BENCHMARK_FILE))) return List.of(new Input(p, true));
    List<Input> found = new ArrayList<>();
    try (Stream<Path> s = Files.list(p)) {
      for (Path c : s.sorted().toList()) {
        if (Files.isDirectory(c)) {
          found.addAll(expand(c).stream().map(i -> new Input(i.path(), false)).toList());
        } else if (c.getFileName().toString().matches("(?i).*\\.(xml|ckl|cklb|json)")) {
          found.add(new Input(c, false));
        }
      }
    }
    return found;
  }

  /** Null when a file found in a folder is of no kind we validate (our own reports, other JSON). */
  static FileReport one(Input in, Options options, boolean sideBySide) {
    Path file = in.path();
    try {
      if (Files.isDirectory(file)) return content(file);
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      if (name.equals(ContentLoader.BENCHMARK_FILE)) return content(file.toAbsolutePath().getParent());
      if (name.equals(ContentLoader.RULE_FILE)) return content(file.toAbsolutePath().getParent().getParent().getParent());
      byte[] bytes = Files.readAllBytes(file);
      int first = firstSignificant(bytes);
      if (first >= 0 && (bytes[first] == '{' || bytes[first] == '[')) return json(in, bytes, options);
      return xml(in, bytes, options, sideBySide);
    } catch (IOException e) {
      return FileReport.cannotRun(file, "cannot read: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
  }

  private static int firstSignificant(byte[] b) {
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) i = 3;
    for (; i < b.length; i++) if (!Character.isWhitespace(b[i])) return i;
    return -1;
  }

  // ---------------------------------------------------------------- XML

  private static FileReport xml(Input in, byte[] bytes, Options options, boolean sideBySide) {
    Path file = in.path();
    String[] root;
    try {
      root = rootElement(bytes);
    } catch (SAXParseException e) {
      if (!in.explicit() && !looksLikeXml(bytes)) return null;
      return new FileReport(file, "XML", List.of(ScapValidator.wellFormedness(file, e)), null);
    } catch (SAXException | IOException e) {
      return new FileReport(file, "XML", List.of(new Problem(file, 0, 0, Severity.ERROR,
          "not well-formed XML: " + e.getMessage(), "", Rules.WELL_FORMED)), null);
    }
    if (root[1] == null) {
      return in.explicit() ? new FileReport(file, "XML", List.of(new Problem(file, 0, 0, Severity.ERROR,
          "not well-formed XML: no root element", "", Rules.WELL_FORMED)), null) : null;
    }
    String ns = root[0];
    if (ns.isEmpty() && root[1].equals("CHECKLIST")) return ckl(file, bytes, options);
    DocumentKind kind = DocumentKind.of(ns, root[1]).orElse(null);
    if (kind == null) {
      return in.explicit() ? FileReport.cannotRun(file, "unknown document kind: root element {" + ns + "}" + root[1]
          + " is none of the SCAP documents, a CKL or host data stigsmith validates") : null;
    }
    ScapValidator.Checked c = ScapValidator.check(file, bytes, kind, new ScapValidator.Request(options.schematron(), true,
        doc -> DocumentChecks.run(file, doc, options.lint()), sideBySide));
    List<Problem> problems = new ArrayList<>(c.report().problems());
    if (c.document() != null) {
      problems = DocumentChecks.relocateKeyrefs(problems, c.document());
      List<Problem> own = new ArrayList<>(c.treeProblems());
      // The official XCCDF Schematron checks Profile selections too; say it once, in its words.
      Set<Integer> schematronLines = new java.util.HashSet<>();
      for (Problem p : problems) if (p.ruleId().startsWith("schematron:xccdf")) schematronLines.add(p.line());
      own.removeIf(p -> p.ruleId().equals(Rules.SELECT_REF) && schematronLines.contains(p.line()));
      problems.addAll(own);
    }
    return new FileReport(file, kind.title(), sorted(problems), null);
  }

  private static boolean looksLikeXml(byte[] b) {
    int i = firstSignificant(b);
    return i >= 0 && b[i] == '<';
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> l = new ArrayList<>(new LinkedHashSet<>(problems));
    l.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return l;
  }

  private static final class RootSeen extends SAXException {
    RootSeen() {
      super("root seen");
    }
  }

  private static FileReport ckl(Path file, byte[] bytes, Options options) {
    Path xsd = options.schemaDir() == null ? null : options.schemaDir().resolve(CKL_XSD);
    if (xsd == null || !Files.isRegularFile(xsd)) {
      return FileReport.cannotRun(file, "a STIG Viewer checklist (CKL) is validated against DISA's " + CKL_XSD
          + ", which stigsmith does not ship: give --schema-dir DIR holding it");
    }
    List<Problem> problems = new ArrayList<>();
    try {
      javax.xml.validation.Schema schema = (javax.xml.validation.Schema) SCHEMA_CACHE.computeIfAbsent(xsd.toString(), k -> {
        try {
          return dev.stigsmith.xml.ScapSchemas.compileFile(xsd);
        } catch (SAXException e) {
          throw new IllegalArgumentException(xsd + ": does not compile as XML Schema: " + e.getMessage());
        }
      });
      var v = schema.newValidator();
      v.setErrorHandler(new ErrorHandler() {
        @Override public void warning(SAXParseException e) { problems.add(xsdProblem(file, Severity.WARNING, e)); }
        @Override public void error(SAXParseException e) { problems.add(xsdProblem(file, Severity.ERROR, e)); }
        @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
      });
      var reader = SafeXml.saxParserFactory().newSAXParser().getXMLReader();
      InputSource src = new InputSource(new ByteArrayInputStream(bytes));
      src.setSystemId(file.toUri().toString());
      v.validate(new javax.xml.transform.sax.SAXSource(reader, src));
    } catch (IllegalArgumentException e) {
      return FileReport.cannotRun(file, e.getMessage());
    } catch (SAXParseException e) {
      problems.add(ScapValidator.wellFormedness(file, e));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      problems.add(new Problem(file, 0, 0, Severity.ERROR, String.valueOf(e.getMessage()), "", Rules.WELL_FORMED));
    }
    return new FileReport(file, "STIG Viewer checklist (CKL)", problems, null);
  }

  private static final Pattern CVC = Pattern.compile("^(cvc-[\\w.-]+): ");

  private static Problem xsdProblem(Path file, Severity s, SAXParseException e) {
    String m = String.valueOf(e.getMessage());
    String rule = "xsd";
    Matcher c = CVC.matcher(m);
    if (c.find()) {
      rule = c.group(1);
      m = m.substring(c.end());
    }
    return new Problem(file, e.getLineNumber(), e.getColumnNumber(), s, m, "", rule);
  }

  // ---------------------------------------------------------------- JSON

  private static FileReport json(Input in, byte[] bytes, Options options) {
    Path file = in.path();
    JsonNode root;
    try {
      root = JsonReading.MAPPER.readTree(bytes);
    } catch (JsonParseException e) {
      if (!in.explicit() && !file.toString().endsWith(".cklb")) return null;
      var loc = e.getLocation();
      return new FileReport(file, "JSON", List.of(new Problem(file, loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(), Severity.ERROR, "not valid JSON: " + e.getOriginalMessage(), "",
          Rules.JSON)), null);
    } catch (IOException e) {
      return FileReport.cannotRun(file, "cannot read: " + e.getMessage());
    }
    if (root.isObject() && "stigsmith-hostdata".equals(root.path("format").asText(null))) {
      return hostData(file, bytes, root);
    }
    if (root.isObject() && root.has("stigs") && (root.has("target_data") || root.has("cklb_version"))) {
      return cklb(file, bytes, root, options);
    }
    return in.explicit() ? FileReport.cannotRun(file, "unknown JSON document: neither stigsmith host data"
        + " (\"format\": \"stigsmith-hostdata\") nor a STIG Viewer 3 checklist (CKLB)") : null;
  }

  private static FileReport hostData(Path file, byte[] bytes, JsonNode root) {
    JsonSchema schema = (JsonSchema) SCHEMA_CACHE.computeIfAbsent(HOSTDATA_SCHEMA, k -> {
      try (InputStream in = Validation.class.getResourceAsStream(HOSTDATA_SCHEMA)) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    List<Problem> problems = schemaProblems(file, bytes, schema.validate(root));
    if (problems.isEmpty()) {
      // What the schema cannot say (values by cmdlet and property) the reader checks, first problem only.
      try {
        HostDataReader.read(file);
      } catch (HostDataException e) {
        String m = e.getMessage().startsWith(file.toString()) ? e.getMessage().substring(file.toString().length())
            .replaceFirst("^(:\\d+)?(:\\d+)?: ", "") : e.getMessage();
        problems.add(new Problem(file, Math.max(e.line(), 0), 0, Severity.ERROR, m, "", Rules.JSON_SCHEMA));
      }
    }
    return new FileReport(file, "stigsmith host data (collector JSON)", problems, null);
  }

  private static FileReport cklb(Path file, byte[] bytes, JsonNode root, Options options) {
    Path schemaFile = options.schemaDir() == null ? null : options.schemaDir().resolve(CKLB_SCHEMA);
    if (schemaFile == null || !Files.isRegularFile(schemaFile)) {
      return FileReport.cannotRun(file, "a STIG Viewer checklist (CKLB) is validated against DISA's " + CKLB_SCHEMA
          + ", which stigsmith does not ship: give --schema-dir DIR holding it");
    }
    JsonSchema schema;
    try {
      schema = (JsonSchema) SCHEMA_CACHE.computeIfAbsent(schemaFile.toString(), k -> {
        try (InputStream in = Files.newInputStream(schemaFile)) {
          SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
          return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in, config);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (RuntimeException e) {
      return FileReport.cannotRun(file, schemaFile + ": not a usable JSON schema: " + e.getMessage());
    }
    return new FileReport(file, "STIG Viewer 3 checklist (CKLB)", schemaProblems(file, bytes, schema.validate(root)), null);
  }

  private static List<Problem> schemaProblems(Path file, byte[] bytes, Set<ValidationMessage> messages) {
    if (messages.isEmpty()) return List.of();
    Map<String, int[]> where = locations(bytes);
    List<Problem> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String pointer = pointer(m.getInstanceLocation());
      int[] lc = where.getOrDefault(pointer, new int[] {0, 0});
      String text = m.getError() != null ? m.getError() : m.getMessage();
      out.add(new Problem(file, lc[0], lc[1], Severity.ERROR, (pointer.isEmpty() ? "" : pointer + ": ") + text, pointer,
          Rules.JSON_SCHEMA + ":" + m.getType()));
    }
    out.sort(Comparator.comparingInt(Problem::line).thenComparing(Problem::message));
    return out;
  }

  private static String pointer(JsonNodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      sb.append('/').append(String.valueOf(e).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** JSON pointer of every value → [line, column] of its first token. */
  static Map<String, int[]> locations(byte[] bytes) {
    Map<String, int[]> out = new HashMap<>();
    try (JsonParser p = dev.stigsmith.io.SafeJson.factory().createParser(bytes)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME || t.isStructEnd()) continue;
        JsonStreamContext ctx = p.getParsingContext();
        if (t.isStructStart()) ctx = ctx.getParent();
        String ptr = ctx == null ? "" : ctx.pathAsPointer().toString();
        var loc = p.currentTokenLocation();
        out.putIfAbsent(ptr, new int[] {loc.getLineNr(), loc.getColumnNr()});
      }
    } catch (IOException e) {
      // already parsed once; locations are a courtesy
    }
    return out;
  }

  // ---------------------------------------------------------------- content

  private static final Pattern CONTENT_ERROR = Pattern.compile("^(.+?):(\\d+): (.*)$");

  private static FileReport content(Path dir) {
    try {
      ContentLoader.load(dir);
      return new FileReport(dir, "stigsmith content", List.of(), null);
    } catch (ContentException e) {
      String m = e.getMessage();
      Matcher x = CONTENT_ERROR.matcher(m);
      if (x.matches()) {
        return new FileReport(Path.of(x.group(1)), "stigsmith content",
            List.of(new Problem(Path.of(x.group(1)), Integer.parseInt(x.group(2)), 0, Severity.ERROR, x.group(3), "",
                Rules.CONTENT)), null);
      }
      int colon = m.indexOf(": ");
      Path where = colon > 0 ? Path.of(m.substring(0, colon)) : dir;
      return new FileReport(dir, "stigsmith content", List.of(new Problem(where, 0, 0, Severity.ERROR,
          colon > 0 ? m.substring(colon + 2) : m, "", Rules.CONTENT)), null);
    }
  }
}
