package dev.stigsmith.generate;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.content.ContentLoader;
import dev.stigsmith.model.Benchmark;
import dev.stigsmith.scap.GeneratorInfo;
import dev.stigsmith.scap.cpe.CpeDictionaryRenderer;
import dev.stigsmith.scap.disa.DisaXccdfRenderer;
import dev.stigsmith.scap.ds.DataStreamRenderer;
import dev.stigsmith.scap.ds.DataStreamRenderer.Kind;
import dev.stigsmith.scap.ds.DataStreamRenderer.Part;
import dev.stigsmith.scap.ocil.OcilRenderer;
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
  public static String ocilFile(Benchmark b) { return b.id() + "-ocil.xml"; }

  /**
   * Loads every benchmark under {@code contentDir} and renders it; nothing is written yet. Without a
   * timestamp, each benchmark is stamped with its own benchmark date, so output depends on content only.
   */
  public static List<Output> render(Path contentDir, String productVersion, Instant timestamp)
      throws ContentException {
    return render(contentDir, productVersion, timestamp, Format.SCAP);
  }

  public static List<Output> render(Path contentDir, String productVersion, Instant timestamp, Format format)
      throws ContentException {
    List<Benchmark> benchmarks = new ArrayList<>();
    Map<String, Path> seen = new LinkedHashMap<>();
    for (Path dir : ContentLoader.benchmarkDirs(contentDir)) {
      Benchmark b = ContentLoader.load(dir);
      Path other = seen.putIfAbsent(b.id(), dir);
      if (other != null) {
        throw new ContentException(dir.resolve(ContentLoader.BENCHMARK_FILE) + ": benchmark id '" + b.id()
            + "' is already defined by " + other.resolve(ContentLoader.BENCHMARK_FILE));
      }
      benchmarks.add(b);
    }
    List<Output> out = new ArrayList<>();
    for (Benchmark b : benchmarks) {
      Instant when = timestamp != null ? timestamp : b.benchmarkDate().atStartOfDay(ZoneOffset.UTC).toInstant();
      out.add(render(b, new GeneratorInfo("stigsmith", productVersion, when), format));
    }
    return out;
  }

  /** Which files to produce: the SCAP set, or DISA's XCCDF 1.1.4 manual benchmark (STIG Viewer). */
  public enum Format { SCAP, DISA_XCCDF }

  public static String disaXccdfFile(Benchmark b) {
    return "U_" + b.id() + "_" + b.versionRelease() + "_Manual-xccdf.xml";
  }

  public static Output render(Benchmark b, GeneratorInfo gen) {
    return render(b, gen, Format.SCAP);
  }

  public static Output render(Benchmark b, GeneratorInfo gen, Format format) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (format == Format.DISA_XCCDF) {
      files.put(disaXccdfFile(b), XmlOutput.toBytes(DisaXccdfRenderer.render(b)));
      return new Output(b, files);
    }
    Document oval = OvalRenderer.rules(b, gen);
    // Manual rules get an OCIL questionnaire each; a benchmark whose rules are all automated has none.
    Document ocil = OcilRenderer.hasQuestionnaires(b) ? OcilRenderer.render(b, gen) : null;
    Document xccdf = XccdfRenderer.render(b, gen, ovalFile(b), ocil == null ? null : ocilFile(b));
    files.put(xccdfFile(b), XmlOutput.toBytes(xccdf));
    files.put(ovalFile(b), XmlOutput.toBytes(oval));
    if (ocil != null) files.put(ocilFile(b), XmlOutput.toBytes(ocil));
    List<String> checklistRefs = new ArrayList<>(List.of(ovalFile(b)));
    if (ocil != null) checklistRefs.add(ocilFile(b));
    List<Part> parts = new ArrayList<>();
    // Content freshly imported from DISA has no platform yet: then there is no CPE to check.
    if (b.platform() != null) {
      Document cpeOval = OvalRenderer.platform(b, gen);
      Document cpe = CpeDictionaryRenderer.render(b, gen, cpeOvalFile(b));
      files.put(cpeDictionaryFile(b), XmlOutput.toBytes(cpe));
      files.put(cpeOvalFile(b), XmlOutput.toBytes(cpeOval));
      checklistRefs.add(cpeDictionaryFile(b));
      parts.add(new Part(cpeDictionaryFile(b), cpe, Kind.DICTIONARY, List.of(cpeOvalFile(b))));
      parts.add(new Part(xccdfFile(b), xccdf, Kind.CHECKLIST, checklistRefs));
      parts.add(new Part(ovalFile(b), oval, Kind.CHECK, List.of()));
      parts.add(new Part(cpeOvalFile(b), cpeOval, Kind.CHECK, List.of()));
    } else {
      parts.add(new Part(xccdfFile(b), xccdf, Kind.CHECKLIST, checklistRefs));
      parts.add(new Part(ovalFile(b), oval, Kind.CHECK, List.of()));
    }
    if (ocil != null) parts.add(new Part(ocilFile(b), ocil, Kind.CHECK, List.of()));
    files.put(dataStreamFile(b), XmlOutput.toBytes(DataStreamRenderer.render(b, gen, parts)));
    return new Output(b, files);
  }

  /** Writes each benchmark's files to {@code outDir/<benchmark id>/}; each file appears whole or not at all. */
  public static List<Path> write(List<Output> outputs, Path outDir) {
    List<Path> written = new ArrayList<>();
    for (Output o : outputs) {
      dev.stigsmith.io.OutputSet set = dev.stigsmith.io.OutputSet.in(outDir.resolve(o.benchmark().id()));
      o.files().forEach(set::add);
      try {
        written.addAll(set.commit());
      } catch (dev.stigsmith.io.OutputSet.Refused e) {
        throw new IllegalStateException(e); // no file of a generated set is guarded
      }
    }
    return written;
  }
}
