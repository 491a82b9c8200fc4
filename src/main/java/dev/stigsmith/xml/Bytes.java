package dev.stigsmith.xml;

/** Searching serialised documents as bytes, where decoding a megabyte to find a marker showed in profiles. */
public final class Bytes {
  private Bytes() {}

  /** The first index at or after {@code from} where {@code needle} occurs in {@code hay}, or -1. */
  public static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  /** The first index at or after {@code from} of {@code b} in {@code hay}, or -1. */
  public static int indexOf(byte[] hay, byte b, int from) {
    for (int i = Math.max(0, from); i < hay.length; i++) if (hay[i] == b) return i;
    return -1;
  }

  /** Whether {@code prefix} occurs in {@code hay} at {@code at}. */
  public static boolean startsWith(byte[] hay, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > hay.length) return false;
    for (int k = 0; k < prefix.length; k++) if (hay[at + k] != prefix[k]) return false;
    return true;
  }
}
