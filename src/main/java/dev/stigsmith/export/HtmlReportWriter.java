package dev.stigsmith.export;

import dev.stigsmith.results.TestResult;
import dev.stigsmith.xml.SafeXml;
import dev.stigsmith.xml.XmlInputException;
import dev.stigsmith.xml.XmlOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.transform.dom.DOMSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XmlProcessingError;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import java.util.ArrayList;
import java.util.List;
import net.sf.saxon.s9api.XsltTransformer;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * A one-page HTML report rendered by XSLT (Saxon-HE) from XCCDF 1.2 results: from a {@link TestResult} via the
 * STIG-Manager XCCDF document, or from any XCCDF 1.2 results file whose root Benchmark holds its Rules. Both the
 * stylesheet and the input are parsed by the hardened parser; Saxon never reads a file itself.
 */
public final class HtmlReportWriter {
  static final String STYLESHEET = "report.xsl";

  private static final Processor PROCESSOR = SafeXml.saxon();
  private static final XsltExecutable EXECUTABLE = compile();

  public void write(TestResult tr, Path file) {
    XmlOutput.writeAtomically(file, toBytes(tr));
  }

  public byte[] toBytes(TestResult tr) {
    return render(new StigManagerXccdfWriter().document(tr));
  }

  /** For {@code stigsmith report RESULTS.xml --format html}. */
  public void write(Path xccdfResults, Path file) throws XmlInputException {
    XmlOutput.writeAtomically(file, render(SafeXml.parse(xccdfResults)));
  }

  public byte[] render(Document xccdf) {
    try {
      XsltTransformer t = EXECUTABLE.load();
      t.setSource(new DOMSource(xccdf));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Serializer s = PROCESSOR.newSerializer(out);
      t.setDestination(s);
      t.transform();
      return out.toByteArray();
    } catch (SaxonApiException e) {
      throw new IllegalStateException("cannot render the HTML report: " + e.getMessage(), e);
    }
  }

  private static XsltExecutable compile() {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(STYLESHEET)) {
      if (in == null) throw new IllegalStateException("missing resource " + STYLESHEET);
      Document xsl = SafeXml.documentBuilder().parse(new InputSource(in));
      XsltCompiler c = PROCESSOR.newXsltCompiler();
      List<XmlProcessingError> errors = new ArrayList<>();
      c.setErrorList(errors);
      try {
        return c.compile(new DOMSource(xsl, "stigsmith:report.xsl"));
      } catch (SaxonApiException e) {
        throw new IllegalStateException("report stylesheet does not compile: "
            + String.join("; ", errors.stream().map(x -> x.getLocation().getLineNumber() + ": " + x.getMessage()).toList()), e);
      }
    } catch (IOException | org.xml.sax.SAXException e) {
      throw new IllegalStateException("report stylesheet cannot be read: " + e.getMessage(), e);
    }
  }
}
