package dev.stigsmith.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stigsmith.xml.Problem;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The validation outcome for people (text) and machines (JSON, JUnit XML, SARIF 2.1.0). */
public final class Reports {
  public enum Format { TEXT, JSON, JUNIT, SARIF }

  /** Rule id of an input that could not be validated at all. */
  public static final String CANNOT_RUN = "could-not-validate";
  /** Made for the first JSON or SARIF report: a text report needs no Jackson mapper (~17 ms cold). */
  private static final class Mapper {
    static final ObjectMapper JSON = dev.stigsmith.io.SafeJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private Reports() {}

  public static String render(Format f, List<FileReport> reports, String version) {
    return switch (f) {
      case TEXT -> text(reports);
      case JSON -> json(reports);
      case JUNIT -> junit(reports);
      case SARIF -> sarif(reports, version);
    };
  }

  public static String summary(List<FileReport> reports) {
    long valid = reports.stream().filter(FileReport::valid).count();
    long cannot = reports.stream().filter(r -> r.cannotRun() != null).count();
    long errors = reports.stream().mapToLong(FileReport::errors).sum();
    long warnings = reports.stream().mapToLong(FileReport::warnings).sum();
    return reports.size() + (reports.size() == 1 ? " file: " : " files: ") + valid + " valid, "
        + (reports.size() - valid - cannot) + " invalid, " + cannot + " could not be validated; "
        + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
  }

  static String text(List<FileReport> reports) {
    StringBuilder sb = new StringBuilder();
    for (FileReport r : reports) {
      if (r.cannotRun() != null) {
        sb.append(r.file()).append(": could not validate: ").append(r.cannotRun()).append('\n');
        continue;
      }
      for (Problem p : r.problems()) sb.append(p.oneLine()).append('\n');
      if (r.valid()) {
        sb.append(r.file()).append(": valid (").append(r.kind()).append(')');
        if (r.warnings() > 0) sb.append(", ").append(r.warnings()).append(r.warnings() == 1 ? " warning" : " warnings");
        sb.append('\n');
      }
    }
    if (reports.size() > 1) sb.append(summary(reports)).append('\n');
    return sb.toString();
  }

  static String json(List<FileReport> reports) {
    ObjectNode root = Mapper.JSON.createObjectNode();
    ArrayNode files = root.putArray("files");
    for (FileReport r : reports) {
      ObjectNode f = files.addObject();
      f.put("file", r.file().toString());
      f.put("kind", r.kind());
      f.put("valid", r.valid());
      if (r.cannotRun() != null) f.put("couldNotValidate", r.cannotRun());
      f.put("errors", r.errors());
      f.put("warnings", r.warnings());
      ArrayNode ps = f.putArray("problems");
      for (Problem p : r.problems()) {
        ObjectNode o = ps.addObject();
        o.put("file", p.file().toString());
        o.put("line", p.line());
        o.put("column", p.column());
        o.put("severity", p.severity().name().toLowerCase());
        o.put("rule", p.ruleId());
        o.put("message", p.message());
        if (!p.location().isEmpty()) o.put("location", p.location());
      }
    }
    ObjectNode s = root.putObject("summary");
    s.put("files", reports.size());
    s.put("valid", reports.stream().filter(FileReport::valid).count());
    s.put("couldNotValidate", reports.stream().filter(r -> r.cannotRun() != null).count());
    s.put("errors", reports.stream().mapToLong(FileReport::errors).sum());
    s.put("warnings", reports.stream().mapToLong(FileReport::warnings).sum());
    return write(root);
  }

