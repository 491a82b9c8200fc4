package dev.stigsmith.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;

/** One way of writing JSON: two-space indent, "\n" on every platform, a final newline. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter nl = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(nl).withArrayIndenter(nl);
    WRITER = MAPPER.writer(pp);
  }

  private Json() {}

  static byte[] toBytes(JsonNode node) {
    try {
      return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON: " + e.getMessage(), e);
    }
  }
}
