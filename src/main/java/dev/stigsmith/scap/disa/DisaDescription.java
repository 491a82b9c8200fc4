package dev.stigsmith.scap.disa;

import dev.stigsmith.model.Description;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pseudo-XML DISA packs into a Rule description ({@code <VulnDiscussion>…</VulnDiscussion>…}).
 * It is text, not XML: field values may hold {@code &}, {@code <} or tag-like words of their own, so a
 * field ends only at its own closing tag and nothing inside is unescaped.
 */
public final class DisaDescription {
  /** DISA's tag names, in the order DISA writes them. */
  public static final List<String> TAGS = List.of("VulnDiscussion", "FalsePositives", "FalseNegatives",
      "Documentable", "Mitigations", "SeverityOverrideGuidance", "PotentialImpacts", "ThirdPartyTools",
      "MitigationControl", "Responsibility", "IAControls");

  private DisaDescription() {}

  /**
   * Splits the description into its tagged fields. A text with none of DISA's tags is taken as the
   * discussion alone; a tag left open runs to the end of the text.
   */
  public static Map<String, String> fields(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < text.length()) {
      String tag = tagAt(text, i);
      if (tag == null) {
        i++;
        continue;
      }
      int start = i + tag.length() + 2;
      String close = "</" + tag + ">";
      int end = text.indexOf(close, start);
      if (end < 0) end = text.length();
      out.putIfAbsent(tag, text.substring(start, end));
      i = Math.min(text.length(), end + close.length());
    }
    if (out.isEmpty() && !text.isBlank()) out.put("VulnDiscussion", text);
    return out;
  }

  private static String tagAt(String text, int i) {
    if (text.charAt(i) != '<') return null;
    for (String t : TAGS) {
      if (text.startsWith(t + ">", i + 1)) return t;
    }
    return null;
  }

  public static Description parse(String text) {
    Map<String, String> f = fields(text);
    return new Description(f.get("VulnDiscussion"), f.get("FalsePositives"), f.get("FalseNegatives"),
        f.get("Documentable"), f.get("Mitigations"), f.get("SeverityOverrideGuidance"), f.get("PotentialImpacts"),
        f.get("ThirdPartyTools"), f.get("MitigationControl"), f.get("Responsibility"), f.get("IAControls"));
  }

  /** The description text as DISA writes it: every tag present, empty ones included. */
  public static String format(Description d) {
    List<String> values = List.of(d.vulnDiscussion(), d.falsePositives(), d.falseNegatives(), d.documentable(),
        d.mitigations(), d.severityOverrideGuidance(), d.potentialImpacts(), d.thirdPartyTools(),
        d.mitigationControl(), d.responsibility(), d.iaControls());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < TAGS.size(); i++) {
      sb.append('<').append(TAGS.get(i)).append('>').append(values.get(i)).append("</").append(TAGS.get(i)).append('>');
    }
    return sb.toString();
  }
}
