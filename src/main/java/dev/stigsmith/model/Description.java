package dev.stigsmith.model;

/**
 * The fields DISA packs into a Rule's escaped description. Empty text means DISA left it empty.
 */
public record Description(
    String vulnDiscussion,
    String falsePositives,
    String falseNegatives,
    String documentable,
    String mitigations,
    String severityOverrideGuidance,
    String potentialImpacts,
    String thirdPartyTools,
    String mitigationControl,
    String responsibility,
    String iaControls) {

  public Description {
    vulnDiscussion = nz(vulnDiscussion);
    falsePositives = nz(falsePositives);
    falseNegatives = nz(falseNegatives);
    documentable = documentable == null || documentable.isBlank() ? "false" : documentable;
    mitigations = nz(mitigations);
    severityOverrideGuidance = nz(severityOverrideGuidance);
    potentialImpacts = nz(potentialImpacts);
    thirdPartyTools = nz(thirdPartyTools);
    mitigationControl = nz(mitigationControl);
    responsibility = nz(responsibility);
    iaControls = nz(iaControls);
  }

  public static Description of(String discussion) {
    return new Description(discussion, "", "", "false", "", "", "", "", "", "", "");
  }

  private static String nz(String s) { return s == null ? "" : s; }
}
