package dev.stigsmith.hostdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueNormaliserTest {
  @TempDir Path dir;

  private static PsValue v(String property, com.fasterxml.jackson.databind.JsonNode raw) throws BadValue {
    return ValueNormaliser.value(property, raw, false).orElseThrow();
  }

  @Test
  void flagsDecodeInDeclarationOrderAndNamesAreCanonicalised() throws Exception {
    assertThat(v("AuthMechanism", IntNode.valueOf(31)))
        .isEqualTo(new PsValue.Text("Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer"));
    assertThat(v("AuthMechanism", TextNode.valueOf("exchangeserver,tls"))).isEqualTo(new PsValue.Text("Tls, ExchangeServer"));
    assertThat(v("PermissionGroups", IntNode.valueOf(0))).isEqualTo(new PsValue.Text("None"));
    assertThat(v("SmartHostAuthMechanism", IntNode.valueOf(16))).isEqualTo(new PsValue.Text("ExternalAuthoritative"));
    assertThat(v("TlsAuthLevel", TextNode.valueOf("3"))).isEqualTo(new PsValue.Text("DomainValidation"));
    assertThatThrownBy(() -> v("TlsAuthLevel", IntNode.valueOf(0))).isInstanceOf(BadValue.class);
  }

  @Test
  void sizesAndTimeSpans() throws Exception {
    assertThat(v("MaxMessageSize", TextNode.valueOf("35 MB (36,700,160 bytes)"))).isEqualTo(new PsValue.Int(36_700_160));
    assertThat(v("MaxMessageSize", TextNode.valueOf("35 MB (36.700.160 bytes)"))).isEqualTo(new PsValue.Int(36_700_160));
    assertThat(v("MaxMessageSize", TextNode.valueOf("unlimited"))).isEqualTo(new PsValue.Text("Unlimited"));
    assertThat(v("MaxMessageSize", TextNode.valueOf("10MB"))).isEqualTo(new PsValue.Int(10_485_760));
    assertThat(v("ConnectionInactivityTimeOut", TextNode.valueOf("0:10:00"))).isEqualTo(new PsValue.Text("00:10:00"));
    assertThat(v("ConnectionTimeout", TextNode.valueOf("PT1H30M"))).isEqualTo(new PsValue.Text("01:30:00"));
    assertThat(v("ConnectionTimeout", TextNode.valueOf("2.00:00:00.5"))).isEqualTo(new PsValue.Text("2.00:00:00.5000000"));
    assertThatThrownBy(() -> v("ConnectionTimeout", TextNode.valueOf("10 minutes"))).isInstanceOf(BadValue.class);
  }

  /**
   * Any tick count a .NET TimeSpan holds, written as .NET writes it, reads back as itself; one past either
   * end, or components no long holds, are refused rather than wrapped around into another span (they were:
   * "99999999.00:10:00" became a negative span, and a 20-digit day count an internal error).
   */
  @Test
  void timeSpansReadBackOverTheWholeRangeAndBeyondItAreRefused() throws Exception {
    java.util.Random random = new java.util.Random(11);
    java.util.List<Long> ticks = new java.util.ArrayList<>(java.util.List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE,
        Long.MIN_VALUE + 1, 863_999_999_999L, 864_000_000_000L));
    for (int i = 0; i < 3000; i++) ticks.add(random.nextLong());
    for (long t : ticks) {
      String text = ValueNormaliser.formatTicks(t);
      assertThat(ValueNormaliser.canonicalTimeSpan(text)).as(text).isEqualTo(text);
    }
    for (String beyond : java.util.List.of("10675199.02:48:05.4775808", "-10675199.02:48:05.4775809", "99999999.00:10:00",
        "99999999999999999999.00:10:00", "P99999999999999999999D", "PT99999999999999H", "PT9999999999999999999M",
        "P10675200D")) {
      assertThat(ValueNormaliser.canonicalTimeSpan(beyond)).as(beyond).isNull();
    }
    assertThat(ValueNormaliser.canonicalTimeSpan("P10675199DT2H48M5.4775807S")).isEqualTo("10675199.02:48:05.4775807");
    assertThatThrownBy(() -> v("ConnectionTimeout", TextNode.valueOf("99999999.00:10:00"))).isInstanceOf(BadValue.class)
        .hasMessageContaining("at most 10675199.02:48:05.4775807");
  }

  @Test
  void anEnumNumberNoLongHoldsIsAnUnknownValue() {
    assertThatThrownBy(() -> v("SmartHostAuthMechanism", TextNode.valueOf("99999999999999999999"))).isInstanceOf(BadValue.class)
        .hasMessageContaining("unknown SmartHostAuthMechanism flags 99999999999999999999");
    assertThatThrownBy(() -> v("TlsAuthLevel", TextNode.valueOf("-99999999999999999999"))).isInstanceOf(BadValue.class)
        .hasMessageContaining("unknown TlsAuthLevel value -99999999999999999999");
  }

  /** Ticks as .NET's constant format writes them, against a plain reference on random and edge values. */
  @Test
  void ticksFormatAsDotNetWritesThemInAnyLocale() {
    java.util.Locale was = java.util.Locale.getDefault();
    try {
      // A locale with its own digits: the format must stay ASCII.
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG-u-nu-arab"));
      java.util.Random random = new java.util.Random(5);
      java.util.List<Long> ticks = new java.util.ArrayList<>(java.util.List.of(0L, 1L, -1L, 9_999_999L, 10_000_000L,
          36_000_000_000L, 864_000_000_000L, 864_000_000_001L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
      for (int i = 0; i < 2000; i++) ticks.add(i % 2 == 0 ? random.nextLong() : (long) (random.nextDouble() * 1e13) - 5_000_000_000_000L);
      for (long t : ticks) assertThat(ValueNormaliser.formatTicks(t)).as("ticks %d", t).isEqualTo(reference(t));
      assertThat(ValueNormaliser.formatTicks(18_000_000_000L)).isEqualTo("00:30:00");
      assertThat(ValueNormaliser.formatTicks(-1_728_000_050_000L)).isEqualTo("-2.00:00:00.0050000");
    } finally {
      java.util.Locale.setDefault(was);
    }
  }

  private static String reference(long ticks) {
    java.math.BigInteger abs = java.math.BigInteger.valueOf(ticks).abs();
    long total = abs.divide(java.math.BigInteger.valueOf(10_000_000L)).longValue();
    long fraction = abs.mod(java.math.BigInteger.valueOf(10_000_000L)).longValue();
    long days = total / 86_400;
    long rest = total % 86_400;
    String s = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60);
    if (days > 0) s = days + "." + s;
    if (fraction > 0) s = s + "." + String.format(java.util.Locale.ROOT, "%07d", fraction);
    return (ticks < 0 ? "-" : "") + s;
  }

  @Test
  void csvCollectionTypeNamesAreLeftOut() throws Exception {
    assertThat(ValueNormaliser.value("Bindings", TextNode.valueOf("System.Collections.ArrayList"), true)).isEmpty();
    assertThat(ValueNormaliser.value("Bindings", TextNode.valueOf("0.0.0.0:25 [::]:25"), true))
        .contains(new PsValue.TextList(java.util.List.of("0.0.0.0:25", "[::]:25")));
    assertThat(ValueNormaliser.value("Whatever", TextNode.valueOf("True"), true)).contains(new PsValue.Bool(true));
    assertThat(ValueNormaliser.value("Name", TextNode.valueOf("123"), true)).contains(new PsValue.Text("123"));
  }

  @Test
  void utf16ConvertToJsonFromOutFileIsRead() throws Exception {
    Path f = dir.resolve("Get-SendConnector.json");
    byte[] body = "{\"Name\":\"Out\",\"TlsAuthLevel\":3}".getBytes(StandardCharsets.UTF_16LE);
    byte[] all = new byte[body.length + 2];
    all[0] = (byte) 0xFF;
    all[1] = (byte) 0xFE;
    System.arraycopy(body, 0, all, 2, body.length);
    Files.write(f, all);
    PsObject o = HostDataReader.read(f).cmdlet("Get-SendConnector").orElseThrow().objects().get(0);
    assertThat(o.get("tlsauthlevel")).contains(new PsValue.Text("DomainValidation"));
  }

  @Test
  void emptyConvertToJsonMeansNoObjects() throws Exception {
    Path host = Files.createDirectories(dir.resolve("edge09"));
    Files.writeString(host.resolve("Get-SendConnector.json"), "");
    HostData d = HostDataReader.read(host);
    assertThat(d.cmdlet("Get-SendConnector").orElseThrow().objects()).isEmpty();
    assertThat(d.facts().hostName()).isEqualTo("edge09");
  }

  @Test
  void folderCombinesCollectorFactsWithRawExports() throws Exception {
    Path host = Files.createDirectories(dir.resolve("edge01"));
    Files.writeString(host.resolve("host.json"),
        "{\"format\":\"stigsmith-hostdata\",\"version\":1,\"host\":{\"hostName\":\"EDGE01\",\"exchange\":{\"roles\":[\"Edge\"]}}}");
    Files.copy(SameHostEveryShapeTest.fixture("edge01/csv/Get-SendConnector.csv"), host.resolve("Get-SendConnector.csv"));
    Files.writeString(host.resolve("README.md"), "not read");
    HostData d = HostDataReader.read(host);
    assertThat(d.facts().exchangeRoles()).containsExactly("Edge");
    assertThat(d.cmdletNames()).containsExactly("Get-SendConnector");
    assertThat(HostDataReader.detect(host.resolve("Get-SendConnector.csv"))).isEqualTo(HostDataReader.Shape.CSV);
  }
}
