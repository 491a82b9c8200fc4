package dev.stigsmith.validate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * stigsmith's own rule ids with their one-line explanations (for `--format sarif` rule metadata and the
 * README). XSD constraint codes (cvc-…) and the official Schematron ids are reported as they are.
 */
public final class Rules {
  private Rules() {}

  public static final Map<String, String> OWN = new LinkedHashMap<>();

  static String rule(String id, String text) {
    OWN.put(id, text);
    return id;
  }

  // Documents and references (always checked).
  public static final String WELL_FORMED = rule("xml-well-formed", "the file must be well-formed XML");
  public static final String DOCTYPE = rule("xml-doctype", "SCAP documents carry no DOCTYPE; stigsmith reads no DTDs");
  public static final String JSON = rule("json-syntax", "the file must be valid JSON");
  public static final String JSON_SCHEMA = rule("json-schema", "the JSON document must satisfy its published schema");
  public static final String CONTENT = rule("content", "stigsmith content YAML must load (first problem reported)");
  public static final String REF = rule("ref-missing", "every id a document refers to must be defined in it");
  public static final String CHECK_REF = rule("xccdf-check-ref",
      "every OVAL definition or OCIL questionnaire an XCCDF check names must exist in the component it points at");
  public static final String COMPONENT_REF = rule("ds-component-ref",
      "every data stream component-ref and catalog entry must point at a component in the collection");
  public static final String SELECT_REF = rule("xccdf-profile-select",
      "a Profile may select, refine and set only items the benchmark defines");
  public static final String VALUE_REF = rule("xccdf-value-ref", "check-export and sub must name an existing Value");
  public static final String NETWORK = rule("no-network-ref",
      "checks and components must be inside the content, never fetched from the network");
  // Lint for STIG authors (warnings).
  public static final String SELECT_DEPRECATED = rule("xccdf-profile-selects-deprecated",
      "a Profile should not select a deprecated or superseded Rule");
  public static final String UNUSED = rule("oval-unused",
      "every OVAL test, object, state and variable should be used by something");
  public static final String UNUSED_DEF = rule("oval-unused-definition",
      "every OVAL definition in a data stream should be used by a Rule, a CPE or another definition");
  public static final String OCIL_UNUSED = rule("ocil-unused", "every OCIL question and test action should be used");
  public static final String STIG_ID = rule("stig-rule-stig-id", "a STIG Rule carries its STIG ID as its version");
  public static final String STIG_CCI = rule("stig-rule-cci", "a STIG Rule carries at least one CCI ident");
  public static final String STIG_SEVERITY = rule("stig-rule-severity", "a STIG Rule states severity low, medium or high");
  public static final String STIG_FIX = rule("stig-rule-fix", "a STIG Rule carries fix text");
  public static final String STIG_CHECK = rule("stig-rule-check", "a STIG Rule carries a check");
  public static final String STIG_ID_FORMAT = rule("stig-id-format",
      "DISA ids are well-formed: V-n (Vuln ID), SV-nrN_rule (Rule ID), CCI-nnnnnn");
}
