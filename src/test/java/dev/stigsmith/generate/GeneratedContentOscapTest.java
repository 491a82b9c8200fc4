package dev.stigsmith.generate;

import static dev.stigsmith.testing.HandSc.connector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.testing.Content;
import dev.stigsmith.testing.HandSc;
import dev.stigsmith.testing.Oscap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenSCAP's opinion of what we generate: schema + Schematron validity, and the verdicts of our OVAL. */
class GeneratedContentOscapTest {
  static final String ID = "MS_Exchange_2016_Edge_Transport_Server_STIG";
  static final String BASE = "oval:dev.stigsmith.stig:obj:22121801";
  static final String SMART = "oval:dev.stigsmith.stig:obj:22121810";
  static final String DNS = "oval:dev.stigsmith.stig:obj:22121811";
  static final String DEF = "oval:dev.stigsmith.stig:def:221218";

  @TempDir static Path out;
  static Path dir;

  @BeforeAll
  static void generate() throws Exception {
    Oscap.assumeAvailable();
    Generator.write(Generator.render(Content.root(), "0.1.0", null), out);
    dir = out.resolve(ID);
  }

  @Test
  void dataStreamIsValidScap13() {
    Oscap.Run r = Oscap.run(dir, "ds", "sds-validate", ID + "-ds.xml");
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  @Test
  void partsAreValid() {
    assertThat(Oscap.run(dir, "xccdf", "validate", ID + "-xccdf.xml").exitCode()).isZero();
    assertThat(Oscap.run(dir, "oval", "validate", ID + "-oval.xml").exitCode()).isZero();
    assertThat(Oscap.run(dir, "oval", "validate", ID + "-cpe-oval.xml").exitCode()).isZero();
    assertThat(Oscap.run(dir, "cpe", "validate", ID + "-cpe-dictionary.xml").exitCode()).isZero();
  }

  @Test
  void infoListsBenchmarkProfilesAndRule() {
    Oscap.Run info = Oscap.run(dir, "info", "--profiles", ID + "-ds.xml");
    assertThat(info.exitCode()).as(info.output()).isZero();
    assertThat(info.output()).contains("xccdf_dev.stigsmith_profile_MAC-1_Classified")
        .contains("xccdf_dev.stigsmith_profile_MAC-3_Sensitive");
    Oscap.Run full = Oscap.run(dir, "info", ID + "-ds.xml");
    assertThat(full.output()).contains("Ref-Id: scap_dev.stigsmith_cref_" + ID + "-xccdf.xml")
        .contains("Ref-Id: scap_dev.stigsmith_cref_" + ID + "-oval.xml");
    Oscap.Run guide = Oscap.run(dir, "xccdf", "generate", "guide", "--profile",
        "xccdf_dev.stigsmith_profile_MAC-1_Classified", ID + "-ds.xml");
    assertThat(guide.exitCode()).as(guide.output()).isZero();
    assertThat(guide.output()).contains("EX16-ED-000170").contains("Microsoft Exchange 2016 Edge Transport Server");
  }

  static Stream<Arguments> scenarios() {
    Map<String, String> dnsSecure = connector("Name", "Internet", "Identity", "Internet", "SmartHostsString", "",
        "DomainSecureEnabled", "true", "DNSRoutingEnabled", "true", "RequireTLS", "false", "TlsAuthLevel", null);
    Map<String, String> dnsInsecure = connector("Name", "Partner", "Identity", "Partner", "SmartHostsString", "",
        "DomainSecureEnabled", "false", "DNSRoutingEnabled", "true", "RequireTLS", "false", "TlsAuthLevel", null);
    Map<String, String> smartOk = connector("Name", "Relay", "Identity", "Relay", "SmartHostsString", "relay.contoso.mil",
        "DomainSecureEnabled", "false", "DNSRoutingEnabled", "false", "RequireTLS", "true", "TlsAuthLevel", "DomainValidation");
    return Stream.of(
        Arguments.of("all connectors domain-secure", List.of(dnsSecure), "true"),
        Arguments.of("no smart host and not domain-secure", List.of(dnsSecure, dnsInsecure), "false"),
        Arguments.of("smart host with DNS routing", List.of(with(smartOk, "DNSRoutingEnabled", "true")), "false"),
        Arguments.of("smart host without RequireTLS", List.of(with(smartOk, "RequireTLS", "false")), "false"),
        Arguments.of("smart host with certificate validation only",
            List.of(with(smartOk, "TlsAuthLevel", "CertificateValidation")), "false"),
        Arguments.of("smart host with TlsAuthLevel null", List.of(with(smartOk, "TlsAuthLevel", null)), "false"),
        Arguments.of("fully compliant smart host", List.of(smartOk), "true"),
        Arguments.of("mixed compliant", List.of(dnsSecure, smartOk), "true"),
        Arguments.of("no connectors", List.of(), "true"));
  }

  static Map<String, String> with(Map<String, String> c, String key, String value) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(c);
    copy.put(key, value);
    return copy;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void ovalGivesTheExpectedVerdict(String name, List<Map<String, String>> connectors, String expected) throws Exception {
    Path work = Files.createTempDirectory(out, "sc");
    Path sc = work.resolve("sc.xml");
    Files.writeString(sc, HandSc.sendConnectors(BASE, SMART, DNS, connectors));
    Oscap.Run r = Oscap.run(work, "oval", "analyse", "--results", "results.xml",
        dir.resolve(ID + "-oval.xml").toString(), "sc.xml");
    assertThat(r.exitCode()).as(r.output()).isZero();
    String results = Files.readString(work.resolve("results.xml"));
    Matcher m = Pattern.compile("<definition[^>]*definition_id=\"" + Pattern.quote(DEF) + "\"[^>]*result=\"([a-z ]+)\"")
        .matcher(results);
    assertThat(m.find()).as("definition result in " + results.substring(0, Math.min(2000, results.length()))).isTrue();
    assertThat(m.group(1)).as(name).isEqualTo(expected);
  }
}
