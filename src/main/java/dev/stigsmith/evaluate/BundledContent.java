package dev.stigsmith.evaluate;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.generate.Generator;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import dev.stigsmith.xml.XmlOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.SAXException;

/**
 * The benchmarks that ship inside the jar: the build generates every benchmark of {@code content/}
 * into SCAP source data streams under {@code bundled/} (listed in {@code bundled/index.txt}), so
 * {@code evaluate} without {@code --content} needs neither the content folder nor YAML parsing.
 */
public final class BundledContent {
  static final String DIR = "bundled/";
  static final String INDEX = DIR + "index.txt";

  private BundledContent() {}

  /** Every bundled benchmark's data stream, in index order. */
  public static List<ScapSource> sources() throws EvaluateJob.InputException {
    List<ScapSource> out = new ArrayList<>();
    for (String name : names()) {
      try (InputStream in = resource(DIR + name)) {
        if (in == null) throw new EvaluateJob.InputException("bundled content: " + name + " is listed but missing from the jar");
        out.add(ScapSource.of(Path.of(name), SafeXml.documentBuilder().parse(in)));
      } catch (IOException | SAXException e) {
        throw new EvaluateJob.InputException("bundled content: " + name + ": " + e.getMessage());
      } catch (XmlInputException e) {
        throw new EvaluateJob.InputException(e.oneLine());
      }
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

  /**
   * Build step: renders every benchmark under a content folder into {@code outDir} (data streams
   * and an index), stamped with each benchmark's own date so the jar is reproducible.
   * Arguments: CONTENT_DIR OUT_DIR PRODUCT_VERSION.
   */
  public static void main(String[] args) throws ContentException, IOException {
    Path content = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    StringBuilder index = new StringBuilder("# SCAP source data streams generated from content/ at build time\n");
    for (Generator.Output o : Generator.render(content, args[2], null)) {
      String name = Generator.dataStreamFile(o.benchmark());
      XmlOutput.writeAtomically(out.resolve(name), o.files().get(name));
      index.append(name).append('\n');
    }
    XmlOutput.writeAtomically(out.resolve("index.txt"), index.toString().getBytes(StandardCharsets.UTF_8));
  }
}
