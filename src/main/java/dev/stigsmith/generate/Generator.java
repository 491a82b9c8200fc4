package dev.stigsmith.generate;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.cpe.CpeDictionaryRenderer;
import dev.stigsmith.scap.ds.DataStreamRenderer;
import dev.stigsmith.scap.ds.DataStreamRenderer.Kind;
import dev.stigsmith.scap.ds.DataStreamRenderer.Part;
import dev.stigsmith.scap.oval.OvalRenderer;
import dev.stigsmith.scap.xccdf.XccdfRenderer;
import dev.stigsmith.xml.XmlOutput;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/** Content sources → SCAP files: the library API behind {@code stigsmith generate}. */
public final class Generator {
  private Generator() {}

  /** The files generated for one benchmark, by file name, in a stable order. */
  public record Output(Benchmark benchmark, Map<String, byte[]> files) {}

  public static String xccdfFile(Benchmark b) { return b.id() + "-xccdf.xml"; }
  public static String ovalFile(Benchmark b) { return b.id() + "-oval.xml"; }
  public static String cpeDictionaryFile(Benchmark b) { return b.id() + "-cpe-dictionary.xml"; }
  public static String cpeOvalFile(Benchmark b) { return b.id() + "-cpe-oval.xml"; }
  public static String dataStreamFile(Benchmark b) { return b.id() + "-ds.xml"; }

  /**
   * Loads every benchmark under {@code contentDir} and renders it; nothing is written yet. Without a
   * timestamp, each benchmark is stamped with its own benchmark date, so output depends on content only.
   */
  public static List<Output> render(Path contentDir, String productVersion, Instant timestamp)
      throws ContentException {
    List<Benchmark> benchmarks = new ArrayList<>();
    for (Path dir : ContentLoader.benchmarkDirs(contentDir)) benchmarks.add(ContentLoader.load(dir));
    List<Output> out = new ArrayList<>();
    for (Benchmark b : benchmarks) {
      Instant when = timestamp != null ? timestamp : b.benchmarkDate().atStartOfDay(ZoneOffset.UTC).toInstant();
      out.add(render(b, new GeneratorInfo("stigsmith", productVersion, when)));
    }
    return out;
  }

  public static Output render(Benchmark b, GeneratorInfo gen) {
    Document oval = OvalRenderer.rules(b, gen);
    Document cpeOval = OvalRenderer.platform(b, gen);
    Document cpe = CpeDictionaryRenderer.render(b, gen, cpeOvalFile(b));
    Document xccdf = XccdfRenderer.render(b, gen, ovalFile(b));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(xccdfFile(b), XmlOutput.toBytes(xccdf));
    files.put(ovalFile(b), XmlOutput.toBytes(oval));
    files.put(cpeDictionaryFile(b), XmlOutput.toBytes(cpe));
    files.put(cpeOvalFile(b), XmlOutput.toBytes(cpeOval));
    List<Part> parts = List.of(
        new Part(cpeDictionaryFile(b), cpe, Kind.DICTIONARY, List.of(cpeOvalFile(b))),
        new Part(xccdfFile(b), xccdf, Kind.CHECKLIST, List.of(ovalFile(b), cpeDictionaryFile(b))),
        new Part(ovalFile(b), oval, Kind.CHECK, List.of()),
        new Part(cpeOvalFile(b), cpeOval, Kind.CHECK, List.of()));
    files.put(dataStreamFile(b), XmlOutput.toBytes(DataStreamRenderer.render(b, gen, parts)));
    return new Output(b, files);
  }

  /** Writes each benchmark's files to {@code outDir/<benchmark id>/}; each file appears whole or not at all. */
  public static List<Path> write(List<Output> outputs, Path outDir) {
    List<Path> written = new ArrayList<>();
    for (Output o : outputs) {
      Path dir = outDir.resolve(o.benchmark().id());
      o.files().forEach((name, bytes) -> {
        XmlOutput.writeAtomically(dir.resolve(name), bytes);
        written.add(dir.resolve(name));
      });
    }
    return written;
  }
}
