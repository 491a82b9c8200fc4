package dev.stigsmith.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;

/** Serialises documents the same way every time, and writes files so that no half file is ever left. */
public final class XmlOutput {
  private XmlOutput() {}

  // A Transformer is not thread-safe but is reusable; making one per document cost more than a
  // small document's serialisation (fleet runs serialise several documents per host).
  private static final ThreadLocal<Transformer> SERIALISER = ThreadLocal.withInitial(() -> {
    try {
      Transformer t = SafeXml.transformerFactory().newTransformer();
      t.setOutputProperty(OutputKeys.METHOD, "xml");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      return t;
    } catch (javax.xml.transform.TransformerConfigurationException e) {
      throw new IllegalStateException("no XML serialiser: " + e.getMessage(), e);
    }
  });

  /**
   * UTF-8, two-space indent, XML declaration on its own line. The declaration is written by hand
   * because the JDK serialiser puts the root element on the same line as it.
   */
  public static byte[] toBytes(Document doc) {
    byte[] direct = DomWriter.write(doc);
    if (direct == null) {
      transformed.incrementAndGet();
      return viaTransformer(doc);
    }
    direct = withDeclaration(direct);
    if (crossCheck) {
      byte[] reference = viaTransformer(doc);
      if (!Arrays.equals(direct, reference)) mismatch.compareAndSet(null, new byte[][] {direct, reference});
    }
    written.incrementAndGet();
    return direct;
  }

  /**
   * As {@link #toBytes(Document)}, but only by the direct writer: null when the document's shape needs the
   * JDK serialiser. A {@link XmlTemplate} is cut only from such bytes, so its pieces are the direct writer's.
   */
  public static byte[] toBytesDirect(Document doc) {
    byte[] direct = DomWriter.write(doc);
    return direct == null ? null : withDeclaration(direct);
  }

  /** Set by the test that holds the direct writer to the JDK serialiser's bytes on every document of a run. */
  static volatile boolean crossCheck;
  static final AtomicLong written = new AtomicLong();
  static final AtomicLong transformed = new AtomicLong();
  /** The first document the two disagreed on: direct bytes, JDK bytes. */
  static final AtomicReference<byte[][]> mismatch = new AtomicReference<>();

  private static byte[] withDeclaration(byte[] direct) {
    byte[] b = new byte[DECLARATION.length + direct.length];
    System.arraycopy(DECLARATION, 0, b, 0, DECLARATION.length);
    System.arraycopy(direct, 0, b, DECLARATION.length, direct.length);
    return b;
  }

  private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8);

  /** The JDK serialiser's rendering, for the shapes {@link DomWriter} leaves to it (and to check it against). */
  static byte[] viaTransformer(Document doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(DECLARATION);
    try {
      SERIALISER.get().transform(new DOMSource(doc), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot serialise XML: " + e.getMessage(), e);
    }
    byte[] b = out.toByteArray();
    if (b[b.length - 1] != '\n') {
      byte[] nl = new byte[b.length + 1];
      System.arraycopy(b, 0, nl, 0, b.length);
      nl[b.length] = '\n';
      return nl;
    }
    return b;
  }

  public static void write(Document doc, Path file) {
    writeAtomically(file, toBytes(doc));
  }

  /** Writes to a temporary file beside the target, then renames it into place. */
  public static void writeAtomically(Path file, byte[] bytes) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      // Not createTempFile: its 0600 would stay on the renamed file; this one gets the user's umask.
      Path tmp = dir.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
      try {
        Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        try {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