  private static String write(ObjectNode n) {
    try {
      return Mapper.JSON.writeValueAsString(n) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One testcase per file: a failure when invalid (its problems as the text), an error when it could not be
   * validated. The shape is the Apache Ant JUnit schema's (the strictest published one): one testsuite with
   * the attributes it requires, properties, and the warnings of valid files in the suite's system-out.
   * The timestamp is SOURCE_DATE_EPOCH when set, for reproducible reports.
   */
  static String junit(List<FileReport> reports) {
    StringWriter w = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      long failures = reports.stream().filter(r -> r.cannotRun() == null && !r.valid()).count();
      long errors = reports.stream().filter(r -> r.cannotRun() != null).count();
      x.writeStartElement("testsuites");
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("package", "stigsmith");
      x.writeAttribute("id", "0");
      x.writeAttribute("name", "stigsmith validate");
      x.writeAttribute("timestamp", timestamp());
      x.writeAttribute("hostname", hostname());
      x.writeAttribute("tests", String.valueOf(reports.size()));
      x.writeAttribute("failures", String.valueOf(failures));
      x.writeAttribute("errors", String.valueOf(errors));
      x.writeAttribute("time", "0");
      x.writeCharacters("\n    ");
      x.writeEmptyElement("properties");
      StringBuilder warnings = new StringBuilder();
      for (FileReport r : reports) {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", r.file().toString());
        x.writeAttribute("classname", "stigsmith.validate");
        x.writeAttribute("time", "0");
        if (r.cannotRun() != null) {
          x.writeStartElement("error");
          x.writeAttribute("message", r.cannotRun());
          x.writeAttribute("type", CANNOT_RUN);
          x.writeCharacters(r.file() + ": could not validate: " + r.cannotRun());
          x.writeEndElement();
        } else if (!r.valid()) {
          x.writeStartElement("failure");
          x.writeAttribute("message", r.errors() + (r.errors() == 1 ? " error" : " errors") + ", " + r.warnings()
              + (r.warnings() == 1 ? " warning" : " warnings") + " (" + r.kind() + ")");
          x.writeAttribute("type", "invalid");
          StringBuilder body = new StringBuilder();
          for (Problem p : r.problems()) body.append(p.oneLine()).append('\n');
          x.writeCharacters(body.toString());
          x.writeEndElement();
        } else {
          for (Problem p : r.problems()) warnings.append(p.oneLine()).append('\n');
        }
        x.writeEndElement();
      }
      x.writeCharacters("\n    ");
      x.writeStartElement("system-out");
      x.writeCharacters(warnings.toString());
      x.writeEndElement();
      x.writeCharacters("\n    ");
      x.writeEmptyElement("system-err");
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  private static String timestamp() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    java.time.Instant t = java.time.Instant.now();
    if (epoch != null && epoch.matches("\\d{1,12}")) t = java.time.Instant.ofEpochSecond(Long.parseLong(epoch));
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(t);
  }

  private static String hostname() {
    try {
      String h = java.net.InetAddress.getLocalHost().getHostName();
      return h == null || h.isBlank() ? "localhost" : h;
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  /**
   * SARIF 2.1.0: one run, the rules that fired as tool.driver.rules, each problem a result with a physical
   * location (file relative to the working directory when inside it, so code hosts can annotate the line).
   */
  static String sarif(List<FileReport> reports, String version) {
    ObjectNode root = Mapper.JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "stigsmith");
    driver.put("version", version);
    driver.put("informationUri", "https://stigsmith.dev/");
    Map<String, String> fired = new TreeMap<>();
    for (FileReport r : reports) {
      for (Problem p : r.problems()) fired.put(p.ruleId().isEmpty() ? "xsd" : p.ruleId(), describe(p.ruleId()));
      if (r.cannotRun() != null) fired.put(CANNOT_RUN, "the input could not be validated at all");
    }
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new TreeMap<>();
    for (var e : fired.entrySet()) {
      index.put(e.getKey(), rules.size());
      ObjectNode rule = rules.addObject();
      rule.put("id", e.getKey());
      rule.putObject("shortDescription").put("text", e.getValue());
    }
    ArrayNode results = run.putArray("results");
    for (FileReport r : reports) {
      if (r.cannotRun() != null) {
        result(results, index, CANNOT_RUN, "error", r.file() + ": could not validate: " + r.cannotRun(), r.file(), 0, 0);
      }
      for (Problem p : r.problems()) {
        String id = p.ruleId().isEmpty() ? "xsd" : p.ruleId();
        result(results, index, id, p.severity() == Problem.Severity.ERROR ? "error" : "warning", p.message(), p.file(),
            p.line(), p.column());
      }
    }
    ArrayNode invocations = run.putArray("invocations");
    invocations.addObject().put("executionSuccessful", reports.stream().noneMatch(r -> r.cannotRun() != null));
    return write(root);
  }

  private static void result(ArrayNode results, Map<String, Integer> index, String rule, String level, String message,
      Path file, int line, int column) {
    ObjectNode res = results.addObject();
    res.put("ruleId", rule);
    res.put("ruleIndex", index.get(rule));
    res.put("level", level);
    res.putObject("message").put("text", message.isEmpty() ? rule : message);
    ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(file));
    if (line > 0) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", line);
      if (column > 0) region.put("startColumn", column);
    }
  }

  /** Relative to the working directory when the file is inside it (what code hosts match), else a file: URI. */
  static String uri(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (abs.startsWith(cwd)) {
      StringBuilder sb = new StringBuilder();
      for (Path part : cwd.relativize(abs)) {
        if (sb.length() > 0) sb.append('/');
        sb.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
      }
      return sb.toString();
    }
    return abs.toUri().toString();
  }

  static String describe(String rule) {
    String own = Rules.OWN.get(rule.contains(":") && !rule.startsWith("schematron:") ? rule.substring(0, rule.indexOf(':')) : rule);
    if (own != null) return own;
    if (rule.startsWith("cvc-")) return "XML Schema constraint " + rule + " of the document's official schema";
    if (rule.startsWith("schematron:")) return "an assertion of the official Schematron " + rule.substring(11);
    if (rule.matches("(SRC|A)-\\d+-\\d+")) return "SCAP 1.3 requirement " + rule + " (NIST SP 800-126)";
    return "the document's official schema";
  }
}
