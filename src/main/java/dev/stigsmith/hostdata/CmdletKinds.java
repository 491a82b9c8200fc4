package dev.stigsmith.hostdata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which cmdlet wrote a raw export: from .NET type names (Export-Clixml, "#TYPE" of Export-Csv), from
 * the file name ("Get-SendConnector*.json"), or from the properties an object has.
 */
final class CmdletKinds {
  private CmdletKinds() {}

  static final String SEND_CONNECTOR = "Get-SendConnector";
  static final String RECEIVE_CONNECTOR = "Get-ReceiveConnector";
  static final String TRANSPORT_SERVICE = "Get-TransportService";
  static final String TRANSPORT_CONFIG = "Get-TransportConfig";
  static final String EXCHANGE_SERVER = "Get-ExchangeServer";

  /** Edge 2016 STIG: cmdlets whose .NET type's simple name is their noun. */
  private static final List<String> NAMED_AFTER_TYPE = List.of(
      "Get-OrganizationConfig", "Get-SenderFilterConfig", "Get-ContentFilterConfig", "Get-SenderIdConfig",
      "Get-SenderReputationConfig", "Get-RecipientFilterConfig", "Get-IPAllowListConfig", "Get-IPAllowListEntry",
      "Get-IPBlockListProvider", "Get-TransportAgent", "Get-ExchangeCertificate", "Get-AcceptedDomain");

  private static final List<String> KNOWN = Stream.concat(
      Stream.of(SEND_CONNECTOR, RECEIVE_CONNECTOR, TRANSPORT_SERVICE, TRANSPORT_CONFIG, EXCHANGE_SERVER),
      Stream.concat(NAMED_AFTER_TYPE.stream(), Stream.of("Get-EventLogLevel"))).toList();

  private static final Pattern IN_FILE_NAME = Pattern.compile("(?i)(?:^|[^A-Za-z])(Get-[A-Za-z]+)");

  /** "edge01_get-sendconnector.json" → "Get-SendConnector" (known cmdlets get their usual spelling). */
  static Optional<String> fromFileName(String fileName) {
    Matcher m = IN_FILE_NAME.matcher(fileName);
    if (!m.find()) return Optional.empty();
    String found = m.group(1);
    return Optional.of(KNOWN.stream().filter(found::equalsIgnoreCase).findFirst().orElse(found));
  }

  /** The file name without extension and without the cmdlet name, e.g. "edge01"; may be empty. */
  static String hostPartOfFileName(String fileName) {
    String stem = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
    return stem.replaceAll("(?i)Get-[A-Za-z]+", "").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
  }

  /** From the most derived .NET type name PowerShell recorded for the object. */
  static Optional<String> fromTypeName(String typeName) {
    String t = typeName.replaceFirst("^(Deserialized\\.|Selected\\.)+", "");
    String simple = t.substring(t.lastIndexOf('.') + 1);
    return Optional.ofNullable(switch (simple) {
      case "SmtpSendConnectorConfig" -> SEND_CONNECTOR;
      case "ReceiveConnector" -> RECEIVE_CONNECTOR;
      case "TransportConfigContainer" -> TRANSPORT_CONFIG;
      case "ExchangeServer" -> EXCHANGE_SERVER;
      case "TransportServer", "TransportService" -> TRANSPORT_SERVICE;
      case "EventCategoryObject" -> "Get-EventLogLevel";
      default -> NAMED_AFTER_TYPE.stream().filter(c -> c.substring(4).equals(simple)).findFirst().orElse(null);
    });
  }

  /** Telling property combinations, for exports that carry neither a type nor a helpful name. */
  static Optional<String> fromProperties(Collection<String> names) {
    Set<String> p = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    p.addAll(names);
    if (p.contains("SmartHostsString") || p.contains("DNSRoutingEnabled") && p.contains("AddressSpaces")) {
      return Optional.of(SEND_CONNECTOR);
    }
    if (p.contains("Bindings") && p.contains("RemoteIPRanges")
        || p.contains("PermissionGroups") && p.contains("AuthMechanism")) {
      return Optional.of(RECEIVE_CONNECTOR);
    }
    if (p.contains("TLSReceiveDomainSecureList") || p.contains("TLSSendDomainSecureList")) {
      return Optional.of(TRANSPORT_CONFIG);
    }
    if (p.contains("AdminDisplayVersion") && p.contains("ServerRole")) return Optional.of(EXCHANGE_SERVER);
    if (p.contains("ReceiveProtocolLogPath") && p.contains("MessageTrackingLogPath")) {
      return Optional.of(TRANSPORT_SERVICE);
    }
    // Edge 2016 STIG: a property only that cmdlet's objects have.
    if (p.contains("EventLevel")) return Optional.of("Get-EventLogLevel");
    if (p.contains("Thumbprint") && p.contains("Issuer")) return Optional.of("Get-ExchangeCertificate");
    if (p.contains("CustomerFeedbackEnabled")) return Optional.of("Get-OrganizationConfig");
    if (p.contains("BlankSenderBlockingEnabled")) return Optional.of("Get-SenderFilterConfig");
    if (p.contains("QuarantineMailbox") || p.contains("SCLRejectThreshold")) return Optional.of("Get-ContentFilterConfig");
    if (p.contains("SpoofedDomainAction")) return Optional.of("Get-SenderIdConfig");
    if (p.contains("SrlBlockThreshold")) return Optional.of("Get-SenderReputationConfig");
    if (p.contains("RecipientValidationEnabled")) return Optional.of("Get-RecipientFilterConfig");
    if (p.contains("LookupDomain")) return Optional.of("Get-IPBlockListProvider");
    if (p.contains("DomainName") && p.contains("DomainType")) return Optional.of("Get-AcceptedDomain");
    return Optional.empty();
  }

  static String notIdentified(String shape) {
    return "cannot tell which cmdlet wrote this " + shape
        + "; name the file after it, e.g. Get-SendConnector.json";
  }
}
