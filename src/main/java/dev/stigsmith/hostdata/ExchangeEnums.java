package dev.stigsmith.hostdata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Exchange enums that appear in the cmdlet output we read, keyed by the property that carries
 * them. ConvertTo-Json in Windows PowerShell 5.1 writes these as numbers (flags as integer sums),
 * remote sessions and Export-Clixml as names; every reader turns both into the name PowerShell
 * prints, so the OVAL side only ever sees names.
 */
public final class ExchangeEnums {
  private ExchangeEnums() {}

  /** One .NET enum: its members in declaration order (which is how PowerShell lists flags). */
  public record EnumType(String name, boolean flags, Map<String, Long> members) {
    public EnumType {
      members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The name PowerShell prints for a numeric value; flags as "A, B" in ascending bit order. */
    public String nameOf(long value) throws IllegalArgumentException {
      for (Map.Entry<String, Long> m : members.entrySet()) {
        if (m.getValue() == value) return m.getKey();
      }
      if (!flags || value < 0) throw unknown(Long.toString(value));
      List<String> names = new ArrayList<>();
      long rest = value;
      for (Map.Entry<String, Long> m : members.entrySet()) {
        long bit = m.getValue();
        if (bit != 0 && Long.bitCount(bit) == 1 && (rest & bit) == bit) {
          names.add(m.getKey());
          rest &= ~bit;
        }
      }
      if (rest != 0) throw unknown(Long.toString(value));
      return String.join(", ", names);
    }

    /** Compiled once: every enum and flag value of every object comes through here. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+");

    /** Canonical spelling of a name ("tls,integrated" → "Tls, Integrated"), or of a number. */
    public String canonical(String text) throws IllegalArgumentException {
      String t = text.trim();
      if (NUMBER.matcher(t).matches()) {
        // No member's value has 19 digits; a longer number names none (and would not fit a long).
        if (t.length() > (t.startsWith("-") ? 19 : 18)) throw unknown(t);
        return nameOf(Long.parseLong(t));
      }
      long sum = 0;
      String[] parts = flags ? t.split(",") : new String[] {t};
      for (String part : parts) {
        Long v = lookup(part.trim());
        if (v == null) throw unknown('"' + text + '"');
        sum |= v;
      }
      return nameOf(sum);
    }

    private Long lookup(String name) {
      for (Map.Entry<String, Long> m : members.entrySet()) {
        if (m.getKey().equalsIgnoreCase(name)) return m.getValue();
      }
      return null;
    }

    private IllegalArgumentException unknown(String value) {
      StringBuilder known = new StringBuilder();
      members.forEach((k, v) -> known.append(known.length() == 0 ? "" : ", ").append(k).append('=').append(v));
      return new IllegalArgumentException(
          "unknown " + name + (flags ? " flags " : " value ") + value + " (known: " + known + ")");
    }
  }

