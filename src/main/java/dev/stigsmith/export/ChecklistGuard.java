package dev.stigsmith.export;

import dev.stigsmith.io.OutputSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an existing {@code <host>.ckl/.cklb} may be replaced: it is the checklist given as
 * {@code --previous} (its answers are merged into the new one), or it is still exactly what
 * stigsmith last wrote there (the output record's SHA-256), or, with no record, a CKL carrying
 * stigsmith's writer comment for the same host, or identical bytes. Anything else (a checklist
 * from STIG Viewer, one edited since, another asset's) is someone's work and is kept.
 */
public final class ChecklistGuard {
  private ChecklistGuard() {}

  public static boolean isChecklist(String fileName) {
    return fileName.endsWith(".ckl") || fileName.endsWith(".cklb");
  }

  public static OutputSet.Guard guard(Path previous) {
    return (existing, replacement, recorded) -> {
      if (previous != null && Files.exists(previous) && Files.isSameFile(existing, previous)) return true;
      byte[] now = Files.readAllBytes(existing);
      if (recorded != null) return recorded.equals(OutputSet.sha256(now));
      if (Arrays.equals(now, replacement)) return true;
      return existing.getFileName().toString().endsWith(".ckl") && oursForSameHost(now, replacement);
    };
  }

  private static final Pattern MARK = Pattern.compile("\\A<\\?xml[^>]*>\\s*<!--stigsmith [^>]*-->");
  private static final Pattern HOST = Pattern.compile("<HOST_NAME>([^<]*)</HOST_NAME>");

  private static boolean oursForSameHost(byte[] existing, byte[] replacement) throws IOException {
    String head = new String(existing, 0, Math.min(existing.length, 4096), StandardCharsets.UTF_8);
    if (!MARK.matcher(head).find()) return false;
    String newHead = new String(replacement, 0, Math.min(replacement.length, 4096), StandardCharsets.UTF_8);
    Matcher a = HOST.matcher(head);
    Matcher b = HOST.matcher(newHead);
    return a.find() && b.find() && a.group(1).equalsIgnoreCase(b.group(1));
  }
}
