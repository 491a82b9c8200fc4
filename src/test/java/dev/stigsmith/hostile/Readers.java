package dev.stigsmith.hostile;

import dev.stigsmith.content.YamlSource;
import dev.stigsmith.export.ChecklistReader;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.importer.DisaBenchmarkImporter;
import dev.stigsmith.oval.model.OvalDefinitionsReader;
import dev.stigsmith.scap.Jaxb;
import dev.stigsmith.scap.ds.ScapSource;
import dev.stigsmith.scap.xccdf.TestResultReader;
import dev.stigsmith.xccdf.engine.Tailoring;
import dev.stigsmith.xml.DocumentKind;
import dev.stigsmith.xml.ScapValidator;
import dev.stigsmith.xml.XmlInputException;
import java.nio.file.Path;
import java.util.Map;

/** Every reader of user input, by a short name the corpus manifests use. */
final class Readers {
  private Readers() {}

  /** What a reader made of a file: null message = accepted. */
  record Outcome(String message, Object value) {
    boolean refused() {
      return message != null;
    }
  }

  interface Reader {
    Object read(Path file) throws Exception;
  }

  static final Map<String, Reader> ALL = Map.ofEntries(
      Map.entry("hostdata", HostDataReader::read),
      Map.entry("checklist", ChecklistReader::read),
      Map.entry("results", TestResultReader::read),
      Map.entry("datastream", ScapSource::open),
      Map.entry("disa", DisaBenchmarkImporter::read),
      Map.entry("validate", ScapValidator::validate),
      Map.entry("tailoring", Tailoring::read),
      Map.entry("oval", OvalDefinitionsReader::read),
      Map.entry("detect", DocumentKind::detect),
      Map.entry("jaxb", f -> Jaxb.read(f, DocumentKind.XCCDF_12_BENCHMARK, Object.class)),
      Map.entry("yaml", YamlSource::read));

  /** Runs a reader; any exception that is the reader's way of saying "bad input" becomes the message. */
  static Outcome run(String reader, Path file) {
    Reader r = ALL.get(reader);
    if (r == null) throw new IllegalArgumentException("no reader " + reader);
    try {
      return new Outcome(null, r.read(file));
    } catch (XmlInputException e) {
      return new Outcome(e.oneLine(), null);
    } catch (dev.stigsmith.hostdata.HostDataException | dev.stigsmith.export.ChecklistInputException
        | dev.stigsmith.content.ContentException | dev.stigsmith.importer.ImportException
        | dev.stigsmith.oval.model.OvalDocumentException e) {
      return new Outcome(e.getMessage(), null);
    } catch (RuntimeException e) {
      throw e; // a crash, not a refusal: the test fails with the stack trace
    } catch (Exception e) {
      throw new AssertionError("unexpected checked exception from " + reader, e);
    }
  }
}
