package dev.stigsmith.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DISA Rule ID, e.g. SV-221218r879636_rule: the rule number stays, the revision changes whenever DISA
 * re-issues the rule.
 */
public record RuleId(String number, String revision) implements Comparable<RuleId> {
  private static final Pattern FORM = Pattern.compile("(SV-\\d+)r(\\d+)_rule");

  public RuleId {
    if (!number.matches("SV-\\d+")) throw new IllegalArgumentException("rule number '" + number + "' is not SV-<digits>");
    if (!revision.matches("\\d+")) throw new IllegalArgumentException("rule revision '" + revision + "' is not digits");
  }

  public static RuleId parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a DISA Rule ID (SV-<n>r<revision>_rule)");
    return new RuleId(m.group(1), m.group(2));
  }

  public static boolean isRuleId(String text) {
    return FORM.matcher(text.trim()).matches();
  }

  /** "SV-221218r879636_rule" */
  @Override
  public String toString() { return number + "r" + revision + "_rule"; }

  /** "SV-221218r879636", as STIG Viewer 3 writes rule_id. */
  public String withoutSuffix() { return number + "r" + revision; }

  @Override
  public int compareTo(RuleId o) {
    int c = number.compareTo(o.number);
    return c != 0 ? c : compareDigits(revision, o.revision);
  }

  /** Two digit strings by the numbers they write, however long (a revision is not bounded). */
  static int compareDigits(String a, String b) {
    String x = withoutLeadingZeros(a);
    String y = withoutLeadingZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String withoutLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') i++;
    return digits.substring(i);
  }
}
