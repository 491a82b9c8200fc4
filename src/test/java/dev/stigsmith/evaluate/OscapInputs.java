package dev.stigsmith.evaluate;

import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.hostdata.HostDataException;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.oval.model.Variable;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlOutput;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What {@code oscap oval analyse} needs to do the same work as a stigsmith evaluation: the OVAL
 * definitions (as in the bundled data stream), the site values as an OVAL variables document, and
 * each host's system characteristics. Used by {@code src/bench/fleet-bench.sh}:
 * {@code java -cp target/stigsmith-0.1.0-cli.jar:target/test-classes dev.stigsmith.evaluate.OscapInputs HOSTS_DIR OUT_DIR}
 * writes OUT_DIR/defs.xml, OUT_DIR/variables.xml and OUT_DIR/sc/&lt;file&gt;.xml per readable host file.
 */
public final class OscapInputs {
  private OscapInputs() {}

  public static void main(String[] args) throws Exception {
    Path hosts = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out.resolve("sc"));
    EvaluateJob.Prepared p = EvaluateJob.prepare(new EvaluateJob.Settings(null, null, null,
        Instant.parse("2024-02-01T00:00:00Z"), "bench", EnumSet.of(ResultFormat.JSON), null, null));
    Evaluator.Prepared edge = p.benchmarks().get(0);
    Document defs = SafeXml.documentBuilder().newDocument();
    defs.appendChild(defs.importNode(edge.definitions().source(), true));
    XmlOutput.write(defs, out.resolve("defs.xml"));
    boolean variablesWritten = false;
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(hosts)) {
      for (Path f : ds) {
        Evaluator.Evaluation ev;
        try {
          ev = edge.evaluate(HostDataReader.read(f));
        } catch (HostDataException e) {
          continue;
        }
        if (!variablesWritten) {
          variables(ev, out.resolve("variables.xml"));
          variablesWritten = true;
        }
        String name = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        XmlOutput.writeAtomically(out.resolve("sc").resolve(name + ".xml"),
            XmlOutput.toBytes(SystemCharacteristicsWriter.toDocument(ev.systemCharacteristics())));
        n++;
      }
    }
    System.out.println("wrote defs.xml, variables.xml and " + n + " system characteristics to " + out);
  }

  private static void variables(Evaluator.Evaluation ev, Path file) throws Exception {
    dev.stigsmith.testing.Oscap.writeVariables(ev, file);
  }
}
