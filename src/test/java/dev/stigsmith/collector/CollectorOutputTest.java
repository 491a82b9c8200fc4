package dev.stigsmith.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stigsmith.hostdata.HostData;
import dev.stigsmith.hostdata.HostDataReader;
import dev.stigsmith.hostdata.PsValue;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the collector writes, by hand for a small fake host (EDGE07): it is valid against the
 * published JSON Schema, reads with {@link HostDataReader}, and agrees with the script's own lists
 * (one entry per cmdlet in script order, command text from the parameters, the listed registry keys).
 */
class CollectorOutputTest {
  static final Path EXPECTED = Path.of("src/test/resources/collector/expected-output-EDGE07.json");
  static final Path SCHEMA = Path.of("schemas/hostdata/stigsmith-hostdata-1.schema.json");

  @Test
  void expectedOutputIsValidAgainstTheSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    Set<ValidationMessage> problems = schema.validate(new ObjectMapper().readTree(EXPECTED.toFile()));
    assertThat(problems).isEmpty();
  }

  @Test
  void expectedOutputReadsWithNormalisedValues() throws Exception {
    HostData d = HostDataReader.read(EXPECTED);
    assertThat(d.facts().hostName()).isEqualTo("EDGE07");
    assertThat(d.facts().exchangeVersion()).isEqualTo("15.1.2507.39");
    assertThat(d.facts().exchangeRoles()).containsExactly("Edge");
    var send = d.cmdlet("Get-SendConnector").orElseThrow().objects().get(0);
    assertThat(send.get("TlsAuthLevel")).contains(new PsValue.Text("DomainValidation"));
    assertThat(send.get("RequireTLS")).contains(new PsValue.Bool(true));
    assertThat(send.get("MaxMessageSize")).contains(new PsValue.Int(36700160));
    assertThat(send.get("TlsCertificateName")).contains(PsValue.NULL);
    var receive = d.cmdlet("Get-ReceiveConnector").orElseThrow().objects().get(0);
    assertThat(receive.get("AuthMechanism")).contains(new PsValue.Text("Tls, ExchangeServer"));
    assertThat(receive.get("MessageRateLimit")).contains(new PsValue.Text("Unlimited"));
    assertThat(d.registryKey("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup").orElseThrow())
        .containsEntry("MsiProductMinor", new PsValue.Int(1));
  }

  @Test
  void expectedOutputFollowsTheScriptsLists() throws Exception {
    CollectorScript script = CollectorScript.load();
    JsonNode root = new ObjectMapper().readTree(EXPECTED.toFile());
    String host = root.path("host").path("hostName").asText();

    List<String> names = new ArrayList<>();
    root.path("cmdlets").fieldNames().forEachRemaining(names::add);
    assertThat(names).as("one entry per cmdlet, in the script's order").containsExactlyElementsOf(script.cmdlets().keySet());
    for (Map.Entry<String, String> c : script.cmdlets().entrySet()) {
      assertThat(root.path("cmdlets").path(c.getKey()).path("command").asText())
          .isEqualTo(commandText(c.getKey(), c.getValue(), host));
    }
    List<String> keys = new ArrayList<>();
    root.path("registry").fieldNames().forEachRemaining(keys::add);
    assertThat(script.registryKeys()).containsAll(keys);

    Matcher version = Pattern.compile("\\$CollectorVersion = '([^']+)'").matcher(script.text());
    assertThat(version.find()).isTrue();
    assertThat(root.path("collector").path("version").asText()).isEqualTo(version.group(1));
    assertThat(root.path("collector").path("name").asText()).isEqualTo(script.path().getFileName().toString());
  }

  @Test
  void registryValuesAreSortedByNameAsTheScriptWritesThem() throws Exception {
    JsonNode registry = new ObjectMapper().readTree(EXPECTED.toFile()).path("registry");
    for (Iterator<JsonNode> keys = registry.elements(); keys.hasNext(); ) {
      List<String> names = new ArrayList<>();
      keys.next().fieldNames().forEachRemaining(names::add);
      assertThat(names).isSorted();
    }
  }

  /** The script's command text: the name, then "-Key value" per parameter in key order. */
  private static String commandText(String cmdlet, String parameters, String host) {
    StringBuilder sb = new StringBuilder(cmdlet);
    Matcher p = Pattern.compile("(\\w+) = ([^;]+)").matcher(parameters);
    List<String> parts = new ArrayList<>();
    while (p.find()) {
      String raw = p.group(2).strip();
      // PowerShell interpolates $true (a switch such as -Status) as "True".
      String value = raw.equals("$env:COMPUTERNAME") ? host : raw.equals("$true") ? "True" : raw.replaceAll("^'|'$", "");
      parts.add(" -" + p.group(1) + " " + value);
    }
    parts.stream().sorted().forEach(sb::append);
    return sb.toString();
  }
}
