package dev.stigsmith.oval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stigsmith.hostdata.CmdletOutput;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostFacts;
import dev.stigsmith.hostdata.PsObject;
import dev.stigsmith.hostdata.PsValue;
import dev.stigsmith.oval.engine.Evidence;
import dev.stigsmith.oval.engine.OvalEngine;
import dev.stigsmith.oval.engine.OvalResult;
import dev.stigsmith.oval.engine.OvalResults;
import dev.stigsmith.oval.engine.OvalResultsWriter;
import dev.stigsmith.oval.model.OvalDefinitions;
import dev.stigsmith.oval.model.OvalDefinitionsReader;
import dev.stigsmith.oval.model.SystemCharacteristics;
import dev.stigsmith.oval.model.SystemCharacteristicsReader;
import dev.stigsmith.oval.model.SystemCharacteristicsWriter;
import dev.stigsmith.oval.probe.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** EX16-ED-000170 ("for each connector: smart host ? TLS rules : domain security") end to end. */
class Ex16Ed000170Test {
  static final String DEF = "oval:dev.stigsmith.ex16:def:170";
  static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path tmp;

  static Path definitionsFile() throws Exception {
    return Path.of(Ex16Ed000170Test.class.getResource("EX16-ED-000170-oval.xml").toURI());
  }

  static PsObject connector(String name, boolean domainSecure, boolean dnsRouting, boolean requireTls,
      PsValue tlsAuthLevel, String smartHosts) {
    Map<String, PsValue> p = new LinkedHashMap<>();
    p.put("Name", new PsValue.Text(name));
    p.put("Identity", new PsValue.Text(name));
    p.put("DomainSecureEnabled", new PsValue.Bool(domainSecure));
    p.put("DNSRoutingEnabled", new PsValue.Bool(dnsRouting));
    p.put("RequireTLS", new PsValue.Bool(requireTls));
    p.put("TlsAuthLevel", tlsAuthLevel);
    p.put("SmartHostsString", new PsValue.Text(smartHosts));
    p.put("MaxMessageSize", new PsValue.Int(36700160));
    return new PsObject(p);
  }

  static PsObject direct(String name, boolean domainSecure) {
    return connector(name, domainSecure, true, false, PsValue.NULL, "");
  }

  static PsObject smart(String name, boolean dnsRouting, boolean requireTls, PsValue level) {
    return connector(name, false, dnsRouting, requireTls, level, "relay.example.mil");
  }

  static final PsValue DOMAIN_VALIDATION = new PsValue.Text("DomainValidation");

  static HostData host(CmdletOutput out) {
    HostFacts facts = new HostFacts("edge01", "edge01.example.mil", List.of("10.0.0.5"), List.of(),
        List.of("00-11-22-33-44-55"), "Microsoft Windows Server 2016 Standard", "10.0.14393", "x64",
        "15.1.2507.6", List.of("Edge"));
    return new HostData("test", facts, out == null ? Map.of() : Map.of("Get-SendConnector", out), Map.of());
  }

  static HostData connectors(PsObject... objects) {
    return host(new CmdletOutput("Get-SendConnector", List.of(objects), null));
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of("all connectors domain-secure", connectors(direct("Internet", true), direct("Partner", true)),
            OvalResult.TRUE),
        Arguments.of("one direct connector not domain-secure",
            connectors(direct("Internet", true), direct("Partner", false)), OvalResult.FALSE),
        Arguments.of("smart host routes by DNS",
            connectors(smart("Relay", true, true, DOMAIN_VALIDATION)), OvalResult.FALSE),
        Arguments.of("smart host without RequireTLS",
            connectors(smart("Relay", false, false, DOMAIN_VALIDATION)), OvalResult.FALSE),
        Arguments.of("smart host with weaker TlsAuthLevel",
            connectors(smart("Relay", false, true, new PsValue.Text("CertificateValidation"))), OvalResult.FALSE),
        Arguments.of("compliant smart host and direct connector",
            connectors(smart("Relay", false, true, DOMAIN_VALIDATION), direct("Internet", true)), OvalResult.TRUE),
        Arguments.of("no connectors", connectors(), OvalResult.TRUE),
        Arguments.of("smart host with null TlsAuthLevel",
            connectors(smart("Relay", false, true, PsValue.NULL)), OvalResult.FALSE),
        Arguments.of("Get-SendConnector failed",
            host(new CmdletOutput("Get-SendConnector", List.of(), "The term 'Get-SendConnector' is not recognized")),
            OvalResult.ERROR),
        Arguments.of("Get-SendConnector not collected", host(null), OvalResult.UNKNOWN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void probeAndEngine(String name, HostData host, OvalResult expected) throws Exception {
    OvalDefinitions defs = OvalDefinitionsReader.read(definitionsFile());
    SystemCharacteristics sc = Probe.collect(defs, host, Map.of(), T);
    OvalResults results = OvalEngine.evaluate(defs, sc, Map.of());
    assertThat(results.result(DEF)).isEqualTo(expected);

    Path scFile = tmp.resolve("sc.xml");
    SystemCharacteristicsWriter.write(sc, scFile);
    OvalSchemas.validate(scFile);
    Path resFile = tmp.resolve("results.xml");
    OvalResultsWriter.write(results, resFile);
    OvalSchemas.validate(resFile);

    // What we wrote, read back, must give the same answer.
    SystemCharacteristics reread = SystemCharacteristicsReader.read(scFile);
    assertThat(OvalEngine.evaluate(defs, reread, Map.of()).result(DEF)).isEqualTo(expected);

    if (Oscap.available()) {
      String theirs = Oscap.analyse(definitionsFile(), scFile, tmp.resolve("oscap-results.xml"), DEF);
      assertThat(theirs).as("oscap oval analyse").isEqualTo(expected.xml());
    }
  }

  @Test
  void evidenceNamesTheConnectorAndTheWrongSetting() throws Exception {
    OvalDefinitions defs = OvalDefinitionsReader.read(definitionsFile());
    HostData host = connectors(direct("Internet", true), smart("Relay", false, false, DOMAIN_VALIDATION));
    OvalResults results = OvalEngine.evaluate(defs, Probe.collect(defs, host, Map.of(), T), Map.of());

    List<Evidence> evidence = results.evidence(DEF);
    assertThat(evidence).hasSize(1);
    Evidence.FailingItem item = evidence.get(0).items().get(0);
    assertThat(item.identity()).containsEntry("name", "Relay").containsEntry("identity", "Relay");
    assertThat(item.comparisons()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("value.requiretls");
      assertThat(c.actual()).containsExactly("false");
      assertThat(c.expected()).containsExactly("true");
      assertThat(c.describe()).isEqualTo("value.requiretls=false (expected true)");
    });
  }

  @Test
  void outputIsDeterministic() throws Exception {
    OvalDefinitions defs = OvalDefinitionsReader.read(definitionsFile());
    HostData host = connectors(direct("Internet", false), smart("Relay", false, true, PsValue.NULL));
    Path a = tmp.resolve("a.xml");
    Path b = tmp.resolve("b.xml");
    for (Path p : List.of(a, b)) {
      SystemCharacteristics sc = Probe.collect(defs, host, Map.of(), T);
      OvalResultsWriter.write(OvalEngine.evaluate(defs, sc, Map.of()), p);
    }
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readString(a)).startsWith("<?xml").doesNotContain("<!--").contains("2026-01-02T03:04:05Z");
  }
}
