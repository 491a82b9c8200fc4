package dev.stigsmith.oval.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers in a user's definitions that the schema types as xsd:int are told apart in the user's terms. */
class OvalDefinitionsReaderTest {
  @TempDir Path dir;

  private Path definitions(String start) throws Exception {
    Path f = dir.resolve("defs.xml");
    Files.writeString(f, "<oval_definitions xmlns=\"http://oval.mitre.org/XMLSchema/oval-definitions-5\">"
        + "<definitions/><tests/><objects/><states/><variables>"
        + "<local_variable id=\"oval:t:var:1\" version=\"1\" datatype=\"string\" comment=\"c\">"
        + "<substring substring_start=\"" + start + "\" substring_length=\"2\"><literal_component>abcdef</literal_component>"
        + "</substring></local_variable></variables></oval_definitions>");
    return f;
  }

  @Test
  void aSubstringStartNoIntHoldsIsNamed() throws Exception {
    Path f = definitions("99999999999");
    assertThatThrownBy(() -> OvalDefinitionsReader.read(f)).isInstanceOf(OvalDocumentException.class)
        .hasMessageContaining("substring substring_start '99999999999' is not an xsd:int")
        .hasMessageNotContaining("For input string");
  }

  @Test
  void anIntSubstringStartReads() throws Exception {
    assertThat(OvalDefinitionsReader.read(definitions("3")).variables()).hasSize(1);
  }
}
