package dev.stigsmith.hostdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * One Edge server (three Send connectors, two Receive connectors) written in every shape we read
 * must come out the same for the properties the STIG checks look at.
 */
class SameHostEveryShapeTest {
  static final List<String> SEND_PROPERTIES = List.of(
      "Name", "Identity", "Enabled", "DomainSecureEnabled", "DNSRoutingEnabled", "RequireTLS", "TlsAuthLevel",
      "TlsDomain", "SmartHosts", "SmartHostsString", "SmartHostAuthMechanism", "MaxMessageSize",
      "ConnectionInactivityTimeOut", "Port", "IgnoreSTARTTLS");
  static final List<String> RECEIVE_PROPERTIES = List.of(
      "Name", "Identity", "Enabled", "DomainSecureEnabled", "RequireTLS", "AuthMechanism", "PermissionGroups",
      "Bindings", "RemoteIPRanges", "MaxMessageSize", "ConnectionInactivityTimeout", "ConnectionTimeout",
      "TransportRole", "Fqdn", "MaxInboundConnection", "MessageRateLimit");

  static Path fixture(String relative) {
    try {
      return Path.of(SameHostEveryShapeTest.class.getResource("/hostdata/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Connector name → the properties that matter, as normalised values. */
  static Map<String, Map<String, PsValue>> view(HostData data, String cmdlet, List<String> properties) {
    Map<String, Map<String, PsValue>> out = new TreeMap<>();
    for (PsObject o : data.cmdlet(cmdlet).orElseThrow().objects()) {
      Map<String, PsValue> v = new LinkedHashMap<>();
      for (String p : properties) v.put(p, o.get(p).orElse(null));
      out.put(o.get("Name").orElseThrow().ovalText(), v);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"convertto-json-numbers", "convertto-json-names", "clixml", "csv"})
  void everyShapeMatchesTheCollectorJson(String shape) throws Exception {
    HostData expected = HostDataReader.read(fixture("edge01/collector/edge01.json"));
    HostData actual = HostDataReader.read(fixture("edge01/" + shape));

    assertThat(actual.cmdletNames()).containsExactly("Get-ReceiveConnector", "Get-SendConnector");
    assertThat(view(actual, "Get-SendConnector", SEND_PROPERTIES))
        .isEqualTo(view(expected, "Get-SendConnector", SEND_PROPERTIES));
    assertThat(view(actual, "Get-ReceiveConnector", RECEIVE_PROPERTIES))
        .isEqualTo(view(expected, "Get-ReceiveConnector", RECEIVE_PROPERTIES));
    assertThat(actual.facts().hostName()).isEqualToIgnoringCase("EDGE01");
    assertThat(actual.registry()).isEmpty();
  }

  @Test
  void normalisedValuesAreTheDocumentedOnes() throws Exception {
    HostData data = HostDataReader.read(fixture("edge01/clixml"));
    Map<String, Map<String, PsValue>> send = view(data, "Get-SendConnector", SEND_PROPERTIES);

    Map<String, PsValue> internet = send.get("EdgeSync - Default-First-Site-Name to Internet");
    assertThat(internet.get("DomainSecureEnabled")).isEqualTo(new PsValue.Bool(true));
    assertThat(internet.get("TlsAuthLevel")).isEqualTo(PsValue.NULL);
    assertThat(internet.get("SmartHosts")).isEqualTo(new PsValue.TextList(List.of()));
    assertThat(internet.get("MaxMessageSize")).isEqualTo(new PsValue.Int(36_700_160));
    assertThat(internet.get("ConnectionInactivityTimeOut")).isEqualTo(new PsValue.Text("00:10:00"));
    assertThat(internet.get("SmartHostAuthMechanism")).isEqualTo(new PsValue.Text("None"));

    Map<String, PsValue> partner = send.get("Outbound to Partner via Relay");
    assertThat(partner.get("TlsAuthLevel")).isEqualTo(new PsValue.Text("DomainValidation"));
    assertThat(partner.get("SmartHosts")).isEqualTo(new PsValue.TextList(List.of("relay.contoso.com", "[10.10.1.25]")));
    assertThat(partner.get("MaxMessageSize")).isEqualTo(new PsValue.Text("Unlimited"));
    assertThat(partner.get("SmartHostAuthMechanism")).isEqualTo(new PsValue.Text("ExternalAuthoritative"));

    assertThat(send.get("Outbound to Legacy Relay").get("ConnectionInactivityTimeOut"))
        .isEqualTo(new PsValue.Text("1.00:00:00"));

    Map<String, Map<String, PsValue>> receive = view(data, "Get-ReceiveConnector", RECEIVE_PROPERTIES);
    Map<String, PsValue> relay = receive.get("Internal Relay EDGE01");
    assertThat(relay.get("Identity")).isEqualTo(new PsValue.Text("EDGE01\\Internal Relay EDGE01"));
    assertThat(relay.get("AuthMechanism"))
        .isEqualTo(new PsValue.Text("Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer"));
    assertThat(relay.get("PermissionGroups")).isEqualTo(new PsValue.Text("ExchangeUsers, ExchangeServers"));
    assertThat(relay.get("RemoteIPRanges")).isEqualTo(new PsValue.TextList(List.of("10.10.1.20", "10.10.2.1-10.10.2.50")));
    assertThat(relay.get("MessageRateLimit")).isEqualTo(new PsValue.Text("Unlimited"));
    assertThat(receive.get("Default internal receive connector EDGE01").get("Bindings"))
        .isEqualTo(new PsValue.TextList(List.of("0.0.0.0:25", "[::]:25")));
  }

  @Test
  void clixmlReferencesAndStringListsResolve() throws Exception {
    PsObject first = HostDataReader.read(fixture("edge01/clixml/Get-SendConnector.xml"))
        .cmdlet("Get-SendConnector").orElseThrow().objects().get(0);
    assertThat(first.get("Id")).contains(first.get("Identity").orElseThrow());
    assertThat(first.get("ObjectClass")).contains(new PsValue.TextList(List.of("top", "msExchRoutingSMTPConnector")));
    assertThat(first.get("AddressSpaces")).contains(new PsValue.TextList(List.of("SMTP:*;100")));
  }

  @Test
  void convertToJsonObjectsCutByDepthBecomeTheirText() throws Exception {
    PsObject first = HostDataReader.read(fixture("edge01/convertto-json-numbers/Get-SendConnector.json"))
        .cmdlet("Get-SendConnector").orElseThrow().objects().get(0);
    assertThat(first.get("AddressSpaces")).contains(new PsValue.TextList(List.of("SMTP:*;100")));
    assertThat(first.get("SourceTransportServers")).contains(new PsValue.TextList(List.of("EDGE01")));
    assertThat(first.get("ErrorPolicies")).contains(new PsValue.Text("Default"));
  }

  @Test
  void exportCsvLosesCollectionsButKeepsSmartHostsFromTheirString() throws Exception {
    PsObject partner = HostDataReader.read(fixture("edge01/csv/Get-SendConnector.csv"))
        .cmdlet("Get-SendConnector").orElseThrow().objects().get(1);
    assertThat(partner.get("AddressSpaces")).isEmpty();
    assertThat(partner.get("SourceTransportServers")).isEmpty();
    assertThat(partner.get("SmartHosts")).contains(new PsValue.TextList(List.of("relay.contoso.com", "[10.10.1.25]")));
    assertThat(partner.get("Port")).contains(new PsValue.Int(25));
  }

  @Test
  void remoteSessionNamesTheComputer() throws Exception {
    HostData data = HostDataReader.read(fixture("edge01/convertto-json-names"));
    assertThat(data.facts().hostName()).isEqualTo("edge01");
    assertThat(data.facts().fqdn()).isEqualTo("edge01.contoso.com");
  }

  @Test
  void collectorJsonCarriesFactsAndRegistry() throws Exception {
    HostData data = HostDataReader.read(fixture("edge01/collector/edge01.json"));
    assertThat(data.facts().hostName()).isEqualTo("EDGE01");
    assertThat(data.facts().exchangeRoles()).containsExactly("Edge");
    assertThat(data.facts().exchangeVersion()).isEqualTo("15.1.2507.6");
    assertThat(data.registryKey("hklm\\software\\microsoft\\exchangeserver\\v15\\setup").orElseThrow())
        .containsEntry("MsiProductMinor", new PsValue.Int(1));
    assertThat(data.cmdlet("get-sendconnector").orElseThrow().failed()).isFalse();
  }
}
