package dev.stigsmith.evaluate;

import dev.stigsmith.content.ContentException;
import dev.stigsmith.export.ChecklistGuard;
import dev.stigsmith.export.ChecklistInputException;
import dev.stigsmith.io.OutputSet;
import dev.stigsmith.export.ResultExports;
import dev.stigsmith.export.ResultFormat;
import dev.stigsmith.generate.Generator;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostDataException;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.model.Rule;
import dev.stigsmith.oval.engine.OvalResultsWriter;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.results.ResultType;
import dev.stigsmith.results.TestResult;
import dev.stigsmith.scap.arf.ArfRenderer;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.scap.xccdf.TestResultRenderer;
import dev.stigsmith.scap.xccdf.XccdfBenchmarkReader;
import dev.stigsmith.xccdf.engine.EvaluationException;
import dev.stigsmith.xccdf.engine.Evaluator;
import dev.stigsmith.xccdf.engine.Tailoring;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import dev.stigsmith.xml.XmlOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * {@code stigsmith evaluate} as a library call: content + host data in, result files out.
 * All documents are built in memory first, so bad input never leaves a partial result set.
 */
public final class EvaluateJob {
  private EvaluateJob() {}

  public record Options(Path content, Path hostData, String profile, Path tailoring, Path outDir, Path scOut,
      Instant time, String productVersion, Set<ResultFormat> formats, Path answers, Path previous) {}

  /** The evaluation and the files written for it, by file name. */
  public record Outcome(Evaluator.Evaluation evaluation, TestResult testResult, Path hostDir, Map<String, Path> files,
      List<String> notes) {
    /**
     * oscap-like: 0 every evaluated rule passed, 2 at least one failed or could not be decided
     * (unknown), 1 at least one rule evaluated to error.
     */
    public int exitCode() {
      Map<ResultType, Integer> c = testResult.counts();
      if (c.getOrDefault(ResultType.ERROR, 0) > 0) return 1;
      if (c.getOrDefault(ResultType.FAIL, 0) > 0 || c.getOrDefault(ResultType.UNKNOWN, 0) > 0) return 2;
      return 0;
    }
  }

  /** Thrown for any unusable input; the message is one line naming the file. */
  public static final class InputException extends Exception {
    public InputException(String message) {
      super(message);
    }
  }

  public static Outcome run(Options o) throws InputException {
    return run(o, false);
  }

  /** @param force replace a checklist at the output path that is not stigsmith's own (--force) */
  public static Outcome run(Options o, boolean force) throws InputException {
    ScapSource source = source(o.content(), o.productVersion(), o.time());
    HostData host;
    try {
      host = HostDataReader.read(o.hostData());
    } catch (HostDataException e) {
      throw new InputException(e.getMessage());
    }
    Tailoring tailoring = null;
    if (o.tailoring() != null) {
      try {
        tailoring = Tailoring.read(o.tailoring());
      } catch (XmlInputException e) {
        throw new InputException(e.oneLine());
      }
    }
    Evaluator.Evaluation ev;
    try {
      ev = Evaluator.evaluate(source, host, new Evaluator.Request(o.profile(), tailoring, o.time(),
          "cpe:/a:stigsmith:stigsmith:" + o.productVersion(), System.getProperty("user.name")));
    } catch (EvaluationException e) {
      throw new InputException(e.getMessage());
    }
    ResultExports.Rendered rendered;
    try {
      rendered = ResultExports.render(ev.testResult(), o.formats(), o.answers(), o.previous(), "stigsmith " + o.productVersion());
    } catch (ContentException | ChecklistInputException e) {
      throw new InputException(e.getMessage());
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    documents(ev, rendered.testResult(), source, o.formats()).forEach((name, doc) -> files.put(name, XmlOutput.toBytes(doc)));
    files.putAll(rendered.files());
    Path hostDir = o.outDir().resolve(ResultExports.safeFileName(ev.testResult().target().hostName()));
    Map<String, Path> written = new LinkedHashMap<>();
    // The user's own path goes first: if it cannot be written, no result set is left half done.
    if (o.scOut() != null && ev.systemCharacteristics() != null) {
      XmlOutput.writeAtomically(o.scOut(), XmlOutput.toBytes(SystemCharacteristicsWriter.toDocument(ev.systemCharacteristics())));
      written.put(o.scOut().getFileName().toString(), o.scOut());
    }
    OutputSet set = OutputSet.in(hostDir).force(force);
    files.forEach((name, bytes) ->
        set.add(name, bytes, ChecklistGuard.isChecklist(name) ? ChecklistGuard.guard(o.previous()) : null));
    try {
      for (Path p : set.commit()) written.put(p.getFileName().toString(), p);
    } catch (OutputSet.Refused e) {
      throw new InputException(e.getMessage());
    }
    return new Outcome(ev, rendered.testResult(), hostDir, written, rendered.notes());
  }

  /** The SCAP result documents (XCCDF, OVAL, ARF) of an evaluation whose results may carry answers. */
  static Map<String, Document> documents(Evaluator.Evaluation ev, TestResult tr, ScapSource source,
      Set<ResultFormat> formats) {
    if (!formats.contains(ResultFormat.XCCDF) && !formats.contains(ResultFormat.ARF)) return Map.of();
    XccdfBenchmarkReader.Loaded loaded = ev.loaded();
    TestResultRenderer.CheckRefs refs = new TestResultRenderer.CheckRefs() {
      @Override
      public String href(Rule r) {
        var ref = loaded.ovalChecks().get(r.ruleId());
        return ref == null ? null : ref.href();
      }

      @Override
      public String name(Rule r) {
        return loaded.ovalChecks().get(r.ruleId()).definitionId();
      }
    };
    TestResultRenderer.IdScheme ids = TestResultRenderer.IdScheme.ours(tr);
    Map<String, Document> docs = new LinkedHashMap<>();
    Document standalone = TestResultRenderer.standalone(tr, ids, refs, source.file().getFileName().toString());
    Document oval = ev.ovalResults() == null ? null : OvalResultsWriter.toDocument(ev.ovalResults());
    if (formats.contains(ResultFormat.XCCDF)) {
      docs.put("xccdf-results.xml", TestResultRenderer.insideBenchmark(source.benchmark(), tr, ids, refs));
      docs.put("xccdf-testresult.xml", standalone);
      if (oval != null) docs.put("oval-results.xml", oval);
    }
    if (formats.contains(ResultFormat.ARF)) {
      docs.put("arf.xml", ArfRenderer.render(tr.target(), source.document().getDocumentElement(),
          standalone.getDocumentElement(), oval == null ? null : oval.getDocumentElement()));
    }
    return docs;
  }

  /** A data stream file as is; a content folder is generated in memory first. */
  static ScapSource source(Path content, String productVersion, Instant time) throws InputException {
    try {
      if (Files.isDirectory(content)) {
        var outputs = Generator.render(content, productVersion, null);
        if (outputs.size() != 1) {
          throw new InputException(content + ": holds " + outputs.size()
              + " benchmarks; name one benchmark folder or its data stream");
        }
        var out = outputs.get(0);
        byte[] ds = out.files().get(Generator.dataStreamFile(out.benchmark()));
        Document doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(ds));
        return ScapSource.of(content.resolve(Generator.dataStreamFile(out.benchmark())), doc);
      }
      return ScapSource.open(content);
    } catch (ContentException e) {
      throw new InputException(e.getMessage());
    } catch (XmlInputException e) {
      throw new InputException(e.oneLine());
    } catch (SAXException | IOException e) {
      throw new InputException(content + ": " + e.getMessage());
    }
  }

}
