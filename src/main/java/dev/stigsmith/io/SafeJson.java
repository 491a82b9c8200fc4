package dev.stigsmith.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

/**
 * The one place that creates Jackson readers for user input (JSON host data, CSV exports). Input is
 * read as trees of plain values only: no default typing is ever activated, so no JSON can name a
 * Java class, and nesting, string, number and name sizes are bounded by {@link InputLimits}.
 */
public final class SafeJson {
  private SafeJson() {}

  static StreamReadConstraints constraints() {
    InputLimits l = InputLimits.current();
    return StreamReadConstraints.builder()
        .maxNestingDepth(l.depth())
        .maxStringLength(l.stringChars())
        .maxNameLength(Math.min(l.stringChars(), 50_000))
        .maxNumberLength(1000)
        .maxDocumentLength(l.fileBytes())
        .build();
  }

  /** Strict JSON: duplicate keys and trailing tokens are errors. */
  public static ObjectMapper mapper() {
    JsonFactory f = JsonFactory.builder()
        .streamReadConstraints(constraints())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    return JsonMapper.builder(f)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  /** A bare factory with the same limits, for token-level reading. */
  public static JsonFactory factory() {
    return JsonFactory.builder().streamReadConstraints(constraints()).build();
  }

  public static CsvMapper csvMapper() {
    CsvFactory f = CsvFactory.builder().streamReadConstraints(constraints()).build();
    return CsvMapper.builder(f).build();
  }

  /** A limit was hit: the message in terms of the input (Jackson's names its own setters). */
  public static String plainMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
    InputLimits l = InputLimits.current();
    if (m.contains("Document nesting depth") || m.contains("nesting depth")) {
      return "values nest deeper than the limit of " + l.depth() + " (-Dstigsmith.limit.depth)";
    }
    if (m.contains("String value length") || m.contains("Name length")) {
      return "a string is longer than the limit of " + l.stringChars() + " characters (-Dstigsmith.limit.string-chars)";
    }
    if (m.contains("Number value length")) return "a number has more than 1000 digits";
    if (m.contains("Document length")) {
      return "file is more than the limit of " + l.fileBytes() + " bytes (-Dstigsmith.limit.file-bytes)";
    }
    if (m.startsWith("Unexpected end-of-input")) {
      String expected = m.contains("Object") ? "a closing '}'" : m.contains("Array") ? "a closing ']'"
          : m.contains("quote") ? "a closing '\"'" : "the rest of the value";
      return "the file ends before the JSON is complete (truncated?) — expected " + expected;
    }
    if (m.startsWith("Trailing token")) return "more content after the JSON value — expected one value per file";
    if (m.startsWith("Duplicate field ")) {
      return "duplicate key " + m.substring("Duplicate field ".length()).trim() + " — expected each key once";
    }
    // Jackson names its own types and features in backquotes; they mean nothing to a user.
    m = m.replaceAll("\\s*\\(bound as `[^`]*`\\)", "").replaceAll(":? ?not allowed as per `[^`]*`", "");
    int cut = m.indexOf(" (for ");
    if (cut > 0) m = m.substring(0, cut);
    // Jackson appends hints for its own API ("use StreamReadFeature..."); they are not for a user.
    cut = m.indexOf("; enable `");
    if (cut > 0) m = m.substring(0, cut);
    return m.replaceAll("\\s+", " ").trim();
  }
}
