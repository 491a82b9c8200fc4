package dev.stigsmith.scap;

import dev.stigsmith.model.Benchmark;
import dev.stigsmith.model.Rule;
import java.util.zip.CRC32;
import java.nio.charset.StandardCharsets;

/**
 * Every id we mint, derived from content only (never from time or hash order), so output is
 * reproducible and ids survive regeneration. Our reverse-DNS namespace is {@code dev.stigsmith}.
 */
public final class Ids {
  public static final String VENDOR = "dev.stigsmith";
  /** OVAL namespace of rule checks; Vuln numbers are unique across DISA's STIGs. */
  public static final String OVAL_STIG_NS = VENDOR + ".stig";
  /** OVAL namespace of platform (CPE inventory) checks. */
  public static final String OVAL_CPE_NS = VENDOR + ".cpe";

  private Ids() {}

  public static String benchmark(Benchmark b) { return "xccdf_" + VENDOR + "_benchmark_" + b.id(); }

  public static String profile(String profileId) { return "xccdf_" + VENDOR + "_profile_" + profileId; }

  public static String group(String vulnId) { return "xccdf_" + VENDOR + "_group_" + vulnId; }

  public static String rule(Rule r) { return "xccdf_" + VENDOR + "_rule_" + r.ruleId(); }

  public static String value(String valueId) { return "xccdf_" + VENDOR + "_value_" + valueId; }

  public static String testResult(String benchmarkId) { return "xccdf_" + VENDOR + "_testresult_" + benchmarkId; }

  /** The rule id with our prefix removed, or null when it is not one of ours. */
  public static String disaRuleIdOf(String xccdfRuleId) {
    String p = "xccdf_" + VENDOR + "_rule_";
    return xccdfRuleId.startsWith(p) ? xccdfRuleId.substring(p.length()) : null;
  }

  /** A rule's OVAL definition: one per Vuln ID, so it survives DISA's revision bumps. */
  public static String ovalDefinition(Rule r) { return "oval:" + OVAL_STIG_NS + ":def:" + r.vulnNumber(); }

  /** Tests, objects, states and variables of a rule: Vuln number times 100 plus a local index (1..99). */
  public static String ovalPart(Rule r, String type, int local) {
    if (local < 1 || local > 99) throw new IllegalArgumentException("local OVAL index out of range: " + local);
    return "oval:" + OVAL_STIG_NS + ":" + type + ":" + (r.vulnNumber() * 100 + local);
  }

  /** OCIL namespace of manual-rule questionnaires (same reverse-DNS area as the rules' OVAL). */
  public static final String OCIL_STIG_NS = OVAL_STIG_NS;

  /**
   * A manual rule's questionnaire, test action and question: one each per Vuln ID, numbered by the
   * Vuln number as OVAL definitions are, so the ids survive DISA's revision bumps.
   */
  public static String ocilQuestionnaire(Rule r) { return ocil(r, "questionnaire"); }

  public static String ocilTestAction(Rule r) { return ocil(r, "testaction"); }

  public static String ocilQuestion(Rule r) { return ocil(r, "question"); }

  private static String ocil(Rule r, String type) { return "ocil:" + OCIL_STIG_NS + ":" + type + ":" + r.vulnNumber(); }

  /** Platform definitions are numbered from the CPE name, stable for a given platform. */
  public static long platformNumber(String cpeName) {
    CRC32 crc = new CRC32();
    crc.update(cpeName.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 9_000_000L + 1_000_000L;
  }

  public static String platformDefinition(String cpeName) { return "oval:" + OVAL_CPE_NS + ":def:" + platformNumber(cpeName); }

  public static String platformPart(String cpeName, String type, int local) {
    return "oval:" + OVAL_CPE_NS + ":" + type + ":" + (platformNumber(cpeName) * 100 + local);
  }

  // Data stream ids: scap_<vendor>_<kind>_<name>
  public static String collection(Benchmark b) { return "scap_" + VENDOR + "_collection_from_xccdf_" + b.id(); }

  public static String dataStream(Benchmark b) { return "scap_" + VENDOR + "_datastream_" + b.id(); }

  public static String component(String fileName) { return "scap_" + VENDOR + "_comp_" + fileName; }

  public static String componentRef(String fileName) { return "scap_" + VENDOR + "_cref_" + fileName; }
}
