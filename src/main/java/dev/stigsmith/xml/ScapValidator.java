package dev.stigsmith.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Validator;
import net.sf.saxon.s9api.XdmNode;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates SCAP documents offline against the official XSDs (through the bundled catalog) and the
 * Schematron rules that ship with them.
 */
public final class ScapValidator {
  private ScapValidator() {}

  /**
   * @throws XmlInputException when the file cannot be validated at all: unreadable, not well-formed,
   *     refused by the hardened parser (DOCTYPE), or not a known kind of SCAP document
   */
  public static ValidationReport validate(Path file) throws XmlInputException {
    DocumentKind kind = DocumentKind.detect(file);
    return validate(file, kind);
  }

  public static ValidationReport validate(Path file, DocumentKind kind) throws XmlInputException {
    List<Problem> problems = new ArrayList<>(schemaProblems(file, kind));
    if (!kind.schematrons().isEmpty()) {
      XdmNode doc = Schematron.load(file);
      for (String stylesheet : kind.schematrons()) {
        problems.addAll(Schematron.check(file, doc, stylesheet));
      }
    }
    return new ValidationReport(file, kind, problems);
  }

  static List<Problem> schemaProblems(Path file, DocumentKind kind) throws XmlInputException {
    List<Problem> problems = new ArrayList<>();
    Validator v = ScapSchemas.schema(kind).newValidator();
    v.setResourceResolver(ScapSchemas.resolver());
    v.setErrorHandler(new ErrorHandler() {
      @Override public void warning(SAXParseException e) {
        problems.add(problem(file, Problem.Severity.WARNING, e));
      }
      @Override public void error(SAXParseException e) {
        problems.add(problem(file, Problem.Severity.ERROR, e));
      }
      @Override public void fatalError(SAXParseException e) throws SAXException {
        throw e;
      }
    });
    try (InputStream in = Files.newInputStream(file)) {
      InputSource src = new InputSource(in);
      src.setSystemId(file.toUri().toString());
      XMLReader reader = SafeXml.saxParserFactory().newSAXParser().getXMLReader();
      v.validate(new SAXSource(reader, src));
    } catch (SAXParseException e) {
      throw new XmlInputException(file, e.getLineNumber(), e.getColumnNumber(), "not well-formed XML: " + e.getMessage());
    } catch (SAXException e) {
      throw new XmlInputException(file, -1, -1, e.getMessage());
    } catch (IOException e) {
      throw new XmlInputException(file, -1, -1, "cannot read: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return problems;
  }

  private static Problem problem(Path file, Problem.Severity severity, SAXParseException e) {
    String m = e.getMessage() == null ? "invalid" : e.getMessage().replaceFirst("^cvc-[\\w.-]+: ", "");
    return new Problem(file, e.getLineNumber(), e.getColumnNumber(), severity, m, "");
  }
}
