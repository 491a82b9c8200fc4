package dev.stigsmith.oval.engine;

/** RPM "epoch:version-release" ordering (rpmvercmp on each part). */
final class EvrStringComparator implements DatatypeComparator {
  @Override
  public boolean compare(String actual, Operation op, String expected) {
    if (op == Operation.PATTERN_MATCH) return DatatypeComparator.patternMatch(actual, expected);
    String[] a = split(actual);
    String[] e = split(expected);
    int c = rpmvercmp(a[0], e[0]);
    if (c == 0) c = rpmvercmp(a[1], e[1]);
    if (c == 0) c = rpmvercmp(a[2], e[2]);
    return op.ordered(c);
  }

  private static String[] split(String evr) {
    String s = evr.trim();
    int colon = s.indexOf(':');
    String epoch = colon < 0 ? "0" : s.substring(0, colon);
    String rest = colon < 0 ? s : s.substring(colon + 1);
    int dash = rest.lastIndexOf('-');
    return dash < 0
        ? new String[] {epoch, rest, ""}
        : new String[] {epoch, rest.substring(0, dash), rest.substring(dash + 1)};
  }

  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) return 0;
    int i = 0, j = 0;
    while (i < a.length() || j < b.length()) {
      while (i < a.length() && !Character.isLetterOrDigit(a.charAt(i)) && a.charAt(i) != '~') i++;
      while (j < b.length() && !Character.isLetterOrDigit(b.charAt(j)) && b.charAt(j) != '~') j++;
      boolean ta = i < a.length() && a.charAt(i) == '~';
      boolean tb = j < b.length() && b.charAt(j) == '~';
      if (ta || tb) {
        if (!ta) return 1;
        if (!tb) return -1;
        i++;
        j++;
        continue;
      }
      if (i >= a.length() || j >= b.length()) break;
      boolean num = Character.isDigit(a.charAt(i));
      int si = i, sj = j;
      if (num) {
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
      } else {
        while (i < a.length() && Character.isLetter(a.charAt(i))) i++;
        while (j < b.length() && Character.isLetter(b.charAt(j))) j++;
      }
      String x = a.substring(si, i);
      String y = b.substring(sj, j);
      if (y.isEmpty()) return num ? 1 : -1;
      if (num) {
        x = x.replaceFirst("^0+(?=.)", "");
        y = y.replaceFirst("^0+(?=.)", "");
        if (x.length() != y.length()) return x.length() > y.length() ? 1 : -1;
      }
      int c = x.compareTo(y);
      if (c != 0) return Integer.signum(c);
    }
    boolean ra = i < a.length();
    boolean rb = j < b.length();
    return ra == rb ? 0 : ra ? 1 : -1;
  }
}
