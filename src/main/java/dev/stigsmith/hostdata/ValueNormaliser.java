package dev.stigsmith.hostdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what a property value means. Every reader first turns its input into
 * a Jackson tree (scalars, arrays, objects cut to what PowerShell wrote) and hands each property
 * here, so collector JSON, ConvertTo-Json, Export-Clixml and Export-Csv agree on the result.
 *
 * <p>Rules: enums and flags become the names PowerShell prints; sizes become bytes or "Unlimited";
 * time spans become .NET's constant format "[d.]hh:mm:ss[.fffffff]"; multi-valued properties become
 * lists of strings; objects that PowerShell cut or that we know the shape of become their ToString
 * text.
 */
final class ValueNormaliser {
  private ValueNormaliser() {}

  enum Kind { BOOL, INT, INT_OR_UNLIMITED, SIZE, TIMESPAN, LIST, TEXT, ENUM, ANY }

  /** Builds the exception for a bad property, with whatever location the reader knows. */
  interface Locator {
    HostDataException at(String property, String problem);
  }

  private static final Map<String, Kind> KINDS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private static void kind(Kind k, String... properties) {
    for (String p : properties) KINDS.put(p, k);
  }

  static {
    kind(Kind.BOOL,
        "DomainSecureEnabled", "DNSRoutingEnabled", "RequireTLS", "Enabled", "IgnoreSTARTTLS",
        "UseExternalDNSServersEnabled", "IsScopedConnector", "IsSmtpConnector", "FrontendProxyEnabled",
        "CloudServicesMailEnabled", "RequireOorg", "ChunkingEnabled", "EightBitMimeEnabled",
        "BinaryMimeEnabled", "PipeliningEnabled", "EnhancedStatusCodesEnabled", "LongAddressesEnabled",
        "OrarEnabled", "SuppressXAnonymousTls", "AdvertiseClientSettings", "RequireEHLODomain",
        "EnableAuthGSSAPI", "DeliveryStatusNotificationEnabled", "DsnEnabled", "IsValid",
        "ExternalDNSAdapterEnabled", "InternalDNSAdapterEnabled", "MessageTrackingLogEnabled",
        "MessageTrackingLogSubjectLoggingEnabled", "ConnectivityLogEnabled", "AntispamAgentsEnabled",
        "ShadowRedundancyEnabled", "PipelineTracingEnabled", "ContentConversionTracingEnabled",
        "RecipientValidationCacheEnabled", "IsEdgeServer", "IsHubTransportServer", "IsMailboxServer",
        "IsClientAccessServer", "IsFrontendTransportServer", "IsExchangeTrialEdition", "IsE15OrLater");
    kind(Kind.INT,
        "Port", "SmtpMaxMessagesPerConnection", "MaxRecipientsPerMessage",
        "MaxInboundConnectionPercentagePerSource", "MaxLocalHopCount", "MaxHopCount",
        "MaxLogonFailures");
    kind(Kind.INT_OR_UNLIMITED,
        "MaxInboundConnection", "MaxInboundConnectionPerSource", "MessageRateLimit",
        "MaxProtocolErrors", "MaxRecipientEnvelopeLimit", "MaxConcurrentMailboxDeliveries",
        "MaxConcurrentMailboxSubmissions", "MaxOutboundConnections", "MaxPerDomainOutboundConnections");
    kind(Kind.SIZE,
        "MaxMessageSize", "MaxHeaderSize", "MaxSendSize", "MaxReceiveSize", "MaxDumpsterSizePerDatabase",
        "SendProtocolLogMaxFileSize", "ReceiveProtocolLogMaxFileSize", "SendProtocolLogMaxDirectorySize",
        "ReceiveProtocolLogMaxDirectorySize", "MessageTrackingLogMaxFileSize",
        "MessageTrackingLogMaxDirectorySize", "ConnectivityLogMaxFileSize",
        "ConnectivityLogMaxDirectorySize");
    kind(Kind.TIMESPAN,
        "ConnectionInactivityTimeOut", "ConnectionTimeout", "TarpitInterval", "MaxAcknowledgementDelay",
        "AuthTarpitInterval", "SendProtocolLogMaxAge", "ReceiveProtocolLogMaxAge",
        "MessageTrackingLogMaxAge", "ConnectivityLogMaxAge", "MessageExpirationTimeout",
        "SafetyNetHoldTime", "MaxDumpsterTime", "TransientFailureRetryInterval",
        "OutboundConnectionFailureRetryInterval", "MessageRetryInterval", "DelayNotificationTimeout",
        "ShadowHeartbeatFrequency", "ShadowMessageAutoDiscardInterval");
    kind(Kind.LIST,
        "SmartHosts", "AddressSpaces", "SourceTransportServers", "ConnectedDomains", "Bindings",
        "RemoteIPRanges", "TLSReceiveDomainSecureList", "TLSSendDomainSecureList", "InternalSMTPServers",
        "InternalDNSServers", "ExternalDNSServers", "TlsDomainCapabilities");
    kind(Kind.TEXT,
        "Name", "Identity", "SmartHostsString", "Fqdn", "TlsCertificateName", "TlsDomain", "Comment",
        "Banner", "Server", "DistinguishedName", "Guid", "AdminDisplayVersion", "Edition", "Site",
        "OriginatingServer", "PSComputerName", "RunspaceId", "ExchangeVersion", "ServiceDiscoveryFqdn",
        "SourceIPAddress", "HomeMTA", "HomeMtaServerId", "LinkedReceiveConnector", "Domain",
        "ReceiveProtocolLogPath", "SendProtocolLogPath", "MessageTrackingLogPath",
        "ConnectivityLogPath", "ExternalPostmasterAddress", "ExternalIPAddress");
    // Mailbox server (Exchange 2016 Mailbox STIG).
    kind(Kind.BOOL,
        "AdminAuditLogEnabled", "AutoForwardEnabled", "AutoReplyEnabled", "DeliveryReportEnabled", "NDREnabled",
        "CircularLoggingEnabled", "RetainDeletedItemsUntilBackup", "MountAtStartup", "ErrorReportingEnabled",
        "CustomerFeedbackEnabled", "EncryptionRequired", "FormsAuthentication", "WindowsAuthentication",
        "BasicAuthentication", "DigestAuthentication");
    kind(Kind.SIZE, "ProhibitSendReceiveQuota", "ProhibitSendQuota", "IssueWarningQuota");
    kind(Kind.LIST, "AdminAuditLogParameters", "AdminAuditLogCmdlets", "Servers");
    kind(Kind.TEXT,
        "DomainName", "InternalUrl", "ExternalUrl", "ForwardingSmtpAddress", "EdbFilePath", "bindingInformation",
        "protocol", "ItemXPath");
    for (String p : ExchangeEnums.properties()) KINDS.put(p, Kind.ENUM);
    // Edge 2016 STIG: organisation, antispam agents, transport agents, certificates, event log levels.
    kind(Kind.BOOL,
        "CustomerFeedbackEnabled", "ErrorReportingEnabled", "BlankSenderBlockingEnabled",
        "RecipientValidationEnabled", "BlockListEnabled", "ExternalMailEnabled", "InternalMailEnabled",
        "OpenProxyDetectionEnabled", "SenderBlockingEnabled", "SCLRejectEnabled", "SCLQuarantineEnabled",
        "SCLDeleteEnabled", "IsSelfSigned", "IsMachineGenerated", "HasExpired", "Default");
    kind(Kind.INT,
        "TransientFailureRetryCount", "SrlBlockThreshold", "SCLRejectThreshold", "SCLQuarantineThreshold",
        "SCLDeleteThreshold", "SenderBlockingPeriod", "Priority");
    kind(Kind.TEXT,
        "QuarantineMailbox", "LookupDomain", "IPRange", "Issuer", "Subject", "Thumbprint", "DomainName",
        "SpoofedDomainAction", "Action", "TempErrorAction");
    kind(Kind.LIST,
        "BlockedDomains", "BlockedDomainsAndSubdomains", "BlockedSenders", "BlockedRecipients",
        "BypassedRecipients", "BypassedSenderDomains", "CertificateDomains");
  }

