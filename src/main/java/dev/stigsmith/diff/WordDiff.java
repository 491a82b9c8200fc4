package dev.stigsmith.diff;

import java.util.ArrayList;
import java.util.List;

/** A word-level diff for people: unchanged words as they are, removals as [-…-], additions as {+…+}. */
public final class WordDiff {
  private WordDiff() {}

  /** One run of words: kind is ' ' (same), '-' (removed) or '+' (added). */
  public record Run(char kind, String text) {}

  public static List<Run> runs(String a, String b) {
    String[] x = words(a);
    String[] y = words(b);
    int[][] lcs = new int[x.length + 1][y.length + 1];
    for (int i = x.length - 1; i >= 0; i--) {
      for (int j = y.length - 1; j >= 0; j--) {
        lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Run> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i].equals(y[j])) {
        add(out, ' ', x[i]);
        i++;
        j++;
      } else if (i < x.length && (j == y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        add(out, '-', x[i++]);
      } else {
        add(out, '+', y[j++]);
      }
    }
    return out;
  }

  /** The whole text with changes marked, e.g. "If the [-old-]{+new+} value". */
  public static String marked(String a, String b) {
    StringBuilder sb = new StringBuilder();
    for (Run r : runs(a, b)) {
      if (!sb.isEmpty()) sb.append(' ');
      sb.append(switch (r.kind()) {
        case '-' -> "[-" + r.text() + "-]";
        case '+' -> "{+" + r.text() + "+}";
        default -> r.text();
      });
    }
    return sb.toString();
  }

  /**
   * Only the changes, with up to four unchanged words around them; a long unchanged stretch between
   * two changes is cut to "…".
   */
  public static String changes(String a, String b) {
    List<Run> runs = runs(a, b);
    if (runs.stream().allMatch(r -> r.kind() == ' ')) return "";
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      Run r = runs.get(k);
      if (r.kind() == '-') parts.add("[-" + r.text() + "-]");
      else if (r.kind() == '+') parts.add("{+" + r.text() + "+}");
      else if (k == 0) parts.add(tail(r.text(), 4));
      else if (k == runs.size() - 1) parts.add(head(r.text(), 4));
      else if (r.text().split(" ").length <= 8) parts.add(r.text());
      else parts.add(head(r.text(), 4) + " … " + tail(r.text(), 4));
    }
    return String.join(" ", parts);
  }

  private static String tail(String s, int n) {
    String[] w = s.split(" ");
    return String.join(" ", java.util.Arrays.copyOfRange(w, Math.max(0, w.length - n), w.length));
  }

  private static String head(String s, int n) {
    String[] w = s.split(" ");
    return String.join(" ", java.util.Arrays.copyOfRange(w, 0, Math.min(n, w.length)));
  }

  private static void add(List<Run> out, char kind, String word) {
    if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
      Run last = out.remove(out.size() - 1);
      out.add(new Run(kind, last.text() + " " + word));
    } else {
      out.add(new Run(kind, word));
    }
  }

  private static String[] words(String s) {
    String t = s.trim();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }
}
