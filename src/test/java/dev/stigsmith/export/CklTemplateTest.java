package dev.stigsmith.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Severity;
import dev.stigsmith.results.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A checklist filled into the benchmark's template is byte for byte the checklist built and written whole,
 * for hosts that differ in every value a host owns, including values the template cannot hold (which
 * must take the ordinary path and still come out the same).
 */
class CklTemplateTest {
  private final Benchmark b = Fixtures.benchmark(5);
  private final Checklist base = Checklist.from(Fixtures.testResult(b));
  private final CklWriter writer = new CklWriter("stigsmith 0.1.0");

  private static final String[] FITTING = {"", "plain", "a & b < c > d \"quoted\" 'single'",
      "line one\nline two\n\nafter a blank line", "Gr\u00fc\u00dfe \u2014 caf\u00e9 \u201cquotes\u201d", "trailing space "};
  /** Values the direct writer leaves to the JDK serialiser: blank text, tabs, CRs, surrogates, U+2028. */
  private static final String[] NOT_FITTING = {"   ", "tab\tinside", "carriage\r\nreturn", "emoji \uD83D\uDE00",
      "\u2028separator"};

  @Test
  void everyHostComesOutAsTheWholeDocumentWouldWriteIt() {
    Random random = new Random(42);
    long filled = CklWriter.FILLED.get();
    for (int host = 0; host < 200; host++) {
      Checklist c = host(base, host, random);
      assertThat(new String(writer.toBytes(c), java.nio.charset.StandardCharsets.UTF_8))
          .as("host " + host).isEqualTo(new String(writer.toBytesByDocument(c), java.nio.charset.StandardCharsets.UTF_8));
    }
    // Most hosts' values fit the template; the rest (tabs, CRs, blank text, …) took the ordinary path.
    assertThat(CklWriter.FILLED.get() - filled).isBetween(20L, 199L);
  }

  @Test
  void anotherWriterNameOrRuleListGetsItsOwnTemplate() {
    Checklist c = host(base, 1, new Random(1));
    assertThat(new CklWriter("other 9").toBytes(c)).isEqualTo(new CklWriter("other 9").toBytesByDocument(c));
    Checklist fewer = new Checklist(c.benchmark(), c.target(), c.entries().subList(0, 1));
    assertThat(writer.toBytes(fewer)).isEqualTo(writer.toBytesByDocument(fewer));
    assertThat(writer.toBytes(c)).isEqualTo(writer.toBytesByDocument(c));
  }

  private static Checklist host(Checklist base, int n, Random random) {
    Target t = random.nextInt(10) == 0 ? null : new Target(pick(random, "EDGE" + n, "edge-" + n + ".x & y", ""),
        random.nextBoolean() ? null : pick(random, "edge" + n + ".example.mil", ""),
        random.nextBoolean() ? List.of() : List.of("10.0." + n / 256 + "." + n % 256),
        random.nextBoolean() ? List.of() : List.of(String.format("00-15-5D-01-%02X-%02X", n / 256, n % 256)), List.of());
    List<Checklist.Entry> entries = new ArrayList<>();
    for (Checklist.Entry e : base.entries()) {
      ChecklistStatus[] statuses = ChecklistStatus.values();
      Checklist.Entry x = e.withStatus(statuses[random.nextInt(statuses.length)])
          .withFindingDetails(text(random) + (random.nextBoolean() ? " host " + n : ""))
          .withComments(text(random));
      if (random.nextInt(4) == 0) x = x.withSeverityOverride(Severity.HIGH, text(random));
      entries.add(x);
    }
    return new Checklist(base.benchmark(), t, entries);
  }

  private static String text(Random r) {
    return r.nextInt(40) == 0 ? NOT_FITTING[r.nextInt(NOT_FITTING.length)] : FITTING[r.nextInt(FITTING.length)];
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