  /** {@link #KINDS} under each name as spelled there: most lookups are spelled so, and a hash beats the tree. */
  private static final Map<String, Kind> KINDS_AS_SPELLED = new java.util.HashMap<>(KINDS);

  static Kind kindOf(String property) {
    Kind k = KINDS_AS_SPELLED.get(property);
    return k != null ? k : KINDS.getOrDefault(property, Kind.ANY);
  }

  /**
   * Normalises every property of one object. A property that this input cannot carry (Export-Csv
   * writes a collection as its .NET type name) is left out rather than guessed.
   *
   * @param fromCsv values are cell text: "True", "25" and "" stand for typed values
   */
  static PsObject object(List<Map.Entry<String, JsonNode>> properties, boolean fromCsv, Locator where)
      throws HostDataException {
    Map<String, PsValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : properties) {
      try {
        Optional<PsValue> v = value(p.getKey(), p.getValue(), fromCsv);
        if (v.isPresent()) out.put(p.getKey(), v.get());
      } catch (BadValue e) {
        throw where.at(p.getKey(), e.getMessage());
      }
    }
    deriveSmartHosts(out);
    return new PsObject(out);
  }

  /**
   * SmartHostsString is the comma-joined SmartHosts, computed by Exchange and never null; an empty
   * CSV field (which could be either) therefore means "". It survives exports that lose the list.
   */
  private static void deriveSmartHosts(Map<String, PsValue> props) {
    props.replaceAll((k, v) -> k.equalsIgnoreCase("SmartHostsString") && v instanceof PsValue.Null ? new PsValue.Text("") : v);
    boolean hasList = props.keySet().stream().anyMatch("SmartHosts"::equalsIgnoreCase);
    if (hasList) return;
    props.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("SmartHostsString"))
        .findFirst()
        .ifPresent(e -> props.put("SmartHosts", new PsValue.TextList(splitList(e.getValue().ovalText()))));
  }

  /** Empty when the input cannot tell the value (see {@link #object}). */
  static Optional<PsValue> value(String property, JsonNode raw, boolean fromCsv) throws BadValue {
    if (raw == null || raw.isNull() || raw.isMissingNode()) return Optional.of(PsValue.NULL);
    Kind kind = kindOf(property);
    if (raw.isTextual() && isCollectionTypeName(raw.textValue())) return Optional.empty();
    if (fromCsv && raw.isTextual() && raw.textValue().isEmpty() && kind != Kind.LIST) {
      return Optional.of(PsValue.NULL);
    }
    return Optional.of(switch (kind) {
      case BOOL -> bool(raw);
      case INT -> integer(raw, false);
      case INT_OR_UNLIMITED -> integer(raw, true);
      case SIZE -> size(raw);
      case TIMESPAN -> timeSpan(raw);
      case LIST -> list(raw, true);
      case ENUM -> enumValue(property, raw);
      case TEXT -> new PsValue.Text(text(raw));
      case ANY -> any(raw, fromCsv);
    });
  }

  /** A registry value as the collector wrote it: DWORD/QWORD numbers, strings, multi-strings. */
  static PsValue registryValue(JsonNode raw) throws BadValue {
    if (raw == null || raw.isNull()) return PsValue.NULL;
    if (raw.isIntegralNumber()) return new PsValue.Int(raw.longValue());
    if (raw.isTextual()) return new PsValue.Text(raw.textValue());
    if (raw.isBoolean()) return new PsValue.Bool(raw.booleanValue());
    if (raw.isArray()) return list(raw, false);
    throw new BadValue("expected a number, string or list of strings for a registry value");
  }

  // ---- kinds -------------------------------------------------------------------------------

  private static PsValue bool(JsonNode raw) throws BadValue {
    if (raw.isBoolean()) return new PsValue.Bool(raw.booleanValue());
    if (raw.isTextual()) {
      String t = raw.textValue().trim();
      if (t.equalsIgnoreCase("true")) return new PsValue.Bool(true);
      if (t.equalsIgnoreCase("false")) return new PsValue.Bool(false);
    }
    throw new BadValue("expected true or false, got " + shown(raw));
  }

  // Compiled once: String.matches compiles its pattern on every call, and these run for every property value.
  private static final Pattern SIGNED_LONG = Pattern.compile("-?\\d{1,18}");
  private static final Pattern UNSIGNED_LONG = Pattern.compile("\\d{1,18}");
  private static final Pattern CANONICAL_LONG = Pattern.compile("-?[1-9]\\d{0,17}|0");
  private static final Pattern NON_DIGIT = Pattern.compile("\\D");

  private static PsValue integer(JsonNode raw, boolean unlimitedAllowed) throws BadValue {
    if (raw.isIntegralNumber() && raw.canConvertToLong()) return new PsValue.Int(raw.longValue());
    String t = raw.isObject() ? objectText((ObjectNode) raw) : raw.isTextual() ? raw.textValue().trim() : null;
    if (t != null) {
      if (SIGNED_LONG.matcher(t).matches()) return new PsValue.Int(Long.parseLong(t));
      if (unlimitedAllowed && t.equalsIgnoreCase("Unlimited")) return new PsValue.Text("Unlimited");
    }
    throw new BadValue("expected an integer" + (unlimitedAllowed ? " or \"Unlimited\"" : "") + ", got " + shown(raw));
  }

  private static final Pattern BYTES_IN_PARENS = Pattern.compile("\\(([\\d,.'\\s\\u00a0\\u202f]+) bytes\\)");
  private static final Pattern SIZE_WITH_UNIT =
      Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)");

  private static PsValue size(JsonNode raw) throws BadValue {
    if (raw.isIntegralNumber() && raw.canConvertToLong() && raw.longValue() >= 0) {
      return new PsValue.Int(raw.longValue());
    }
    String t = raw.isObject() ? objectText((ObjectNode) raw) : raw.isTextual() ? raw.textValue().trim() : null;
    if (t != null) {
      if (t.equalsIgnoreCase("Unlimited")) return new PsValue.Text("Unlimited");
      if (UNSIGNED_LONG.matcher(t).matches()) return new PsValue.Int(Long.parseLong(t));
      Matcher m = BYTES_IN_PARENS.matcher(t);
      if (m.find()) {
        String digits = NON_DIGIT.matcher(m.group(1)).replaceAll("");
        if (!digits.isEmpty() && digits.length() <= 18) return new PsValue.Int(Long.parseLong(digits));
      }
      Matcher u = SIZE_WITH_UNIT.matcher(t);
      if (u.matches()) {
        int power = "BKMGT".indexOf(Character.toUpperCase(u.group(2).charAt(0)));
        double bytes = Double.parseDouble(u.group(1)) * Math.pow(1024, power);
        return new PsValue.Int(Math.round(bytes));
      }
    }
    throw new BadValue("expected a size (bytes, \"35 MB (36,700,160 bytes)\" or \"Unlimited\"), got " + shown(raw));
  }

  private static final Pattern TIME_SPAN =
      Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?");
  private static final Pattern ISO_DURATION =
      Pattern.compile("(-)?P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:\\.(\\d{1,7}))?S)?)?");

  private static PsValue timeSpan(JsonNode raw) throws BadValue {
    if (raw.isObject() && raw.has("Ticks") && raw.get("Ticks").canConvertToLong()) {
      return new PsValue.Text(formatTicks(raw.get("Ticks").longValue()));
    }
    String t = raw.isObject() ? objectText((ObjectNode) raw) : raw.isTextual() ? raw.textValue().trim() : null;
    if (t != null) {
      if (t.equalsIgnoreCase("Unlimited")) return new PsValue.Text("Unlimited");
      String c = canonicalTimeSpan(t);
      if (c != null) return new PsValue.Text(c);
    }
    throw new BadValue("expected a .NET time span like \"00:10:00\" or \"1.00:00:00\" (at most 10675199.02:48:05.4775807),"
        + " got " + shown(raw));
  }

  /**
   * "0:10:00", "00:10", "PT10M" → "00:10:00"; null when the text is no time span, or one beyond what a
   * .NET TimeSpan holds (a long of 100 ns ticks), which would otherwise wrap around into another value.
   */
  static String canonicalTimeSpan(String t) {
    Matcher m = TIME_SPAN.matcher(t);
    if (m.matches()) {
      long h = Long.parseLong(m.group(3));
      long min = Long.parseLong(m.group(4));
      long s = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
      if (h > 23 || min > 59 || s > 59) return null;
      return ticksText(m.group(1) != null, digits(m.group(2)), h, min, s, m.group(6));
    }
    Matcher d = ISO_DURATION.matcher(t);
    if (d.matches() && t.length() > 1 && !t.endsWith("T")) {
      return ticksText(d.group(1) != null, digits(d.group(2)), digits(d.group(3)), digits(d.group(4)), digits(d.group(5)),
          d.group(6));
    }
    return null;
  }

  /** The span's .NET text; null when a component, or the whole, is more than a long of ticks holds. */
  private static String ticksText(boolean negative, Long d, Long h, Long min, Long s, String fraction) {
    if (d == null || h == null || min == null || s == null) return null;
    try {
      long seconds = Math.addExact(Math.multiplyExact(Math.addExact(Math.multiplyExact(
          Math.addExact(Math.multiplyExact(d, 24), h), 60), min), 60), s);
      long whole = Math.multiplyExact(seconds, 10_000_000L);
      long part = fraction == null ? 0 : Long.parseLong((fraction + "000000").substring(0, 7));
      // Summed on the sign's side: the most negative span has one tick more than the most positive.
      return formatTicks(negative ? Math.subtractExact(-whole, part) : Math.addExact(whole, part));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A component's digits as a number (0 when absent); null when more than a long holds. */
  private static Long digits(String text) {
    if (text == null) return 0L;
    return text.length() > 18 ? null : Long.parseLong(text);
  }

  /**
   * .NET TimeSpan.ToString(): [-][d.]hh:mm:ss[.fffffff], in ASCII digits whatever the default locale
   * (String.format would localise them), and without String.format's cost: a fleet run formats every
   * time span of every host.
   */
  static String formatTicks(long ticks) {
    // Unsigned: the magnitude of Long.MIN_VALUE does not fit a long.
    long abs = ticks < 0 ? -ticks : ticks;
    long total = Long.divideUnsigned(abs, 10_000_000L);
    long fraction = Long.remainderUnsigned(abs, 10_000_000L);
    long days = total / 86_400;
    long rest = total % 86_400;
    StringBuilder sb = new StringBuilder(24);
    if (ticks < 0) sb.append('-');
    if (days > 0) sb.append(days).append('.');
    digits(sb, rest / 3600, 2).append(':');
    digits(sb, rest % 3600 / 60, 2).append(':');
    digits(sb, rest % 60, 2);
    if (fraction > 0) digits(sb.append('.'), fraction, 7);
    return sb.toString();
  }

  /** {@code value} (not negative) with leading zeros to {@code width} digits. */
  private static StringBuilder digits(StringBuilder sb, long value, int width) {
    String s = Long.toString(value);
    for (int i = s.length(); i < width; i++) sb.append('0');
    return sb.append(s);
  }

  private static PsValue list(JsonNode raw, boolean splitText) throws BadValue {
    List<String> values = new ArrayList<>();
    if (raw.isArray()) {
      for (JsonNode e : raw) {
        if (e.isNull()) continue;
        if (e.isArray()) throw new BadValue("expected a list of strings, got a nested list");
        values.add(text(e));
      }
    } else if (raw.isTextual() && splitText) {
      values.addAll(splitList(raw.textValue()));
    } else if (raw.isObject()) {
      values.add(objectText((ObjectNode) raw));
    } else if (raw.isValueNode() && !raw.isTextual()) {
      values.add(raw.asText());
    } else {
      throw new BadValue("expected a list of strings, got " + shown(raw));
    }
    return new PsValue.TextList(values);
  }

  /**
   * A multi-valued property flattened to one string: by "-join ','" (also SmartHostsString) or by
   * string interpolation, which joins with a space. Elements of the list properties we know never
   * contain either.
   */
  static List<String> splitList(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    for (String part : text.split("[,\\s]+")) {
      if (!part.isEmpty()) out.add(part);
    }
    return out;
  }

  private static PsValue enumValue(String property, JsonNode raw) throws BadValue {
    ExchangeEnums.EnumType type = ExchangeEnums.forProperty(property).orElseThrow();
    try {
      if (raw.isIntegralNumber() && raw.canConvertToLong()) return new PsValue.Text(type.nameOf(raw.longValue()));
      if (raw.isTextual()) return new PsValue.Text(type.canonical(raw.textValue()));
      if (raw.isObject() && raw.has("value__")) return new PsValue.Text(type.nameOf(raw.get("value__").asLong()));
    } catch (IllegalArgumentException e) {
      throw new BadValue(e.getMessage());
    }
    throw new BadValue("expected a " + type.name() + " name or number, got " + shown(raw));
  }

  private static PsValue any(JsonNode raw, boolean fromCsv) {
    if (raw.isBoolean()) return new PsValue.Bool(raw.booleanValue());
    if (raw.isIntegralNumber() && raw.canConvertToLong()) return new PsValue.Int(raw.longValue());
    if (raw.isArray()) {
      List<String> values = new ArrayList<>();
      for (JsonNode e : raw) if (!e.isNull()) values.add(text(e));
      return new PsValue.TextList(values);
    }
    if (raw.isTextual() && fromCsv) {
      // Export-Csv writes every value as text; undo that for the shapes that are unambiguous.
      String t = raw.textValue();
      if (t.equals("True")) return new PsValue.Bool(true);
      if (t.equals("False")) return new PsValue.Bool(false);
      if (CANONICAL_LONG.matcher(t).matches()) return new PsValue.Int(Long.parseLong(t));
    }
    return new PsValue.Text(text(raw));
  }

  // ---- text of values ------------------------------------------------------------------------

  /** The text PowerShell would show for a scalar or a cut object. */
  static String text(JsonNode n) {
    // A cut object may lack the member its shape suggests (Domain without Address): no text, not a crash.
    if (n == null) return "";
    if (n.isTextual()) return n.textValue();
    if (n.isObject()) return objectText((ObjectNode) n);
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.forEach(e -> parts.add(text(e)));
      return String.join(" ", parts);
    }
    return n.asText();
  }

  private static final Pattern RECEIVE_CONNECTOR_DN =
      Pattern.compile("(?i)^CN=(.+?),CN=SMTP Receive Connectors,CN=Protocols,CN=([^,]+),");

  /**
   * ConvertTo-Json expands an object to its properties until -Depth runs out; rebuild the ToString
   * text of the Exchange types that show up in connector output.
   */
  static String objectText(ObjectNode o) {
    if (o.has("IsUnlimited") && o.get("IsUnlimited").asBoolean(false)) return "Unlimited";
    if (o.has("IsUnlimited") && o.has("Value")) return text(o.get("Value"));
    if (o.has("DistinguishedName") && o.get("DistinguishedName").isTextual()) {
      Matcher m = RECEIVE_CONNECTOR_DN.matcher(o.get("DistinguishedName").textValue());
      if (m.find()) return m.group(2) + "\\" + m.group(1);
      if (o.has("Name") && o.get("Name").isTextual()) return o.get("Name").textValue();
      return o.get("DistinguishedName").textValue();
    }
    if (o.has("Ticks") && o.get("Ticks").canConvertToLong()) return formatTicks(o.get("Ticks").longValue());
    if (o.has("IPAddressToString")) return text(o.get("IPAddressToString"));
    if (o.has("IsIPAddress") && (o.has("Domain") || o.has("Address"))) {
      if (o.get("IsIPAddress").asBoolean(false)) return "[" + text(o.get("Address")) + "]";
      return text(o.get("Domain"));
    }
    if (o.has("Type") && o.has("Address") && o.has("Cost")) {
      return text(o.get("Type")) + ":" + text(o.get("Address")) + ";" + o.get("Cost").asText();
    }
    if (o.has("Address") && o.has("Port")) {
      String a = text(o.get("Address"));
      return (a.contains(":") ? "[" + a + "]" : a) + ":" + o.get("Port").asText();
    }
    if (o.has("LowerBound") && o.has("UpperBound")) {
      String lo = text(o.get("LowerBound"));
      String hi = text(o.get("UpperBound"));
      return lo.equals(hi) ? lo : lo + "-" + hi;
    }
    if (o.has("HostnameString")) return text(o.get("HostnameString"));
    if (o.has("Domain") && o.size() <= 2) return text(o.get("Domain"));
    if (o.has("Name") && o.get("Name").isTextual() && o.has("Parent")) return o.get("Name").textValue();
    // Mailbox server types: System.Uri (OWA URLs), ProxyAddress (ForwardingSmtpAddress), and
    // SmtpDomainWithSubdomains (remote domain DomainName, "*" or "*.contoso.com").
    if (o.has("AbsoluteUri") && o.has("OriginalString")) return text(o.get("OriginalString"));
    if (o.has("ProxyAddressString")) return text(o.get("ProxyAddressString"));
    if (o.has("IncludeSubDomains") && o.has("Address")) return text(o.get("Address"));
    return o.toString();
  }

  /**
   * What Export-Csv writes for a collection (it calls ToString, which for collections is the type
   * name): the values are lost.
   */
  static boolean isCollectionTypeName(String t) {
    return t.startsWith("System.") && COLLECTION_TYPE_NAME.matcher(t).matches()
        || t.contains("MultiValuedProperty") && MULTI_VALUED_TYPE_NAME.matcher(t).matches();
  }

  private static final java.util.regex.Pattern COLLECTION_TYPE_NAME =
      java.util.regex.Pattern.compile("System\\.(Object|String|Int32)\\[\\]|System\\.Collections\\.\\S+");
  private static final java.util.regex.Pattern MULTI_VALUED_TYPE_NAME =
      java.util.regex.Pattern.compile("(Deserialized\\.)?Microsoft\\.Exchange\\.Data\\.(AD)?MultiValuedProperty`1\\[.*\\]");

  private static String shown(JsonNode raw) {
    String s = raw.isTextual() ? '"' + raw.textValue() + '"' : raw.isObject() ? "an object" : raw.isArray() ? "a list" : raw.toString();
    return s.length() > 80 ? s.substring(0, 77) + "...\"" : s;
  }
}
