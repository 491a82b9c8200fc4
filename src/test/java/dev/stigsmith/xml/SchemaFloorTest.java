package dev.stigsmith.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * src/bench/limits.sh quotes {@link SchemaFloor}'s figures as the least a validation costs; they only
 * mean that if it does the validation's work. Here: its line has every figure, and it finds what XSD
 * validation finds, a bad value by the schema and a dangling reference by the identity constraints.
 */
class SchemaFloorTest {
  private static String run(String corpusFile) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      SchemaFloor.main(new String[] {CorpusCase.corpus().resolve(corpusFile).toString()});
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8).trim();
  }

  @Test
  void aValidDataStreamHasNoErrorsAndEveryFigure() throws Exception {
    assertThat(run("sds-valid.xml"))
        .matches("jvm-to-main=\\d+ schema=\\d+ parse=\\d+ total=\\d+ tree=\\d+ identity=\\d+ errors=0");
  }

  @Test
  void aBadValueAndADanglingReferenceAreFound() throws Exception {
    assertThat(run("oval-defs-bad-id.xml")).doesNotEndWith("errors=0");
    assertThat(run("sds-dangling-object.xml")).doesNotEndWith("errors=0");
  }
}
