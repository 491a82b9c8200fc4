package dev.stigsmith.oval;

import dev.stigsmith.xml.SafeXml;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** OpenSCAP as a second opinion; tests using it skip when it is not installed. */
public final class Oscap {
  private Oscap() {}

  public static boolean available() {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "oscap"))) return true;
    }
    return false;
  }

  public static void assumeAvailable() {
    Assumptions.assumeTrue(available(), "oscap not on PATH");
  }

  /** Runs {@code oscap oval analyse} and returns the result of the definition from its results file. */
  public static String analyse(Path defs, Path sc, Path results, String definitionId) throws Exception {
    Path log = results.resolveSibling(results.getFileName() + ".log");
    Process p = new ProcessBuilder(List.of(
            "oscap", "oval", "analyse", "--results", results.toString(), defs.toString(), sc.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("oscap did not finish");
    }
    if (!Files.exists(results)) {
      throw new AssertionError("oscap wrote no results (exit " + p.exitValue() + "): " + Files.readString(log));
    }
    NodeList defsRes = SafeXml.documentBuilder().parse(results.toFile())
        .getElementsByTagNameNS("http://oval.mitre.org/XMLSchema/oval-results-5", "definition");
    for (int i = 0; i < defsRes.getLength(); i++) {
      Element e = (Element) defsRes.item(i);
      if (definitionId.equals(e.getAttribute("definition_id"))) return e.getAttribute("result");
    }
    throw new AssertionError("no result for " + definitionId + " in " + results);
  }
}
