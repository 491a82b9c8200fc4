package dev.stigsmith.export;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * Identifiers exporters mint. Checklist uuids are name-based (RFC 4122 version 5) on benchmark, release,
 * host and rule, so writing the same results twice gives the same file, and a re-run on the same host
 * keeps its uuids. Results for STIG Manager carry DISA's XCCDF ids, which is what it maps back to rules.
 */
public final class ExportIds {
  /** Namespace for every uuid stigsmith derives (itself the v5 uuid of "dev.stigsmith" in the URL namespace). */
  static final UUID NAMESPACE = nameUuid(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "dev.stigsmith");

  public static final String DISA_BENCHMARK_PREFIX = "xccdf_mil.disa.stig_benchmark_";
  public static final String DISA_RULE_PREFIX = "xccdf_mil.disa.stig_rule_";
  public static final String DISA_GROUP_PREFIX = "xccdf_mil.disa.stig_group_";
  public static final String DISA_TESTRESULT_PREFIX = "xccdf_mil.disa.stig_testresult_";

  private ExportIds() {}

  /** The checklist as a whole (CKLB id). */
  public static UUID checklist(Benchmark b, String hostName) {
    return nameUuid(NAMESPACE, "checklist|" + b.id() + "|" + b.versionRelease() + "|" + host(hostName));
  }

  /** The STIG inside a checklist (SI_DATA uuid, STIG_UUID, stigs[].uuid). */
  public static UUID stig(Benchmark b, String hostName) {
    return nameUuid(NAMESPACE, "stig|" + b.id() + "|" + b.versionRelease() + "|" + host(hostName));
  }

  /** One rule of a checklist (CKLB rules[].uuid). */
  public static UUID rule(Benchmark b, String hostName, Rule r) {
    return nameUuid(NAMESPACE, "rule|" + b.id() + "|" + host(hostName) + "|" + r.ruleId());
  }

  public static String disaBenchmark(Benchmark b) { return DISA_BENCHMARK_PREFIX + b.id(); }

  public static String disaRule(Rule r) { return DISA_RULE_PREFIX + r.ruleId(); }

  public static String disaGroup(Rule r) { return DISA_GROUP_PREFIX + r.vulnId(); }

  public static String disaTestResult(Benchmark b) { return DISA_TESTRESULT_PREFIX + b.id(); }

  /** Host names are case-insensitive; the same host must get the same uuids however it was typed. */
  private static String host(String hostName) {
    return hostName == null ? "" : hostName.trim().toLowerCase(Locale.ROOT);
  }

  /** RFC 4122 section 4.3, SHA-1 (version 5). The JDK only offers the MD5 flavour. */
  static UUID nameUuid(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer ns = ByteBuffer.allocate(16);
    ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
    sha1.update(ns.array());
    byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x50);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer bb = ByteBuffer.wrap(h, 0, 16);
    return new UUID(bb.getLong(), bb.getLong());
  }
}
