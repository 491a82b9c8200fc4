package dev.stigsmith.xml;

import java.util.Map;

/**
 * One-line explanations of the SCAP 1.3 validation requirements (NIST SP 800-126 Rev. 3, "SRC-…" and
 * "A-…" ids) that the official source data stream Schematron reports by id alone.
 */
final class ScapRequirements {
  private ScapRequirements() {}

  private static final Map<String, String> TEXT = Map.ofEntries(
      Map.entry("SRC-2-1", "an XCCDF Benchmark must state its language (xml:lang)"),
      Map.entry("SRC-3-2", "an XCCDF Benchmark's version must carry a time attribute"),
      Map.entry("SRC-4-1", "an XCCDF Benchmark must declare style=\"SCAP_1.3\""),
      Map.entry("SRC-5-1", "an XCCDF Benchmark must have a status element"),
      Map.entry("SRC-5-2", "an XCCDF Benchmark's status must carry a date"),
      Map.entry("SRC-8-1", "XCCDF metadata must name a creator (dc:creator)"),
      Map.entry("SRC-8-2", "an XCCDF Benchmark must carry metadata"),
      Map.entry("SRC-9-1", "an XCCDF Benchmark must have a title"),
      Map.entry("SRC-9-3", "an XCCDF Benchmark with several titles must have an en-US one"),
      Map.entry("SRC-10-1", "an XCCDF Benchmark must have a description"),
      Map.entry("SRC-25-1", "XCCDF checks in a data stream must reference their content, not embed check-content"),
      Map.entry("SRC-118-1", "an XCCDF check must use the OVAL or OCIL check system"),
      Map.entry("SRC-118-2", "a CPE dictionary check must use the OVAL or OCIL check system"),
      Map.entry("SRC-118-3", "a CPE applicability check must use the OVAL or OCIL check system"),
      Map.entry("SRC-169-2", "the security-patches rule must be checked by OVAL"),
      Map.entry("SRC-175-1", "an XCCDF check must have a check-content-ref"),
      Map.entry("SRC-207-1", "a compliance OVAL definition should reference a CCE"),
      Map.entry("SRC-214-1", "a vulnerability OVAL definition should reference a CVE"),
      Map.entry("SRC-216-1", "an OVAL definition's references must be well-formed"),
      Map.entry("SRC-216-2", "an OVAL definition's references must be well-formed"),
      Map.entry("SRC-251-1", "an XCCDF Rule should carry a CCE, CVE or CPE ident"),
      Map.entry("SRC-276-1", "XCCDF Values in SCAP content may not use complex values or sources"),
      Map.entry("SRC-284-1", "a data stream signature must contain a manifest"),
      Map.entry("SRC-285-1", "a data stream signature must carry TMSAD signature information"),
      Map.entry("SRC-286-1", "a data stream signature's first reference must be the data stream"),
      Map.entry("SRC-287-1", "a data stream signature's second reference must be its signature properties"),
      Map.entry("SRC-288-1", "a data stream signature's third reference must be its manifest"),
      Map.entry("SRC-290-1", "a data stream signature should carry KeyInfo"),
      Map.entry("SRC-324-1", "a data stream's use-case must be CONFIGURATION, VULNERABILITY, INVENTORY or OTHER"),
      Map.entry("SRC-330-2", "a data stream collection must declare schematron-version=\"1.3\""),
      Map.entry("SRC-339-1", "an XCCDF Benchmark in SCAP content may not use XInclude"),
      Map.entry("SRC-341-1", "an XCCDF Benchmark's versions must carry an update attribute"),
      Map.entry("SRC-343-1", "an XCCDF Benchmark in SCAP content may not use set-complex-value"),
      Map.entry("A-16-1", "a CCE ident should not be empty"),
      Map.entry("A-17-1", "a CCE ident must start with 'CCE-'"),
      Map.entry("A-18-1", "a CCE ident must be a well-formed CCE id"),
      Map.entry("A-26-1", "an XCCDF Rule should state selected, weight, role and severity explicitly"));

  static String explain(String id) {
    return TEXT.getOrDefault(id, "SCAP 1.3 requirement " + id + " is not met");
  }
}
