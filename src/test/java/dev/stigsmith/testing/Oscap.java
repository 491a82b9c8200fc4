package dev.stigsmith.testing;

import dev.stigsmith.oval.model.Variable;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlOutput;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSCAP's oscap as a second opinion; tests using it skip when it is not installed. */
public final class Oscap {
  private Oscap() {}

  public record Run(int exitCode, String output) {}

  public static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "oscap"))) return true;
    }
    return false;
  }

  public static void assumeAvailable() {
    assumeTrue(available(), "oscap is not installed");
  }

  public static Run run(Path workDir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("oscap");
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("oscap timed out: " + cmd);
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run oscap: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The external variables the evaluation used, as an OVAL variables document; false when there are none. */
  public static boolean writeVariables(Evaluator.Evaluation ev, Path file) throws Exception {
    Map<String, List<String>> values = new TreeMap<>(ev.externalVariables());
    values.keySet().retainAll(ev.definitions().variables().stream()
        .filter(v -> v instanceof Variable.External).map(Variable::id).toList());
    if (values.isEmpty()) return false;
    String ns = "http://oval.mitre.org/XMLSchema/oval-variables-5";
    Document doc = SafeXml.documentBuilder().newDocument();
    Element root = (Element) doc.appendChild(doc.createElementNS(ns, "oval_variables"));
    Element gen = (Element) root.appendChild(doc.createElementNS(ns, "generator"));
    String common = "http://oval.mitre.org/XMLSchema/oval-common-5";
    gen.appendChild(doc.createElementNS(common, "oval:schema_version")).setTextContent("5.11.2");
    gen.appendChild(doc.createElementNS(common, "oval:timestamp")).setTextContent("2024-02-01T00:00:00");
    Element vars = (Element) root.appendChild(doc.createElementNS(ns, "variables"));
    for (Map.Entry<String, List<String>> e : values.entrySet()) {
      Variable.External ext = (Variable.External) ev.definitions().variable(e.getKey()).orElseThrow();
      Element v = (Element) vars.appendChild(doc.createElementNS(ns, "variable"));
      v.setAttribute("id", e.getKey());
      v.setAttribute("datatype", ext.datatype());
      v.setAttribute("comment", "site value");
      for (String value : e.getValue()) v.appendChild(doc.createElementNS(ns, "value")).setTextContent(value);
    }
    XmlOutput.write(doc, file);
    return true;
  }
}
