package dev.stigsmith.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A serialised document with holes: the bytes the direct writer gave for a document whose per-host leaves
 * held markers, cut at those leaves. Filling the holes with a host's values gives the bytes the writer would
 * give for that host's document, without building or walking it: in a fleet run most of a checklist (every
 * rule's texts) is the same for every host, and building and writing it again was the largest per-host cost.
 *
 * <p>A hole is a text-only element: {@code <NAME>} marker {@code </NAME>}. Filled, it is {@code <NAME/>} for an
 * empty value and {@code <NAME>escaped</NAME>} otherwise, as the direct writer writes them; a value the
 * direct writer would not write (whitespace only, characters the JDK serialiser writes as references)
 * makes {@link #fill} return null, and the caller renders that document the ordinary way.
 */
public final class XmlTemplate {
  private static final byte[] SLASH_CLOSE = "/>".getBytes(StandardCharsets.US_ASCII);

  private final byte[][] before;
  private final byte[][] closeTags;
  private final byte[] tail;
  private final int constantLength;

  private XmlTemplate(byte[][] before, byte[][] closeTags, byte[] tail) {
    this.before = before;
    this.closeTags = closeTags;
    this.tail = tail;
    int n = tail.length;
    for (byte[] b : before) n += b.length;
    for (byte[] c : closeTags) n += c.length;
    constantLength = n;
  }

  /** The marker text of hole {@code i}: private-use characters the direct writer writes as themselves. */
  public static String marker(int i) {
    return "\uE000" + i + "\uE001";
  }

  /**
   * Cuts {@code bytes} (a direct writer's output, see {@link XmlOutput#toBytesDirect}) at the markers of
   * holes 0 … {@code holes}-1, which must appear in that order; null when one is not a text-only element.
   */
  public static XmlTemplate of(byte[] bytes, int holes) {
    List<byte[]> before = new ArrayList<>();
    List<byte[]> closes = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < holes; i++) {
      byte[] m = marker(i).getBytes(StandardCharsets.UTF_8);
      int at = Bytes.indexOf(bytes, m, from);
      if (at <= 0 || bytes[at - 1] != '>') return null;
      int end = at + m.length;
      if (end + 2 > bytes.length || bytes[end] != '<' || bytes[end + 1] != '/') return null;
      int gt = Bytes.indexOf(bytes, (byte) '>', end);
      if (gt < 0) return null;
      before.add(Arrays.copyOfRange(bytes, from, at - 1));
      closes.add(Arrays.copyOfRange(bytes, end, gt + 1));
      from = gt + 1;
    }
    if (Bytes.indexOf(bytes, "\uE000".getBytes(StandardCharsets.UTF_8), from) >= 0) return null;
    return new XmlTemplate(before.toArray(byte[][]::new), closes.toArray(byte[][]::new),
        Arrays.copyOfRange(bytes, from, bytes.length));
  }

  public int holes() {
    return before.length;
  }

  /** The document with hole i holding {@code values.get(i)}; null when a value needs the ordinary path. */
  public byte[] fill(List<String> values) {
    if (values.size() != before.length) throw new IllegalArgumentException(values.size() + " values for " + before.length + " holes");
    byte[][] texts = new byte[values.size()][];
    int n = constantLength;
    for (int i = 0; i < texts.length; i++) {
      String v = values.get(i);
      if (v == null || v.isEmpty()) {
        n += SLASH_CLOSE.length - closeTags[i].length;
        continue;
      }
      texts[i] = DomWriter.text(v);
      if (texts[i] == null) return null;
      n += texts[i].length + 1;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (int i = 0; i < texts.length; i++) {
      at = put(out, at, before[i]);
      if (texts[i] == null) {
        at = put(out, at, SLASH_CLOSE);
      } else {
        out[at++] = '>';
        at = put(out, at, texts[i]);
        at = put(out, at, closeTags[i]);
      }
    }
    put(out, at, tail);
    return out;
  }

  private static int put(byte[] out, int at, byte[] b) {
    System.arraycopy(b, 0, out, at, b.length);
    return at + b.length;
  }
}
