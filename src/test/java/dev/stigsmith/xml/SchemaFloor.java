package dev.stigsmith.xml;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The least any {@code stigsmith validate} of one file costs in a fresh JVM: the JVM up to main, the
 * compile of the schema the file needs, and one validating parse, on one thread with nothing else
 * running; no command line, no tree, no identity constraints, no reference checks and no report
 * ({@code total}). Then, on the same thread, what XSD validation still lacks: the tree the identity
 * constraints are checked over ({@code tree}, its own parse) and that check ({@code identity}); on two
 * cores the two halves could at best overlap. Used by {@code src/bench/limits.sh}, which runs it in a
 * fresh JVM with the launcher's options:
 * {@code java -cp target/stigsmith-0.1.0-cli.jar:target/test-classes dev.stigsmith.xml.SchemaFloor FILE}
 * prints one line: {@code jvm-to-main=… schema=… parse=… total=… tree=… identity=…} (milliseconds).
 */
public final class SchemaFloor {
  private SchemaFloor() {}

  public static void main(String[] args) throws Exception {
    long toMain = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.nanoTime();
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    DocumentKind kind = DocumentKind.detect(Path.of(args[0]));
    var schema = ScapSchemas.schema(kind, ScapSchemas.platformNamespaces(
        new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)));
    long t1 = System.nanoTime();
    SAXParserFactory f = SafeXml.saxParserFactory();
    f.setSchema(schema);
    SAXParser p = f.newSAXParser();
    // As the validator runs it: identity constraints are checked elsewhere, over the tree.
    p.getXMLReader().setFeature(ScapValidator.IDENTITY_CHECKING, false);
    int[] errors = {0};
    p.parse(new InputSource(new ByteArrayInputStream(bytes)), new DefaultHandler() {
      @Override public void error(SAXParseException e) { errors[0]++; }
    });
    long t2 = System.nanoTime();
    long schemaMs = (t1 - t0) / 1_000_000;
    long parseMs = (t2 - t1) / 1_000_000;
    // The tree as the validator builds it.
    var tree = ScapValidator.treeBuilder(Path.of(args[0]));
    ScapValidator.parse(Path.of(args[0]), bytes, tree);
    long t3 = System.nanoTime();
    int identityProblems = ScapSchemas.identityConstraints(kind, ScapSchemas.platformNamespaces(
        new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))).check(Path.of(args[0]), tree.getDocumentNode()).size();
    long t4 = System.nanoTime();
    System.out.printf("jvm-to-main=%d schema=%d parse=%d total=%d tree=%d identity=%d errors=%d%n",
        toMain, schemaMs, parseMs, toMain + schemaMs + parseMs, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
        errors[0] + identityProblems);
  }
}
