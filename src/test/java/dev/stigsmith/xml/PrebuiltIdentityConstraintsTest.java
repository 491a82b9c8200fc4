package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build reads the identity constraints of every official schema file into an index in the jar, so that
 * validate need not parse the schemas for them: the index must hold every file, each with what parsing it
 * gives now.
 */
class PrebuiltIdentityConstraintsTest {

  @Test
  void theIndexHoldsEverySchemaFileWithWhatParsingItGives() throws Exception {
    Path tree = Path.of(ScapSchemas.resource("catalog.xml").toURI()).getParent();
    List<Path> xsds;
    try (var files = Files.walk(tree)) {
      xsds = files.filter(p -> p.toString().endsWith(".xsd")).sorted().toList();
    }
    assertThat(xsds).hasSizeGreaterThan(40);
    assertThat(IdentityConstraints.Prebuilt.INDEX).hasSameSizeAs(xsds);
    int declaring = 0;
    for (Path f : xsds) {
      String url = f.toUri().toURL().toString();
      String path = IdentityConstraints.Prebuilt.bundledPath(url);
      assertThat(IdentityConstraints.Prebuilt.INDEX).as(path).containsKey(path);
      List<IdentityConstraints.Declared> parsed = IdentityConstraints.declared(url);
      assertThat(IdentityConstraints.Prebuilt.INDEX.get(path)).as(path).isEqualTo(parsed);
      if (!parsed.isEmpty()) declaring++;
    }
    assertThat(declaring).as("files declaring constraints").isGreaterThanOrEqualTo(10);
    assertThat(IdentityConstraints.Prebuilt.INDEX.get("oval/5.11.2/windows-definitions-schema.xsd")).isNotEmpty();
    // The files a compiled schema names are found in the index by the URL the catalog resolves them to.
    assertThat(IdentityConstraints.Prebuilt.bundledPath(
        ScapSchemas.schemaFor("http://oval.mitre.org/XMLSchema/oval-definitions-5").toString()))
        .isEqualTo("oval/5.11.2/oval-definitions-schema.xsd");
    assertThat(IdentityConstraints.Prebuilt.bundledPath(tree.getParent().resolve("elsewhere.xsd").toUri().toURL().toString()))
        .isNull();
  }

  @Test
  void theIndexReadsBackAsWritten() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      IdentityConstraints.Prebuilt.write(IdentityConstraints.Prebuilt.INDEX, out);
    }
    var back = IdentityConstraints.Prebuilt.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(back).isEqualTo(IdentityConstraints.Prebuilt.INDEX);
  }
}