  private static EnumType type(String name, boolean flags, Object... nameValuePairs) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      m.put((String) nameValuePairs[i], ((Number) nameValuePairs[i + 1]).longValue());
    }
    return new EnumType(name, flags, m);
  }

  public static final EnumType TLS_AUTH_LEVEL =
      type("TlsAuthLevel", false, "EncryptionOnly", 1, "CertificateValidation", 2, "DomainValidation", 3);

  /** Receive connector AuthMechanism. */
  public static final EnumType AUTH_MECHANISMS =
      type("AuthMechanisms", true, "None", 0, "Tls", 1, "Integrated", 2, "BasicAuth", 4,
          "BasicAuthRequireTLS", 8, "ExchangeServer", 16, "ExternalAuthoritative", 32);

  /** Send connector SmartHostAuthMechanism: same names as above, different bits. */
  public static final EnumType SMART_HOST_AUTH_MECHANISMS =
      type("SmartHostAuthMechanism", true, "None", 0, "BasicAuth", 2, "BasicAuthRequireTLS", 4,
          "ExchangeServer", 8, "ExternalAuthoritative", 16);

  public static final EnumType PERMISSION_GROUPS =
      type("PermissionGroups", true, "None", 0, "AnonymousUsers", 1, "ExchangeUsers", 2,
          "ExchangeServers", 4, "ExchangeLegacyServers", 8, "Partners", 16, "Custom", 32);

  public static final EnumType PROTOCOL_LOGGING_LEVEL =
      type("ProtocolLoggingLevel", false, "None", 0, "Verbose", 1);

  public static final EnumType SIZE_MODE =
      type("SizeMode", false, "Disabled", 0, "Enabled", 1, "EnabledWithoutValue", 2);

  public static final EnumType ERROR_POLICIES =
      type("ErrorPolicies", true, "Default", 0, "DowngradeDnsFailures", 1,
          "DowngradeCustomFailures", 2, "UpgradeCustomFailures", 4);

  /** "All" is IPAddress|User; PowerShell prints it by name, so it is a plain member here. */
  public static final EnumType MESSAGE_RATE_SOURCE =
      type("MessageRateSourceFlags", false, "None", 0, "IPAddress", 1, "User", 2, "All", 3);

  public static final EnumType EXTENDED_PROTECTION_POLICY =
      type("ExtendedProtectionPolicySetting", false, "None", 0, "Allow", 1, "Require", 2);

  /** Only the roles an Exchange 2016 transport or mailbox server reports. */
  public static final EnumType SERVER_ROLE =
      type("ServerRole", true, "None", 0, "Cafe", 1, "Mailbox", 2, "ClientAccess", 4,
          "UnifiedMessaging", 16, "HubTransport", 32, "Edge", 64, "FrontendTransport", 16384);

  /** Get-EventLogLevel EventLevel (Set-EventLogLevel -Level): the levels' numbers skip 2, 4 and 6. */
  public static final EnumType EVENT_LEVEL =
      type("EventLevel", false, "Lowest", 0, "Low", 1, "Medium", 3, "High", 5, "Expert", 7);

  /** Get-ExchangeCertificate Services: the services a certificate is enabled for. */
  public static final EnumType ALLOWED_SERVICES =
      type("AllowedServices", true, "None", 0, "IMAP", 1, "POP", 2, "UM", 4, "IIS", 8, "SMTP", 16,
          "Federation", 32, "UMCallRouter", 64);

  // ---- Mailbox server (Exchange 2016 Mailbox STIG) ----

  /** Get-RemoteDomain AllowedOOFType, in declaration order (no explicit values). */
  public static final EnumType ALLOWED_OOF_TYPE =
      type("AllowedOOFType", false, "External", 0, "InternalLegacy", 1, "ExternalLegacy", 2, "None", 3);

  /**
   * Outlook Anywhere client authentication methods (AuthenticationMethod), in declaration order;
   * Misconfigured, whose number changed between releases, is left out: a number beyond is refused.
   */
  public static final EnumType AUTHENTICATION_METHOD =
      type("AuthenticationMethod", false, "Basic", 0, "Digest", 1, "Ntlm", 2, "Fba", 3, "WindowsIntegrated", 4,
          "LiveIdFba", 5, "LiveIdBasic", 6, "WSSecurity", 7, "Certificate", 8, "NegoEx", 9, "OAuth", 10, "Adfs", 11,
          "Kerberos", 12, "Negotiate", 13, "LiveIdNegotiate", 14);

  private static final Map<String, EnumType> BY_PROPERTY = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    BY_PROPERTY.put("TlsAuthLevel", TLS_AUTH_LEVEL);
    BY_PROPERTY.put("AuthMechanism", AUTH_MECHANISMS);
    BY_PROPERTY.put("SmartHostAuthMechanism", SMART_HOST_AUTH_MECHANISMS);
    BY_PROPERTY.put("PermissionGroups", PERMISSION_GROUPS);
    BY_PROPERTY.put("ProtocolLoggingLevel", PROTOCOL_LOGGING_LEVEL);
    BY_PROPERTY.put("IntraOrgConnectorProtocolLoggingLevel", PROTOCOL_LOGGING_LEVEL);
    BY_PROPERTY.put("SizeEnabled", SIZE_MODE);
    BY_PROPERTY.put("ErrorPolicies", ERROR_POLICIES);
    BY_PROPERTY.put("MessageRateSource", MESSAGE_RATE_SOURCE);
    BY_PROPERTY.put("ExtendedProtectionPolicy", EXTENDED_PROTECTION_POLICY);
    BY_PROPERTY.put("TransportRole", SERVER_ROLE);
    BY_PROPERTY.put("ServerRole", SERVER_ROLE);
    BY_PROPERTY.put("EventLevel", EVENT_LEVEL);
    BY_PROPERTY.put("Services", ALLOWED_SERVICES);
    // Mailbox server.
    BY_PROPERTY.put("AllowedOOFType", ALLOWED_OOF_TYPE);
    BY_PROPERTY.put("InternalClientAuthenticationMethod", AUTHENTICATION_METHOD);
    BY_PROPERTY.put("ExternalClientAuthenticationMethod", AUTHENTICATION_METHOD);
  }

  /** The enum a property carries, whatever cmdlet it comes from. */
  public static Optional<EnumType> forProperty(String property) {
    return Optional.ofNullable(BY_PROPERTY.get(property));
  }

  /** Property names that carry enums, sorted (for documentation and tests). */
  public static List<String> properties() {
    return List.copyOf(BY_PROPERTY.keySet());
  }
}
