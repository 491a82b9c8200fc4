package dev.stigsmith.oval.model;

import dev.stigsmith.xml.SafeXml;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/** Serialises our DOM documents: UTF-8, indented, no comment before the root (OpenSCAP crashes on one). */
public final class XmlOut {
  private XmlOut() {}

  public static Document newDocument() {
    return SafeXml.newDocument();
  }

  public static void write(Document doc, OutputStream out) throws TransformerException, IOException {
    Transformer t = SafeXml.transformerFactory().newTransformer();
    t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    t.setOutputProperty(OutputKeys.INDENT, "yes");
    t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
    // Our own declaration, so the root element starts on its own line.
    t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
    t.transform(new DOMSource(doc), new StreamResult(out));
  }

  /** Writes to a sibling temp file, then renames: a reader never sees half a file. */
  public static void writeAtomically(Document doc, Path target) {
    Path abs = target.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(abs.getParent());
      tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(doc, out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | TransformerException e) {
      throw new OvalDocumentException(target + ": cannot write: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the move succeeded or the write failed; either way nothing useful is left to do
        }
      }
    }
  }
}
