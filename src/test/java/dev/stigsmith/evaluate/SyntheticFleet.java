package dev.stigsmith.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic Exchange Edge estate: N collector-JSON host files, each with 5–40 Send and Receive
 * connectors whose settings are drawn at random from values real servers have, and a share of
 * truncated (corrupt) files. {@code truth.csv} says which files are corrupt and, computed here
 * independently of the OVAL, whether each host passes EX16-ED-000170 (Send connector domain
 * security), so a fleet run's summary can be checked against it.
 *
 * <p>Used by the fleet test and by {@code src/bench/fleet-bench.sh}:
 * {@code java -cp target/stigsmith-0.1.0-cli.jar:target/test-classes dev.stigsmith.evaluate.SyntheticFleet N CORRUPT DIR [SEED]}
 */
public final class SyntheticFleet {
  public static final String TRUTH = "truth.csv";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One generated host: its file, host name (null if corrupt) and whether EX16-ED-000170 passes. */
  public record Host(Path file, String name, boolean corrupt, boolean passes170) {}

  private SyntheticFleet() {}

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    int corrupt = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    List<Host> hosts = generate(Path.of("content/samples/edge-compliant.json"), dir, n, corrupt, seed);
    System.out.println("wrote " + hosts.size() + " host files (" + corrupt + " truncated) and " + TRUTH + " to " + dir + " (hosts in " + dir.resolve("hosts") + ")");
  }

  /** Writes the host files to {@code dir/hosts/} and the truth to {@code dir/truth.csv}. */
  public static List<Host> generate(Path template, Path dir, int n, int corrupt, long seed) throws IOException {
    Path hostsDir = dir.resolve("hosts");
    Files.createDirectories(hostsDir);
    JsonNode base = JSON.readTree(template.toFile());
    Random rnd = new Random(seed);
    Set<Integer> broken = new HashSet<>();
    while (broken.size() < Math.min(corrupt, n)) broken.add(rnd.nextInt(n));
    List<Host> hosts = new ArrayList<>();
    StringBuilder truth = new StringBuilder("file,host,corrupt,EX16-ED-000170\n");
    for (int i = 0; i < n; i++) {
      String name = String.format("EDGE%05d", i);
      ObjectNode host = base.deepCopy();
      ((ObjectNode) host.get("host")).put("hostName", name).put("fqdn", name.toLowerCase() + ".example.mil");
      ObjectNode cmdlets = (ObjectNode) host.get("cmdlets");
      int connectors = 5 + rnd.nextInt(36);
      int send = 1 + rnd.nextInt(connectors - 1);
      boolean passes = true;
      ArrayNode sendObjs = JSON.createArrayNode();
      JsonNode sendTemplate = cmdlets.get("Get-SendConnector").get("objects").get(0);
      for (int c = 0; c < send; c++) {
        ObjectNode o = sendTemplate.deepCopy();
        String cn = c == 0 && rnd.nextBoolean() ? "EdgeSync - Default-First-Site-Name to Internet" : "Send connector " + c;
        o.put("Name", cn).put("Identity", cn);
        boolean smart = rnd.nextInt(3) > 0;
        if (smart) {
          o.put("SmartHostsString", "relay" + c + ".example.mil");
          o.set("SmartHosts", JSON.createArrayNode().add("relay" + c + ".example.mil"));
        } else {
          o.put("SmartHostsString", "");
          o.set("SmartHosts", JSON.createArrayNode());
        }
        // Mostly compliant values, sometimes not, as estates are.
        boolean dns = rnd.nextInt(10) == 0 ? !smart : smart ? false : true;
        boolean tls = rnd.nextInt(8) != 0;
        String auth = rnd.nextInt(8) == 0 ? "EncryptionOnly" : "DomainValidation";
        boolean domainSecure = rnd.nextInt(6) != 0;
        o.put("DNSRoutingEnabled", dns).put("RequireTLS", tls).put("TlsAuthLevel", auth).put("DomainSecureEnabled", domainSecure);
        o.put("ConnectionInactivityTimeOut", rnd.nextInt(6) == 0 ? "00:15:00" : "00:10:00");
        o.put("MaxMessageSize", rnd.nextInt(6) == 0 ? 104857600L : 36700160L);
        o.put("ProtocolLoggingLevel", rnd.nextInt(7) == 0 ? "None" : "Verbose");
        o.put("Enabled", rnd.nextInt(12) != 0);
        o.put("TlsDomain", rnd.nextInt(9) == 0 ? "" : "mail.example.mil");
        o.put("SmtpMaxMessagesPerConnection", rnd.nextInt(5) == 0 ? 40 : 20);
        boolean ok = smart ? !dns && tls && auth.equals("DomainValidation") : domainSecure;
        passes &= ok;
        sendObjs.add(o);
      }
      ((ObjectNode) cmdlets.get("Get-SendConnector")).set("objects", sendObjs);
      ArrayNode recvObjs = JSON.createArrayNode();
      JsonNode recvTemplate = cmdlets.get("Get-ReceiveConnector").get("objects").get(0);
      for (int c = 0; c < connectors - send; c++) {
        ObjectNode o = recvTemplate.deepCopy();
        String cn = c == 0 ? "Default internal receive connector " + name : (rnd.nextBoolean() ? "Internet Inbound " : "Internal ") + c;
        o.put("Name", cn).put("Identity", name + "\\" + cn).put("Server", name);
        o.put("ConnectionTimeout", rnd.nextInt(6) == 0 ? "00:10:00" : "00:05:00");
        o.put("ConnectionInactivityTimeout", rnd.nextInt(6) == 0 ? "00:10:00" : "00:05:00");
        o.put("MaxInboundConnectionPerSource", rnd.nextInt(6) == 0 ? 100 : 20);
        o.put("MessageRateLimit", rnd.nextInt(6) == 0 ? 1200 : 600);
        o.put("MaxRecipientsPerMessage", rnd.nextInt(6) == 0 ? 10000 : 5000);
        o.put("ProtocolLoggingLevel", rnd.nextInt(7) == 0 ? "None" : "Verbose");
        o.put("DomainSecureEnabled", rnd.nextInt(6) != 0);
        o.put("MaxHopCount", rnd.nextInt(8) == 0 ? 100 : 60);
        o.put("TarpitInterval", rnd.nextInt(8) == 0 ? "00:00:00" : "00:00:05");
        o.put("PermissionGroups", rnd.nextInt(5) == 0 ? "AnonymousUsers, ExchangeServers, Partners, ExchangeUsers" : "AnonymousUsers, ExchangeServers, Partners");
        recvObjs.add(o);
      }
      ((ObjectNode) cmdlets.get("Get-ReceiveConnector")).set("objects", recvObjs);
      ((ObjectNode) cmdlets.get("Get-ExchangeServer").get("objects").get(0)).put("Name", name).put("Identity", name);
      ((ObjectNode) cmdlets.get("Get-TransportService").get("objects").get(0)).put("Name", name).put("Identity", name);
      byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(host);
      boolean isBroken = broken.contains(i);
      if (isBroken) bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2 + rnd.nextInt(bytes.length / 4));
      Path file = hostsDir.resolve(name + ".json");
      Files.write(file, bytes);
      hosts.add(new Host(file, isBroken ? null : name, isBroken, passes));
      truth.append(file.getFileName()).append(',').append(name).append(',').append(isBroken).append(',')
          .append(isBroken ? "" : passes ? "pass" : "fail").append('\n');
    }
    Files.writeString(dir.resolve(TRUTH), truth.toString(), StandardCharsets.UTF_8);
    return hosts;
  }
}
