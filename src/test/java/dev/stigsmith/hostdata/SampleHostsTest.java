package dev.stigsmith.hostdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample hosts shipped in content/samples read cleanly and say what their names promise. */
class SampleHostsTest {
  static final Path SAMPLES = Path.of("content/samples");

  static HostData sample(String name) throws HostDataException {
    return HostDataReader.read(SAMPLES.resolve(name));
  }

  static List<PsObject> send(HostData d) {
    return d.cmdlet("Get-SendConnector").orElseThrow().objects();
  }

  static boolean usesSmartHosts(PsObject connector) {
    return !connector.get("SmartHostsString").orElseThrow().ovalText().isBlank();
  }

  @Test
  void edgeCompliantHasOnlyCompliantSendConnectors() throws Exception {
    HostData d = sample("edge-compliant.json");
    assertThat(d.facts().exchangeRoles()).containsExactly("Edge");
    assertThat(d.registryKey("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole")).isPresent();
    assertThat(d.registryKey("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup").orElseThrow())
        .containsEntry("MsiProductMajor", new PsValue.Int(15))
        .containsEntry("MsiProductMinor", new PsValue.Int(1));
    assertThat(send(d)).hasSize(2).allSatisfy(c -> {
      if (usesSmartHosts(c)) {
        assertThat(c.get("RequireTLS")).contains(new PsValue.Bool(true));
        assertThat(c.get("DNSRoutingEnabled")).contains(new PsValue.Bool(false));
        assertThat(c.get("TlsAuthLevel")).contains(new PsValue.Text("DomainValidation"));
      } else {
        assertThat(c.get("DomainSecureEnabled")).contains(new PsValue.Bool(true));
      }
    });
    assertThat(d.cmdletNames()).contains("Get-ExchangeServer", "Get-ReceiveConnector", "Get-SendConnector",
        "Get-TransportConfig", "Get-TransportService", "Get-EventLogLevel", "Get-SenderFilterConfig",
        "Get-ExchangeCertificate", "Get-AcceptedDomain");
  }

  @Test
  void edgeNoncompliantHasProblemsWithDifferentCauses() throws Exception {
    HostData d = sample("edge-noncompliant.json");
    List<PsObject> connectors = send(d);
    assertThat(connectors).anySatisfy(c -> {
      assertThat(usesSmartHosts(c)).isFalse();
      assertThat(c.get("DomainSecureEnabled")).contains(new PsValue.Bool(false));
    });
    assertThat(connectors).anySatisfy(c -> {
      assertThat(usesSmartHosts(c)).isTrue();
      assertThat(c.get("RequireTLS")).contains(new PsValue.Bool(false));
    });
    assertThat(connectors).anySatisfy(c -> {
      assertThat(usesSmartHosts(c)).isTrue();
      assertThat(c.get("TlsAuthLevel")).contains(PsValue.NULL);
    });
    PsObject server = d.cmdlet("Get-ExchangeServer").orElseThrow().objects().get(0);
    assertThat(server.get("AdminDisplayVersion")).contains(new PsValue.Text("Version 15.1 (Build 2375.31)"));
    assertThat(server.get("ErrorReportingEnabled")).contains(new PsValue.Bool(true));
  }

  @Test
  void mailboxServerIsAMailboxServer() throws Exception {
    HostData d = sample("mailbox-server.json");
    assertThat(d.facts().exchangeRoles()).containsExactly("Mailbox");
    assertThat(d.registryKey("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\MailboxRole")).isPresent();
    assertThat(d.registryKey("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole")).isEmpty();
    PsObject server = d.cmdlet("Get-ExchangeServer").orElseThrow().objects().get(0);
    assertThat(server.get("ServerRole")).contains(new PsValue.Text("Mailbox"));
    assertThat(d.cmdlet("Get-ReceiveConnector").orElseThrow().objects())
        .anySatisfy(c -> assertThat(c.get("TransportRole")).contains(new PsValue.Text("FrontendTransport")));
  }
}
